// Credentials per private proxy: the keychain's status, the stored origins and users, a form to
// store one. The secret goes in once and is never shown again (the field is cleared on success;
// nothing that comes back contains it).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState } from '../../shared/contract/state.js';
import { useCommand } from '../components/useCommand.js';
import { render } from '../../shared/i18n/catalog.js';
import { rich, withCode } from '../i18n/rich.js';
import { isMessageKey, useLocale, type Locale, type Translate } from '../i18n/i18n.js';

/** The software a sentence names, in code style (it is what the user types or looks for). */
const SOFTWARE = {
  secretService: <span className="mono">Secret Service</span>,
  gnomeKeyring: <span className="mono">gnome-keyring</span>,
  dbus: <span className="mono">D-Bus</span>,
};

/**
 * One sentence in the user's language: what is wrong with the keychain and what to do. The
 * engine's sentence (a message) already says what is wrong, so it stands alone, never after a
 * "not available:" of ours (it would say the same thing twice, or say "not available" of a
 * keychain that works and holds an item goproxyctl did not write).
 */
function keychainProblem(status: NonNullable<AppState['credentials']['status']>, d: Translate, locale: Locale): ReactNode {
  const key = `creds.problem.${status.problemId ?? ''}`;
  if (isMessageKey(key)) return rich(d(key), SOFTWARE);
  if (status.problemMessage) return withCode(sentence(render(locale, status.problemMessage), locale));
  return status.problem ?? '';
}

/** The engine's sentence, which starts in lower case for use after a colon, as a sentence of its own. */
function sentence(text: string, locale: Locale): string {
  const first = text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  return /[.。]$/.test(first) ? first : `${first}${locale === 'zh-CN' ? '。' : '.'}`;
}

export function CredentialsPanel({ credentials, referenced, api, d }: { credentials: AppState['credentials']; referenced: string[]; api: Api; d: Translate }) {
  const locale = useLocale();
  const [origin, setOrigin] = useState('');
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const store = useCommand((o: string, u: string, s: string) => api.setCredential({ origin: o, user: u, secret: s }));
  const remove = useCommand((o: string) => api.removeCredential({ origin: o }));
  useEffect(() => {
    void api.refreshCredentials({}).catch(() => {});
  }, [api]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await store.run(origin, user, secret);
    setSecret('');
    if (saved !== undefined) setOrigin('');
  };
  const status = credentials.status;
  return (
    <div className="panel" data-testid="credentials">
      <h3>{d('creds.heading')}</h3>
      <p data-testid="keychain-status" className={status === null ? 'muted' : status.available ? 'ok' : 'error'}>
        {status === null ? d('creds.status.unknown') : status.available ? d('creds.status.ok', { backend: status.backend ?? '' }) : keychainProblem(status, d, locale)}
      </p>
      {referenced.length > 0 && <p className="muted mono">{d('creds.needed', { origins: referenced.join(', ') })}</p>}
      {credentials.error !== null && credentials.error !== status?.problem && <p className="error">{d('common.failed', { error: credentials.error })}</p>}
      {credentials.list.length === 0 ? (
        <p className="view-state empty">{d('creds.none')}</p>
      ) : (
        <ul className="plain">
          {credentials.list.map((c) => (
            <li key={c.origin} data-testid="credential">
              <span className="mono">{c.origin}</span> — {c.user}{' '}
              <button type="button" onClick={() => void remove.run(c.origin)} disabled={remove.busy}>
                {d('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="grid3" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{d('creds.origin')}</span>
          <input value={origin} onChange={(e) => setOrigin(e.target.value)} required className="mono" />
        </label>
        <label className="field">
          <span>{d('creds.user')}</span>
          <input value={user} onChange={(e) => setUser(e.target.value)} required autoComplete="off" />
        </label>
        <label className="field">
          <span>{d('creds.secret')}</span>
          <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} required autoComplete="new-password" />
        </label>
        <div className="actions">
          <button type="submit" disabled={store.busy || status?.available === false}>
            {d('creds.store')}
          </button>
        </div>
      </form>
      {store.error !== null && <p className="error" role="alert">{d('common.failed', { error: store.error })}</p>}
      {remove.error !== null && <p className="error" role="alert">{d('common.failed', { error: remove.error })}</p>}
      {store.result !== null && <p className="ok">{d('creds.stored', { origin: store.result.origin })}</p>}
    </div>
  );
}
