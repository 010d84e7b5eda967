// Notices from the engine (events on the stream), translated here from their code and params.
import type { Notice } from '../state/replica.js';
import { type MessageKey, type Translate } from '../i18n/i18n.js';

export function Notices({ notices, dismiss, t }: { notices: Notice[]; dismiss: (id: number) => void; t: Translate }) {
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((n) => (
        <li key={n.id} className={`notice ${n.event.level}`}>
          <span>{t(`notice.${n.event.code}` as MessageKey, n.event.params)}</span>
          <button type="button" onClick={() => dismiss(n.id)}>
            {t('notice.dismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}
