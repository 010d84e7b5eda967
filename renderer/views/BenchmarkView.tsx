// The Benchmark view (its own window in Electron: `#/benchmark`): start and cancel; one row per
// candidate streaming in with a phase breakdown bar; errors in words; the recommendation with a
// diff against the current configuration and an Apply button.
//
// Apply: the applyRecommendation command saves the active profile with the recommended chain as
// the profile "recommended" and switches to it through the use engine: one undoable apply. When
// Apply cannot be used, the reason is shown next to it.
//
// The probe module field edits the one probe-module setting (the CLI's `bench`/`watch`, Test now
// and the watcher read it too). A proxy that answered 404/410 for it is amber, "reachable, does
// not have <module>", never failing.
import { useMemo, useState, type FormEvent } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState, BenchmarkView as BenchmarkReport } from '../../shared/contract/state.js';
import type { ProbeFailure } from '../../shared/bench/types.js';
import { DEFAULT_PROBE_MODULE, formatModule, parseProbeModule } from '../../shared/bench/probe-module.js';
import { candidateStatus, explainScore } from '../../shared/bench/score.js';
import { describeEstimate, REPRESENTATIVE_WORKLOAD, type Workload } from '../../shared/bench/estimate.js';
import { finishedRows, orderRows, phaseSegments, rowsFromReport, type BenchRow } from '../../shared/ui/bench-rows.js';
import { diffChains, type ChainDiffRow } from '../../shared/ui/chain-diff.js';
import { RECOMMENDED_PROFILE_ID } from '../../shared/profile/recommended.js';
import { useCommand } from '../components/useCommand.js';
import type { LiveBench } from '../components/useBenchRows.js';
import { rich, withCode } from '../i18n/rich.js';
import { PhaseLegend } from '../components/PhaseLegend.js';
import './dashboard.css';
import { translate, useRenderMessage, type Locale, type Translate } from '../i18n/i18n.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import { currentSwitch } from '../../shared/ui/superseded.js';

