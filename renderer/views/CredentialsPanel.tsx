// Credentials per private proxy: the keychain's status, the stored origins and users, a form to
// store one. The secret goes in once and is never shown again (the field is cleared on success;
// nothing that comes back contains it).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState } from '../../shared/contract/state.js';
import { useCommand } from '../components/useCommand.js';
import { rich } from '../i18n/rich.js';
import { isMessageKey, type Translate } from '../i18n/i18n.js';

/** The software a sentence names, in code style (it is what the user types or looks for). */
const SOFTWARE = {
  secretService: <span className="mono">Secret Service</span>,
  gnomeKeyring: <span className="mono">gnome-keyring</span>,
  dbus: <span className="mono">D-Bus</span>,
};

/** One sentence in the user's language: what is wrong with the keychain and what to do. */
function keychainProblem(status: NonNullable<AppState['credentials']['status']>, d: Translate): ReactNode {
  const key = `creds.problem.${status.problemId ?? ''}`;
  return isMessageKey(key) ? rich(d(key), SOFTWARE) : d('creds.status.off', { problem: status.problem ?? '' });
}

export function CredentialsPanel({ credentials, referenced, api, d }: { credentials: AppState['credentials']; referenced: string[]; api: Api; d: Translate }) {
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
        {status === null ? d('creds.status.unknown') : status.available ? d('creds.status.ok', { backend: status.backend ?? '' }) : keychainProblem(status, d)}
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
