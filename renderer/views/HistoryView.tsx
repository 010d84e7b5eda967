// The History view: latency per proxy over 1 h / 24 h / 7 d / 30 d, median and p90 band,
// failures marked, uptime per proxy. Data comes through the loadSeries prop (the app asks the
// history store; the harness generates it); shaping it is shared/ui/history-chart.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatUptime, HISTORY_RANGES, prepareHistoryChart, rangeWindow, resolutionFor, type HistoryChartData, type HistoryRange, type HistorySeriesInput } from '../../shared/ui/history-chart.js';
import { HistoryChart, proxyColor } from './HistoryChart.js';
import './views.css';
import { useLocale, useTranslate, type Locale, type Translate } from '../i18n/i18n.js';
import { formatNumber } from '../../shared/ui/format.js';

export interface HistoryQueryInput {
  range: HistoryRange;
  /** Epoch ms, [from, to): HistoryQuery's window. */
  from: number;
  to: number;
  /** The store tier to read (resolutionFor). */
  resolution: 'minute' | 'hour';
}

export interface HistoryViewProps {
  /** Keep it stable (useCallback): a new function reloads the range. */
  loadSeries: (query: HistoryQueryInput) => Promise<readonly HistorySeriesInput[]>;
  now?: () => number;
  initialRange?: HistoryRange;
  /** Called once the chart has drawn for the first time. */
  onFirstDraw?: () => void;
}

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; chart: HistoryChartData };

export function HistoryView({ loadSeries, now = Date.now, initialRange = '24h', onFirstDraw }: HistoryViewProps) {
  // The language in effect comes through context (App's I18nProvider, or the harness's).
  const t = useTranslate();
  const locale = useLocale();
  const [range, setRange] = useState<HistoryRange>(initialRange);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const nowRef = useRef(now);
  nowRef.current = now;

  useEffect(() => {
    const id = ++latest.current;
    const at = nowRef.current();
    const { from, to } = rangeWindow(range, at);
    setLoad({ status: 'loading' });
    loadSeries({ range, from, to, resolution: resolutionFor(range).resolution }).then(
      (series) => {
        // A slower answer for a range the user already left is dropped.
        if (id === latest.current) setLoad({ status: 'ready', chart: prepareHistoryChart(series, range, at) });
      },
      (err: unknown) => {
        if (id === latest.current) setLoad({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
  }, [range, loadSeries, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return (
    <section className="view history-view" aria-labelledby="history-heading" data-testid="history-view">
      <h2 id="history-heading">{t('history.heading')}</h2>
      <div className="history-toolbar">
        <div role="group" aria-label={t('history.range')} className="range-switcher">
          {HISTORY_RANGES.map((r) => (
            <button key={r} type="button" aria-pressed={r === range} data-testid={`history-range-${r}`} onClick={() => setRange(r)}>
              {t(`history.range.${r}`)}
            </button>
          ))}
        </div>
        <span className="history-resolution" data-testid="history-resolution">{t(`history.resolution.${resolutionFor(range).resolution}`)}</span>
      </div>
      <HistoryBody load={load} t={t} locale={locale} retry={retry} onFirstDraw={onFirstDraw} />
    </section>
  );
}

function HistoryBody({ load, t, locale, retry, onFirstDraw }: { load: Load; t: Translate; locale: Locale; retry: () => void; onFirstDraw: (() => void) | undefined }) {
  switch (load.status) {
    case 'loading':
      return <p className="view-state loading" role="status" data-testid="history-loading">{t('history.loading')}</p>;
    case 'error':
      return (
        <div className="view-state error" role="alert" data-testid="history-error">
          <p>{t('history.error', { error: load.message })}</p>
          <button type="button" onClick={retry}>{t('history.retry')}</button>
        </div>
      );
    case 'ready':
      if (load.chart.empty) return <p className="view-state empty" data-testid="history-empty">{t('history.empty')}</p>;
      return (
        <>
          {load.chart.allFailed && (
            <p className="view-state error" role="status" data-testid="history-all-failed">
              {t('history.allFailed')}
            </p>
          )}
          <HistoryChart chart={load.chart} label={t('history.chartLabel')} locale={locale} ms={(v) => t('history.ms', { ms: formatNumber(locale, v) })} onFirstDraw={onFirstDraw} />
          <HistoryLegend chart={load.chart} t={t} locale={locale} />
        </>
      );
  }
}

function HistoryLegend({ chart, t, locale }: { chart: HistoryChartData; t: Translate; locale: Locale }) {
  const n = (value: number) => formatNumber(locale, value);
  return (
    <table className="history-legend" data-testid="history-legend">
      <thead>
        <tr>
          <th scope="col">{t('history.proxy')}</th>
          <th scope="col">{t('history.uptime')}</th>
          <th scope="col">{t('history.median')}</th>
          <th scope="col">{t('history.failures')}</th>
        </tr>
      </thead>
      <tbody>
        {chart.proxies.map((p, i) => {
          const uptime = formatUptime(p.uptime);
          return (
            <tr key={`${i}-${p.candidate}`} data-testid="history-legend-row">
              <th scope="row">
                <span className="swatch" data-color={i} aria-hidden="true" ref={(el) => el?.style.setProperty('--swatch', proxyColor(i))} /> {p.candidate}
              </th>
              <td data-testid="history-uptime">{uptime === null ? t('history.noData') : t('history.percent', { value: uptime })}</td>
              <td>{p.lastMedianMs === null ? t('history.noData') : t('history.ms', { ms: n(Math.round(p.lastMedianMs)) })}</td>
              <td>{t('history.failuresOf', { failures: n(p.failures), samples: n(p.samples) })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
