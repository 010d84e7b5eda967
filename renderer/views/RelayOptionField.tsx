// The profile editor's "through the local relay" option (the profile's `relay`, docs/profiles.md):
// off, or the port go asks first. The service validates the value when the profile is saved.
import { useMemo, useState } from 'react';
import { DEFAULT_RELAY_PORT, type RelayOption } from '../../shared/profile/types.js';
import { relayTranslator } from '../i18n/relay.js';
import { useLocale } from '../i18n/i18n.js';

export function RelayOptionField({ value, onChange }: { value: RelayOption | null; onChange: (relay: RelayOption | null) => void }) {
  const locale = useLocale();
  const r = useMemo(() => relayTranslator(locale), [locale]);
  // The last port typed, so turning the option off and on again keeps it.
  const [port, setPort] = useState(String(value?.port ?? DEFAULT_RELAY_PORT));
  const on = value !== null;
  return (
    <fieldset className="field relay-option" data-testid="editor-relay-option">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked ? { port: Number(port) } : null)} data-testid="editor-relay" /> {r('relay.option')}
      </label>
      {on && (
        <label>
          <span>{r('relay.option.port')}</span>
          <input
            type="number"
            min={1}
            max={65535}
            value={port}
            onChange={(e) => {
              setPort(e.target.value);
              onChange({ port: Number(e.target.value) });
            }}
            className="mono"
            data-testid="editor-relay-port"
          />
        </label>
      )}
      <p className="muted">{on ? r('relay.option.on', { port }) : r('relay.option.off')}</p>
    </fieldset>
  );
}
