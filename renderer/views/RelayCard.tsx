// The Overview's card for the local relay (state.relay): whether it serves and where, its
// requests and cache hits, and each upstream's health as the relay measured it; or why it does
// not run, or how to turn it on.
import { useMemo } from 'react';
import type { RelayView } from '../../shared/contract/state.js';
import type { Locale } from '../i18n/i18n.js';
import { rich } from '../i18n/rich.js';
import { formatBytes, relayTranslator } from '../i18n/relay.js';

export function RelayCard({ relay, locale }: { relay: RelayView | undefined; locale: Locale }) {
  const r = useMemo(() => relayTranslator(locale), [locale]);
  const status = relay?.status ?? 'off';
  return (
    <div className="panel relay-card" data-testid="relay-card" data-status={status}>
      <h3>{r('relay.heading')}</h3>
      {relay === undefined || relay.status === 'off' ? (
        <p className="muted">{rich(r('relay.off'), { option: <code>{'"relay": {"port": 7890}'}</code> })}</p>
      ) : relay.status === 'down' ? (
        <p className="warning" data-testid="relay-down">
          {relay.error !== null ? r('relay.downBecause', { port: relay.port ?? '?', error: relay.error }) : r('relay.down', { port: relay.port ?? '?' })}
        </p>
      ) : (
        <>
          <p className="ok" data-testid="relay-up">
            {r('relay.up', { url: relay.url ?? '' })}
          </p>
          <p data-testid="relay-requests">{r('relay.requests', { requests: relay.requests, hits: relay.cacheHits, size: formatBytes(relay.cacheBytes, r) })}</p>
          {relay.upstreams.length > 0 && (
            <>
              <h4>{r('relay.upstreams')}</h4>
              <ul className="relay-upstreams">
                {relay.upstreams.map((u) => (
                  <li key={u.url} data-testid="relay-upstream" data-state={u.state}>
                    <span className="mono">{u.url}</span> — {r(`relay.upstream.${u.state}`)} · {r('relay.upstream.figures', { requests: u.requests, failures: u.failures })}
                    {u.firstByteP90Ms !== null && <> · {r('relay.upstream.p90', { ms: Math.round(u.firstByteP90Ms) })}</>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
