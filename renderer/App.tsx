// The dashboard shell: live state from the replica, the configuration, the explain box.
// (The full dashboard, with the chain graph and benchmarks, is a later issue.)
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Api } from '../shared/contract/contract.js';
import type { StreamStatus } from './bridge/headless-client.js';
import { ConfigPanel } from './components/ConfigPanel.js';
import { ExplainPanel } from './components/ExplainPanel.js';
import { Notices } from './components/Notices.js';
import { LOCALES, translator, type Locale } from './i18n/messages.js';
import type { Replica } from './state/replica.js';

export function App({ api, replica, streamStatus, initialLocale }: { api: Api; replica: Replica; streamStatus: StreamStatus | null; initialLocale: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = useMemo(() => translator(locale), [locale]);
  const app = useStore(replica.store, (s) => s.app);
  const notices = useStore(replica.store, (s) => s.notices);

  return (
    <div className="app" lang={locale}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {streamStatus !== null && (
          <span className={`status ${streamStatus}`} data-testid="stream-status">
            {t(`stream.${streamStatus}`)}
          </span>
        )}
        <label>
          {t('app.language')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="locale">
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : '简体中文'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <Notices notices={notices} dismiss={replica.dismiss} t={t} />
      {app === null ? (
        <p data-testid="loading">{t('app.loading')}</p>
      ) : (
        <main data-testid="dashboard" data-revision={app.revision}>
          <ConfigPanel config={app.config} api={api} t={t} />
          <ExplainPanel explain={app.explain} api={api} t={t} />
        </main>
      )}
    </div>
  );
}
