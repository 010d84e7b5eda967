// The Benchmark view (its own window in Electron: `#/benchmark`): start and cancel; one row per
// candidate streaming in with a phase breakdown bar; errors in words; the recommendation with a
// diff against the current configuration and an Apply button.
//
// Apply: the applyRecommendation command saves the active profile with the recommended chain as
// the profile "recommended" and switches to it through the use engine: one undoable apply.
import { useMemo, useState, type FormEvent } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState, BenchmarkView as BenchmarkReport } from '../../shared/contract/state.js';
import type { ProbeFailure } from '../../shared/bench/types.js';
import { orderRows, phaseSegments, rowsFromReport, type BenchRow } from '../../shared/ui/bench-rows.js';
import { diffChains, type ChainDiffRow } from '../../shared/ui/chain-diff.js';
import { RECOMMENDED_PROFILE_ID } from '../../shared/profile/recommended.js';
import { useCommand } from '../components/useCommand.js';
import type { LiveBench } from '../components/useBenchRows.js';
import { rich } from '../i18n/rich.js';
import { PhaseLegend } from '../components/PhaseLegend.js';
import './dashboard.css';
import { translate, type Locale, type Translate } from '../i18n/i18n.js';
import { currentSwitch } from '../../shared/ui/superseded.js';

export function BenchmarkView({ app, api, locale, live }: { app: AppState; api: Api; locale: Locale; live: LiveBench }) {
  const d = useMemo(() => translate(locale), [locale]);
  const bench = app.benchmark;
  const [proxies, setProxies] = useState('');
  const [samples, setSamples] = useState(3);
  const start = useCommand((list: string[] | null, n: number) => api.startBenchmark({ proxies: list, samples: n }));
  const cancel = useCommand(() => api.cancelBenchmark({}));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = proxies.split(/[\s,|]+/).map((p) => p.trim()).filter((p) => p !== '');
    void start.run(list.length === 0 ? null : list, samples);
  };
  // The live rows of the latest run this page watched (they restart with every run it sees, and
  // carry the phase timings the report does not); else, the stored report's.
  const last = bench.last;
  const rows = orderRows(live.startedAt !== null ? live.rows : last !== null ? rowsFromReport(last.results, last.cancelled) : []);
  return (
    <section className="view dashboard-view" aria-labelledby="bench-heading" data-testid="benchmark-view">
      <h2 id="bench-heading">{d('bench.heading')}</h2>
      <form className="panel bench-form" onSubmit={submit}>
        <label className="field">
          <span>{d('bench.proxies')}</span>
          <textarea rows={3} value={proxies} onChange={(e) => setProxies(e.target.value)} spellCheck={false} className="mono" data-testid="bench-proxies" />
        </label>
        <label className="field inline">
          <span>{d('bench.samples')}</span>
          <input type="number" min={1} max={20} value={samples} onChange={(e) => setSamples(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} data-testid="bench-samples" />
        </label>
        <div className="actions">
          <button type="submit" disabled={bench.running !== null || start.busy} data-testid="bench-start">
            {d('bench.start')}
          </button>
          <button type="button" disabled={bench.running === null || cancel.busy} onClick={() => void cancel.run()} data-testid="bench-cancel">
            {d('bench.cancel')}
          </button>
        </div>
        {start.error !== null && <p className="error" role="alert">{d('common.failed', { error: start.error })}</p>}
        {bench.error !== null && <p className="error" role="alert">{d('common.failed', { error: bench.error })}</p>}
      </form>
      {bench.running !== null && (
        <p role="status" className="view-state loading" data-testid="bench-running">
          {d('bench.running', { count: bench.running.candidates.length })}
        </p>
      )}
      {rows.length === 0 ? bench.running === null && <p className="view-state empty" data-testid="bench-idle">{d('bench.idle')}</p> : <><PhaseLegend /><BenchTable rows={rows} d={d} /></>}
      {bench.running === null && last !== null && <Recommendation report={last} app={app} api={api} d={d} locale={locale} />}
    </section>
  );
}