export function BenchmarkView({ app, api, locale, live }: { app: AppState; api: Api; locale: Locale; live: LiveBench }) {
  const d = useMemo(() => translate(locale), [locale]);
  const bench = app.benchmark;
  const [proxies, setProxies] = useState('');
  const [samples, setSamples] = useState(3);
  const savedModule = app.settings.probeModule ?? '';
  const [moduleText, setModuleText] = useState<string | null>(null);
  const moduleField = moduleText ?? savedModule;
  const moduleParse = moduleField.trim() === '' ? null : parseProbeModule(moduleField);
  const [project, setProject] = useState('');
  const start = useCommand(async (list: string[] | null, n: number, probeModule: string | null, dir: string | null) => {
    // The field is the setting: saved first, so this run and every later probe use it.
    if (probeModule !== app.settings.probeModule) await api.updateSettings({ settings: { ...app.settings, probeModule } });
    return api.startBenchmark({ proxies: list, samples: n, project: dir });
  });
  const cancel = useCommand(() => api.cancelBenchmark({}));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (moduleParse !== null && !moduleParse.ok) return;
    const list = proxies.split(/[\s,|]+/).map((p) => p.trim()).filter((p) => p !== '');
    void start.run(list.length === 0 ? null : list, samples, moduleParse === null ? null : formatModule(moduleParse.module), project.trim() === '' ? null : project.trim()).then(() => setModuleText(null));
  };
  // While a run goes: the live rows (they restart with every run this page sees, and carry the
  // phase timings the report does not). Once its report is in: the report's rows with those
  // timings, so no row waits for a stream event the report already holds. Else the stored report's.
  const last = bench.last;
  const watchedLast = last !== null && bench.running === null && live.startedAt === last.startedAt;
  const rows = orderRows(
    watchedLast ? finishedRows(live.rows, last.results, last.cancelled) : live.startedAt !== null ? live.rows : last !== null ? rowsFromReport(last.results, last.cancelled) : [],
  );
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
        <label className="field inline">
          <span>{d('bench.probeModule')}</span>
          <input
            value={moduleField}
            placeholder={formatModule(DEFAULT_PROBE_MODULE)}
            onChange={(e) => setModuleText(e.target.value)}
            spellCheck={false}
            className="mono"
            aria-invalid={moduleParse !== null && !moduleParse.ok}
            aria-describedby="bench-probe-module-help"
            data-testid="bench-probe-module"
          />
        </label>
        <p id="bench-probe-module-help" className={moduleParse !== null && !moduleParse.ok ? 'error' : 'muted'} data-testid="bench-probe-module-help">
          {moduleParse !== null && !moduleParse.ok ? d(`bench.probeModule.${moduleParse.problem}`) : d('bench.probeModuleHelp', { module: formatModule(DEFAULT_PROBE_MODULE) })}
        </p>
        <label className="field">
          <span>{d('bench.project')}</span>
          <input value={project} onChange={(e) => setProject(e.target.value)} spellCheck={false} className="mono" placeholder={d('bench.projectPlaceholder')} aria-describedby="bench-project-help" data-testid="bench-project" />
        </label>
        <p id="bench-project-help" className="muted">
          {last !== null && bench.running === null ? workloadWords(last.workload, d) : d('bench.projectHelp')}
        </p>
        <div className="actions">
          <button type="submit" disabled={bench.running !== null || start.busy || (moduleParse !== null && !moduleParse.ok)} data-testid="bench-start">
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
      {rows.length === 0 ? bench.running === null && <p className="view-state empty" data-testid="bench-idle">{d('bench.idle')}</p> : <><PhaseLegend /><BenchTable rows={rows} d={d} workload={last?.workload ?? REPRESENTATIVE_WORKLOAD} /></>}
      {bench.running === null && last !== null && <Recommendation report={last} app={app} api={api} d={d} />}
    </section>
  );
}

