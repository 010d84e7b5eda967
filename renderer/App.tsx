// The dashboard shell: the live state from the replica, navigation between the views (hash
// routes), language and theme from the settings, and each view fed from the state and the API.
// No decisions here: they are in shared/ui (routes, appearance, rows, diffs, forms).
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Api } from '../shared/contract/contract.js';
import type { AppState } from '../shared/contract/state.js';
import type { LanguageSetting } from '../shared/ui/appearance.js';
import { builtinProfileWords } from '../shared/ui/profile-text.js';
import type { StreamStatus } from './bridge/headless-client.js';
import { Nav } from './components/Nav.js';
import { rich } from './i18n/rich.js';
import { Notices } from './components/Notices.js';
import { useAppearance } from './components/useAppearance.js';
import { useBenchRows } from './components/useBenchRows.js';
import { useRoute } from './components/useRoute.js';
import type { Replica } from './state/replica.js';
import { BenchmarkView } from './views/BenchmarkView.js';
import { OverviewView } from './views/OverviewView.js';
import { ProfilesView } from './views/ProfilesView.js';
import { LanguageOptions, SettingsView } from './views/SettingsView.js';
import { I18nProvider, translate, type Locale } from './i18n/i18n.js';

// React Flow (the chain) and uPlot (the history chart) are most of the bundle's weight: they load
// with their views, so the first paint of every other view does not wait for them.
const ChainPage = lazy(() => import('./views/ChainPage.js').then((m) => ({ default: m.ChainPage })));
const HistoryPage = lazy(() => import('./views/HistoryPage.js').then((m) => ({ default: m.HistoryPage })));

export function App({ api, replica, streamStatus, initialLocale }: { api: Api; replica: Replica; streamStatus: StreamStatus | null; initialLocale: Locale }) {
  const app = useStore(replica.store, (s) => s.app);
  const notices = useStore(replica.store, (s) => s.notices);
  const [route, go] = useRoute();
  // One language setting (Settings' select and the header's are the same control): the choice
  // takes effect at once, and is saved; until the state confirms it, the choice is shown.
  const [chosen, setChosen] = useState<LanguageSetting | null>(null);
  const language = chosen ?? app?.settings.language ?? null;
  const { locale } = useAppearance(language, app?.settings.theme ?? null, initialLocale);
  useEffect(() => {
    if (chosen !== null && app?.settings.language === chosen) setChosen(null);
  }, [chosen, app?.settings.language]);
  // What the page shows may have changed while it was hidden (a terminal, an editor): re-read
  // it all when the page becomes visible or the window regains focus.
  useEffect(() => {
    const reread = () => {
      if (document.visibilityState === 'visible') void api.rereadAll({}).catch(() => {});
    };
    document.addEventListener('visibilitychange', reread);
    window.addEventListener('focus', reread);
    return () => {
      document.removeEventListener('visibilitychange', reread);
      window.removeEventListener('focus', reread);
    };
  }, [api]);
  const i18n = useMemo(() => ({ locale, t: translate(locale) }), [locale]);
  const t = i18n.t;
  const d = i18n.t;
  const live = useBenchRows(replica, app?.benchmark.running ?? null);

  const switchLocale = useCallback(
    (next: LanguageSetting) => {
      setChosen(next);
      if (app !== null) void api.updateSettings({ settings: { ...app.settings, language: next } }).catch(() => setChosen(null));
    },
    [api, app],
  );

  return (
    <I18nProvider value={i18n}>
      <div className="app" lang={locale}>
        <a className="skip-link" href="#main">
          {d(`nav.${route}`)}
        </a>
        <header className="app-header">
          <h1>{t('app.title')}</h1>
          {app !== null && <ActiveBadge profiles={app.profiles} d={d} locale={locale} />}
          {streamStatus !== null && (
            <span className={`status ${streamStatus}`} data-testid="stream-status">
              {t(`stream.${streamStatus}`)}
            </span>
          )}
          <label>
            {t('app.language')}{' '}
            <select value={language ?? 'system'} onChange={(e) => switchLocale(e.target.value as LanguageSetting)} disabled={app === null} data-testid="locale">
              <LanguageOptions d={d} locale={locale} />
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
    </I18nProvider>
  );
}

function Page({ route, app, api, locale, live }: { route: ReturnType<typeof useRoute>[0]; app: AppState; api: Api; locale: Locale; live: ReturnType<typeof useBenchRows> }) {
  switch (route) {
    case 'overview':
      return <OverviewView app={app} api={api} locale={locale} />;
    case 'chain':
      return <ChainPage config={app.config} health={app.health} api={api} />;
    case 'benchmark':
      return <BenchmarkView app={app} api={api} locale={locale} live={live} />;
    case 'history':
      return <HistoryPage api={api} />;
    case 'profiles':
      return <ProfilesView app={app} api={api} locale={locale} />;
    case 'settings':
      return <SettingsView app={app} api={api} locale={locale} />;
  }
}

/** The active profile's name: goproxyctl's own words in the locale, a name someone chose as written. */
function ProfileName({ profiles, locale }: { profiles: AppState['profiles']; locale: Locale }) {
  const active = profiles.list.find((p) => p.active) ?? null;
  if (active === null) return <span className="mono">{profiles.active}</span>;
  const words = builtinProfileWords(active.profile.id, active.origin, locale, active.profile.name);
  return words !== null ? <>{words.name}</> : <span data-verbatim>{active.profile.name}</span>;
}

function ActiveBadge({ profiles, d, locale }: { profiles: AppState['profiles']; d: ReturnType<typeof translate>; locale: Locale }) {
  const active = profiles.list.find((p) => p.active) ?? null;
  return (
    <span className="badge" data-testid="active-profile">
      {active === null && profiles.active === null ? d('header.noProfile') : rich(d('header.profile'), { name: <ProfileName profiles={profiles} locale={locale} /> })}
    </span>
  );
}
