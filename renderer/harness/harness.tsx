// A standalone page that renders the Chain and History views with generated data, for the UI
// benchmark (npm run bench:ui) and the views' end-to-end test. Query parameters:
//   view=chain|history|all (default all)   range=1h|24h|7d|30d (default 24h)
//   days=N   days of minute history to generate (default 30)   lang=en|zh-CN
//   history=empty|fail-once|all-failed   the store has no probes / the first load fails / every probe failed (the designed states)
import { useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HISTORY_RANGES, type HistoryRange } from '../../shared/ui/history-chart.js';
import { ChainView } from '../views/ChainView.js';
import { HistoryView, type HistoryQueryInput } from '../views/HistoryView.js';
import { harnessExplanation, harnessHealth, HARNESS_CHAIN } from './chain-fixture.js';
import { generateMinuteHistory, HARNESS_NOW_MS, sliceHistory } from './generate.js';
import { I18nProvider, LOCALES, translate, type Locale } from '../i18n/i18n.js';

const params = new URLSearchParams(location.search);
const view = params.get('view') ?? 'all';
const rangeParam = params.get('range') as HistoryRange | null;
const initialRange: HistoryRange = rangeParam !== null && HISTORY_RANGES.includes(rangeParam) ? rangeParam : '24h';
const days = Math.max(1, Math.min(60, Number(params.get('days') ?? '30') || 30));
const langParam = params.get('lang') as Locale | null;
const historyMode = params.get('history');
let failuresLeft = historyMode === 'fail-once' ? 1 : 0;

// Like the app (useAppearance.ts): the stylesheets key their colours on <html data-theme>.
document.documentElement.dataset.theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

performance.mark('harness-start');
const history = view === 'chain' ? [] : generateMinuteHistory(days);
performance.mark('history-data-generated');

function Harness() {
  const [locale, setLocale] = useState<Locale>(langParam !== null && LOCALES.includes(langParam) ? langParam : 'en');
  const i18n = useMemo(() => ({ locale, t: translate(locale) }), [locale]);
  const [latency, setLatency] = useState(950);
  const health = useMemo(() => harnessHealth(HARNESS_NOW_MS, latency), [latency]);
  const onExplain = useCallback((q: { module: string; version: string | null }) => Promise.resolve(harnessExplanation(q.module, q.version)), []);
  const loadSeries = useCallback((q: HistoryQueryInput) => {
    if (failuresLeft > 0) {
      failuresLeft--;
      return Promise.reject(new Error('the history store is locked by another process'));
    }
    if (historyMode === 'empty') return Promise.resolve([]);
    const slice = sliceHistory(history, q.from / 1000, q.to / 1000);
    // Every probe failed: the samples stay, each one a failure, and no latency survives.
    if (historyMode === 'all-failed') return Promise.resolve(slice.map((s) => ({ ...s, median: Array.from(s.median, () => null), p90: Array.from(s.p90, () => null), failures: s.samples })));
    return Promise.resolve(slice);
  }, []);
  const now = useCallback(() => HARNESS_NOW_MS, []);
  return (
    <main lang={locale === 'zh-CN' ? 'zh-CN' : 'en'}>
      <header className="view harness-header">
        <label>
          Language{' '}
          <select data-testid="harness-lang" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>{' '}
        <button type="button" data-testid="harness-probe" onClick={() => setLatency((ms) => ms + 37)}>
          New probe for goproxy.io
        </button>
      </header>
      <I18nProvider value={i18n}>
        {view !== 'history' && <ChainView config={HARNESS_CHAIN} health={health} onExplain={onExplain} />}
        {view !== 'chain' && <HistoryView loadSeries={loadSeries} now={now} initialRange={initialRange} />}
      </I18nProvider>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