function BenchTable({ rows, d, workload }: { rows: BenchRow[]; d: Translate; workload: Workload }) {
  const say = useRenderMessage();
  return (
    <table className="bench-table" data-testid="bench-rows">
      <thead>
        <tr>
          <th scope="col">{d('bench.candidate')}</th>
          <th scope="col">{d('bench.status')}</th>
          <th scope="col">{d('bench.goTime')}</th>
          <th scope="col">{d('bench.phases')}</th>
          <th scope="col">{d('bench.ttfb')}</th>
          <th scope="col">{d('bench.success')}</th>
          <th scope="col">{d('bench.score')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const verdict = r.result !== null ? candidateStatus(r.result.summary) : null;
          const missing = verdict === 'missing-module' ? (r.result?.summary.missingModule ?? '') : null;
          return (
          <tr key={r.candidate} data-testid="bench-row" data-candidate={r.candidate} data-status={r.status} data-verdict={verdict ?? undefined} className={missing !== null ? 'bench-missing-module' : undefined}>
            <th scope="row">
              <span className="mono">{r.candidate}</span>
              {missing !== null ? (
                <div className="bench-error bench-amber" data-testid="bench-missing-module">
                  {d('bench.missingModule', { module: missing })}
                </div>
              ) : (
                r.error !== null &&
                r.status !== 'running' && (
                  <div className="error bench-error" data-testid="bench-error">
                    {failureWords(r.error, d)}
                    <div className="bench-error-detail" data-testid="bench-error-detail">
                      {withCode(say(r.error.messageMessage))}
                    </div>
                  </div>
                )
              )}
              {r.result !== null && r.result.summary.kind !== 'sumdb' && r.status !== 'running' && <ScoreExplanation lines={explainScore(r.result.summary, workload)} say={say} />}
            </th>
            <td>{r.status === 'running' ? d('bench.status.running', { done: r.samplesDone, total: r.samplesTotal ?? '?' }) + (r.phase !== null ? ` · ${d('bench.phaseNow', { phase: d(`phase.${r.phase}`) })}` : '') : d(`bench.status.${r.status}`)}</td>
            <td data-testid="bench-go-time">{r.result !== null && r.result.summary.kind !== 'sumdb' && r.result.estimateMs !== null && r.result.estimateMs !== undefined ? say(describeEstimate({ ms: r.result.estimateMs }, workload)) : '—'}</td>
            <td>
              <PhaseBar row={r} d={d} />
            </td>
            <td>{r.result?.summary.ttfbMs ? d('bench.ms', { ms: Math.round(r.result.summary.ttfbMs.median) }) : '—'}</td>
            <td>{r.result !== null ? d('bench.percent', { value: Math.round(r.result.summary.successRate * 100) }) : r.samplesDone > 0 ? `${r.okSamples}/${r.samplesDone}` : '—'}</td>
            <td data-testid="bench-score">{r.result !== null ? Math.round(r.result.score) : '—'}</td>
          </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** How the score is made (explainScore), folded under the candidate: the time and where it goes. */
function ScoreExplanation({ lines, say }: { lines: readonly Message[]; say: (m: Message) => string }) {
  return (
    <details className="bench-explain" data-testid="bench-score-explain">
      <summary>{say(msg('bench.score.why'))}</summary>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{withCode(say(line))}</li>
        ))}
      </ul>
    </details>
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

function workloadWords(w: Workload, d: Translate): string {
  const mb = (w.bytes / 1_000_000).toFixed(1);
  return w.source === 'project' ? d('bench.workload.project', { modules: w.modules, requests: w.requests, mb }) : d('bench.workload.representative', { modules: w.modules, requests: w.requests, mb });
}

function failureWords(error: ProbeFailure, d: Translate): string {
  const words = d(`failure.${error.kind}`);
  return error.status !== null ? d('failure.status', { words, status: error.status }) : words;
}

function Recommendation({ report, app, api, d }: { report: BenchmarkReport; app: AppState; api: Api; d: Translate }) {
  const say = useRenderMessage();
  const vars = app.config.view?.vars ?? [];
  const current = { goproxy: vars.find((v) => v.name === 'GOPROXY')?.value ?? '', gosumdb: vars.find((v) => v.name === 'GOSUMDB')?.value ?? '' };
  const rec = report.recommendation;
  const diff = diffChains(current, rec);
  const apply = useCommand(() => api.applyRecommendation({}));
  // Apply is never disabled without the reason shown next to it.
  const blocked = apply.busy ? 'busy' : app.switching.running !== null ? 'switching' : !report.anyWorking ? 'noneWorking' : null;
  return (
    <div className="panel" data-testid="bench-recommendation">
      <h3>{d('bench.recommendation')}</h3>
      {report.cancelled && <p className="warning">{d('bench.cancelledRun')}</p>}
      {!report.anyWorking && <p className="error">{d('bench.noneWorking')}</p>}
      <p className="mono big" data-testid="bench-recommended-goproxy">
        GOPROXY={rec.goproxy}
      </p>
      <ul>
        {rec.reasons.map((reason, i) => (
          <li key={i} data-testid="bench-reason">{withCode(say(reason))}</li>
        ))}
      </ul>
      {report.warnings.map((w, i) => (
        <p key={i} className="warning" data-testid="bench-warning">
          {withCode(say(w))}
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
      <button type="button" onClick={() => void apply.run()} disabled={blocked !== null} aria-describedby={blocked !== null && blocked !== 'busy' ? 'bench-apply-blocked' : undefined} data-testid="bench-apply">
        {apply.busy ? d('common.working') : d('bench.apply')}
      </button>
      {blocked !== null && blocked !== 'busy' && (
        <p id="bench-apply-blocked" className="muted" data-testid="bench-apply-blocked">
          {d(`bench.applyBlocked.${blocked}`)}
        </p>
      )}
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
