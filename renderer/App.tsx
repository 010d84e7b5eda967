// The dashboard shell: the live state from the replica, navigation between the views (hash
// routes), language and theme from the settings, and each view fed from the state and the API.
// No decisions here: they are in shared/ui (routes, appearance, rows, diffs, forms).
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Api } from '../shared/contract/contract.js';
import type { AppState } from '../shared/contract/state.js';
import type { StreamStatus } from './bridge/headless-client.js';
import { Nav } from './components/Nav.js';
import { Notices } from './components/Notices.js';
import { useAppearance } from './components/useAppearance.js';
import { useBenchRows } from './components/useBenchRows.js';
import { useRoute } from './components/useRoute.js';
import { dashboardTranslator } from './i18n/dashboard.js';
import { LOCALES, translator, type Locale } from './i18n/messages.js';
import type { Replica } from './state/replica.js';
import { BenchmarkView } from './views/BenchmarkView.js';
import { OverviewView } from './views/OverviewView.js';
import { ProfilesView } from './views/ProfilesView.js';
import { SettingsView } from './views/SettingsView.js';

// React Flow (the chain) and uPlot (the history chart) are most of the bundle's weight: they load
// with their views, so the first paint of every other view does not wait for them.
const ChainPage = lazy(() => import('./views/ChainPage.js').then((m) => ({ default: m.ChainPage })));
const HistoryPage = lazy(() => import('./views/HistoryPage.js').then((m) => ({ default: m.HistoryPage })));

export function App({ api, replica, streamStatus, initialLocale }: { api: Api; replica: Replica; streamStatus: StreamStatus | null; initialLocale: Locale }) {
  const app = useStore(replica.store, (s) => s.app);
  const notices = useStore(replica.store, (s) => s.notices);
  const [route, go] = useRoute();
  // The header's language switch takes effect at once, and is saved in the settings.
  const [chosen, setChosen] = useState<Locale | null>(null);
  const { locale } = useAppearance(chosen ?? app?.settings.language ?? null, app?.settings.theme ?? null, initialLocale);
  const t = useMemo(() => translator(locale), [locale]);
  const d = useMemo(() => dashboardTranslator(locale), [locale]);
  const live = useBenchRows(replica, app?.benchmark.running ?? null);

  const switchLocale = useCallback(
    (next: Locale) => {
      setChosen(next);
      if (app !== null) void api.updateSettings({ settings: { ...app.settings, language: next } }).catch(() => {});
    },
    [api, app],
  );

  return (
    <div className="app" lang={locale}>
      <a className="skip-link" href="#main">
        {d(`nav.${route}`)}
      </a>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {app !== null && <ActiveBadge profiles={app.profiles} d={d} />}
        {streamStatus !== null && (
          <span className={`status ${streamStatus}`} data-testid="stream-status">
            {t(`stream.${streamStatus}`)}
          </span>
        )}
        <label>
          {t('app.language')}{' '}
          <select value={locale} onChange={(e) => switchLocale(e.target.value as Locale)} data-testid="locale">
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : '简体中文'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <Nav route={route} go={go} t={d} />
      <Notices notices={notices} dismiss={replica.dismiss} t={t} />
      {app === null ? (
        <p className="view-state loading" role="status" data-testid="loading">
          {t('app.loading')}
        </p>
      ) : (
        <main id="main" data-testid="dashboard" data-route={route} data-revision={app.revision} tabIndex={-1}>
          <Suspense
            fallback={
              <p className="view-state loading" role="status">
                {t('app.loading')}
              </p>
            }
          >
            <Page route={route} app={app} api={api} locale={locale} live={live} />
          </Suspense>
        </main>
      )}
    </div>
  );
}

function Page({ route, app, api, locale, live }: { route: ReturnType<typeof useRoute>[0]; app: AppState; api: Api; locale: Locale; live: ReturnType<typeof useBenchRows> }) {
  switch (route) {
    case 'overview':
      return <OverviewView app={app} api={api} locale={locale} />;
    case 'chain':
      return <ChainPage config={app.config} health={app.health} api={api} locale={locale} />;
    case 'benchmark':
      return <BenchmarkView app={app} api={api} locale={locale} live={live} />;
    case 'history':
      return <HistoryPage api={api} locale={locale} />;
    case 'profiles':
      return <ProfilesView app={app} api={api} locale={locale} />;
    case 'settings':
      return <SettingsView app={app} api={api} locale={locale} />;
  }
}

function ActiveBadge({ profiles, d }: { profiles: AppState['profiles']; d: ReturnType<typeof dashboardTranslator> }) {
  const active = profiles.list.find((p) => p.active) ?? null;
  return (
    <span className="badge" data-testid="active-profile">
      {active !== null ? d('header.profile', { name: active.profile.name }) : profiles.active !== null ? d('header.profile', { name: profiles.active }) : d('header.noProfile')}
    </span>
  );
}