function BenchTable({ rows, d }: { rows: BenchRow[]; d: Translate }) {
  return (
    <table className="bench-table" data-testid="bench-rows">
      <thead>
        <tr>
          <th scope="col">{d('bench.candidate')}</th>
          <th scope="col">{d('bench.status')}</th>
          <th scope="col">{d('bench.phases')}</th>
          <th scope="col">{d('bench.ttfb')}</th>
          <th scope="col">{d('bench.success')}</th>
          <th scope="col">{d('bench.score')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.candidate} data-testid="bench-row" data-candidate={r.candidate} data-status={r.status}>
            <th scope="row" className="mono">
              {r.candidate}
              {r.error !== null && r.status !== 'running' && (
                <div className="error bench-error" data-testid="bench-error">
                  {failureWords(r.error, d)}
                </div>
              )}
            </th>
            <td>{r.status === 'running' ? d('bench.status.running', { done: r.samplesDone, total: r.samplesTotal ?? '?' }) + (r.phase !== null ? ` · ${d('bench.phaseNow', { phase: d(`phase.${r.phase}`) })}` : '') : d(`bench.status.${r.status}`)}</td>
            <td>
              <PhaseBar row={r} d={d} />
            </td>
            <td>{r.result?.summary.ttfbMs ? d('bench.ms', { ms: Math.round(r.result.summary.ttfbMs.median) }) : '—'}</td>
            <td>{r.result !== null ? d('bench.percent', { value: Math.round(r.result.summary.successRate * 100) }) : r.samplesDone > 0 ? `${r.okSamples}/${r.samplesDone}` : '—'}</td>
            <td data-testid="bench-score">{r.result !== null ? Math.round(r.result.score) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PhaseBar({ row, d }: { row: BenchRow; d: Translate }) {
  const segments = phaseSegments(row);
  if (segments.length === 0) return <span className="muted">{d('bench.noPhases')}</span>;
  const words = segments.map((s) => `${d(`phase.${s.phase}`)} ${d('bench.ms', { ms: Math.round(s.ms) })}`).join(', ');
  return (
    <div className="phase-bar" role="img" aria-label={words} title={words} data-testid="phase-bar">
      {segments.map((s) => (
        <span key={s.phase} className={`phase phase-${s.phase}`} ref={(el) => el?.style.setProperty('flex-grow', String(s.share))} />
      ))}
    </div>
  );
}

function failureWords(error: ProbeFailure, d: Translate): string {
  const words = d(`failure.${error.kind}`);
  return error.status !== null ? d('failure.status', { words, status: error.status }) : words;
}

function Recommendation({ report, app, api, d, locale }: { report: BenchmarkReport; app: AppState; api: Api; d: Translate; locale: Locale }) {
  const vars = app.config.view?.vars ?? [];
  const current = { goproxy: vars.find((v) => v.name === 'GOPROXY')?.value ?? '', gosumdb: vars.find((v) => v.name === 'GOSUMDB')?.value ?? '' };
  const rec = report.recommendation;
  const diff = diffChains(current, rec);
  const apply = useCommand(() => api.applyRecommendation({}));
  return (
    <div className="panel" data-testid="bench-recommendation">
      <h3>{d('bench.recommendation')}</h3>
      {report.cancelled && <p className="warning">{d('bench.cancelledRun')}</p>}
      {!report.anyWorking && <p className="error">{d('bench.noneWorking')}</p>}
      <p className="mono big" data-testid="bench-recommended-goproxy">
        GOPROXY={rec.goproxy}
      </p>
      <ul>
        {(report.reasonsByLocale?.[locale] ?? rec.reasons).map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {report.warnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      <h4>{d('bench.diff')}</h4>
      {diff.unchanged && diff.gosumdb === null ? (
        <p className="muted" data-testid="bench-diff-unchanged">{d('bench.diffUnchanged')}</p>
      ) : (
        <table className="diff" data-testid="bench-diff">
          <thead>
            <tr>
              <th scope="col">{d('bench.entry')}</th>
              <th scope="col">{d('bench.change')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.rows.map((r) => (
              <tr key={`${r.entry}:${r.change}`} className={`change-${r.change}`} data-change={r.change}>
                <td className="mono">{r.entry}</td>
                <td>{changeWords(r, d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.gosumdb !== null && <p data-testid="bench-diff-gosumdb">{d('bench.gosumdb', { from: diff.gosumdb.from, to: diff.gosumdb.to })}</p>}
      <p className="muted">{rich(d('bench.applyHow'), { id: <span className="mono">{RECOMMENDED_PROFILE_ID}</span> })}</p>
      <button type="button" onClick={() => void apply.run()} disabled={apply.busy || app.switching.running !== null || !report.anyWorking} data-testid="bench-apply">
        {apply.busy ? d('common.working') : d('bench.apply')}
      </button>
      {apply.error !== null && <p className="error" role="alert">{d('common.failed', { error: apply.error })}</p>}
      {apply.result !== null && currentSwitch({ switching: { running: null, last: apply.result, error: null }, applies: app.applies }) !== null && <p className="ok" data-testid="bench-applied">{d('bench.applied', { id: apply.result.profileId })}</p>}
    </div>
  );
}

function changeWords(r: ChainDiffRow, d: Translate): string {
  switch (r.change) {
    case 'same':
      return d('bench.change.same');
    case 'moved':
      return d('bench.change.moved', { from: r.from ?? '', to: r.to ?? '' });
    case 'added':
      return d('bench.change.added', { to: r.to ?? '' });
    case 'removed':
      return d('bench.change.removed');
    case 'separator':
      return d('bench.change.separator', { from: r.separatorFrom || '—', to: r.separatorTo || '—' });
  }
}
