// The Overview: the active profile and its health at a glance, the effective configuration with
// sources and shadowing, the doctor's findings (each with a Fix button when the doctor can fix
// it), and the last change with Undo.
import { useEffect, useRef, type ReactNode } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState, FindingView, SwitchView } from '../../shared/contract/state.js';
import { render } from '../../shared/i18n/catalog.js';
import { findingTitle, renderFindingText, type FindingText } from '../../shared/doctor/types.js';
import { sourceWords } from '../../shared/doctor/source-words.js';
import { parseApplyLabel } from '../../shared/ui/apply-label.js';
import { displayValue, formatDateTime } from '../../shared/ui/format.js';
import { mismatchMessage } from '../../shared/ui/mismatch.js';
import { chainHealthSummary } from '../../shared/ui/overview.js';
import { builtinProfileWords } from '../../shared/ui/profile-text.js';
import { currentFix, currentSwitch, undoStillCurrent } from '../../shared/ui/superseded.js';
import { ConfigPanel } from '../components/ConfigPanel.js';
import { useCommand } from '../components/useCommand.js';
import { failureText } from '../i18n/failure.js';
import { rich, withCode } from '../i18n/rich.js';
import { RelayCard } from './RelayCard.js';
import './dashboard.css';
import { useTranslate, type Locale, type Translate } from '../i18n/i18n.js';

export function OverviewView({ app, api, locale }: { app: AppState; api: Api; locale: Locale }) {
  const d = useTranslate();
  const t = d;
  // Read what the overview shows once, when nothing has read it yet.
  const needProfiles = !app.profiles.loaded;
  const needDoctor = app.doctor.findings === null && !app.doctor.running;
  // Only on entering the view (what was missing then): later changes arrive through the stream.
  const onEntry = useRef({ needProfiles, needDoctor });
  useEffect(() => {
    if (onEntry.current.needProfiles) void api.refreshProfiles({}).catch(() => {});
    if (onEntry.current.needDoctor) void api.runDoctor({}).catch(() => {});
    void api.refreshApplies({}).catch(() => {});
  }, [api]);
  return (
    <section className="view dashboard-view" aria-labelledby="overview-heading" data-testid="overview-view">
      <h2 id="overview-heading">{d('overview.heading')}</h2>
      <ActiveProfile app={app} api={api} d={d} locale={locale} />
      <RelayCard relay={app.relay} locale={locale} />
      <ProcessEnvironment config={app.config} d={d} />
      <ConfigPanel config={app.config} api={api} t={t} locale={locale} />
      <Doctor doctor={app.doctor} applies={app.applies.list} api={api} d={d} locale={locale} />
      <LastChange app={app} api={api} d={d} locale={locale} />
    </section>
  );
}

function ActiveProfile({ app, api, d, locale }: { app: AppState; api: Api; d: Translate; locale: Locale }) {
  const active = app.profiles.list.find((p) => p.active) ?? null;
  const summary = chainHealthSummary(app.config.view?.chain ?? [], app.health);
  const test = useCommand(() => api.testNow({}));
  const sw = app.switching;
  // The verdict of the last switch, only while that switch is what is in force.
  const last = currentSwitch(app);
  return (
    <div className="panel" data-testid="overview-active">
      <h3>{d('overview.active')}</h3>
      {active === null ? <p className="muted">{d('overview.noActive')}</p> : <p className="big" data-testid="overview-active-name"><span data-verbatim={builtinProfileWords(active.profile.id, active.origin, locale, active.profile.name) === null ? true : undefined}>{builtinProfileWords(active.profile.id, active.origin, locale, active.profile.name)?.name ?? active.profile.name}</span> <span className="muted mono">({active.profile.id})</span></p>}
      <p data-testid="overview-health" className={summary.failing.length > 0 ? 'warning' : summary.checked > 0 ? 'ok' : 'muted'}>
        {summary.checked === 0 ? d('overview.healthNone') : d('overview.health', { ok: summary.ok, total: summary.total })}
      </p>
      {summary.failing.map((f) => (
        <p key={f.url} className="error">
          <span className="mono">{f.url}</span>: {failureText(d, app.health[f.url]?.failure, f.error)}
        </p>
      ))}
      {sw.running !== null && <p role="status">{rich(d('overview.switching'), { id: <span className="mono">{sw.running}</span> })}</p>}
      {sw.error !== null && <p className="error">{d('common.failed', { error: sw.error })}</p>}
      {last !== null && (
        <p data-testid="overview-switched" className={last.verified ? 'ok' : 'warning'}>
          {rich(last.verified ? d('overview.switched') : d('overview.switchedMismatch', { why: mismatchWords(last, d) }), { id: <span className="mono">{last.profileId}</span> })}
        </p>
      )}
      <button type="button" onClick={() => void test.run()} disabled={test.busy || app.watch.running} data-testid="test-now">
        {test.busy || app.watch.running ? d('overview.testing') : d('overview.testNow')}
      </button>
      {test.error !== null && <p className="error">{d('common.failed', { error: test.error })}</p>}
    </div>
  );
}

/** The variables a profile manages that this process got from its own environment. */
const MANAGED_VARS = new Set(['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS', 'GOAUTH']);

/**
 * The dashboard's own environment: a variable it was started with wins over the go env file for
 * every go it runs, and no later change in a terminal reaches a running process. Say so, instead
 * of advice ("open a new terminal") that cannot change what this page shows.
 */
function ProcessEnvironment({ config, d }: { config: AppState['config']; d: Translate }) {
  const inherited = (config.view?.vars ?? []).filter((v) => v.source === 'os-env' && MANAGED_VARS.has(v.name));
  if (inherited.length === 0) return null;
  return (
    <div className="panel warning-panel" data-testid="process-env">
      <h3>{d('processEnv.heading')}</h3>
      <p>{d('processEnv.body', { vars: inherited.map((v) => `${v.name}=${displayValue(v.value, d('common.empty'))}`).join(', ') })}</p>
    </div>
  );
}

function Doctor({ doctor, applies, api, d, locale }: { doctor: AppState['doctor']; applies: AppState['applies']['list']; api: Api; d: Translate; locale: Locale }) {
  const rerun = useCommand(() => api.runDoctor({}));
  const fix = useCommand((key: string) => api.fixFinding({ key }));
  const lastFix = currentFix(doctor.lastFix, applies);
  return (
    <div className="panel" data-testid="doctor" data-checked-at={doctor.checkedAt ?? ''}>
      <div className="panel-header">
        <h3>{d('doctor.heading')}</h3>
        <button type="button" onClick={() => void rerun.run()} disabled={doctor.running} data-testid="doctor-run">
          {d('doctor.run')}
        </button>
      </div>
      {doctor.error !== null && <p className="error">{d('common.failed', { error: doctor.error })}</p>}
      {fix.error !== null && <p className="error" role="alert">{d('common.failed', { error: fix.error })}</p>}
      {lastFix !== null && (
        <p className="ok" data-testid="doctor-fixed">
          {d('doctor.fixed', { key: render(locale, findingTitle(lastFix.key.split(/[:#]/)[0] ?? lastFix.key)), moved: Object.entries(lastFix.moved).map(([k, v]) => `${k}=${displayValue(v, d('common.empty'))}`).join(', ') || lastFix.commented.join(', ') })}
        </p>
      )}
      {doctor.running ? (
        <p className="view-state loading" role="status">{d('doctor.running')}</p>
      ) : doctor.findings === null ? (
        <p className="view-state empty">{d('doctor.never')}</p>
      ) : doctor.findings.length === 0 ? (
        <p className="view-state empty" data-testid="doctor-clean">{d('doctor.clean')}</p>
      ) : (
        <ul className="findings">
          {doctor.findings.map((f) => (
            <Finding key={f.key} finding={f} d={d} locale={locale} busy={fix.busy} onFix={() => void fix.run(f.key)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Finding({ finding, d, locale, busy, onFix }: { finding: FindingView; d: Translate; locale: Locale; busy: boolean; onFix: () => void }) {
  // The doctor's words are messages, rendered now: switching the language needs no new run.
  const words = (text: FindingText) => renderFindingText(locale, text);
  const source = (e: { source: string; path?: string }) => {
    const w = sourceWords(e.source, e.path);
    return typeof w === 'string' ? w : render(locale, w);
  };
  return (
    <li className={`finding severity-${finding.severity}`} data-testid={`finding-${finding.id}`}>
      <div className="finding-head">
        <span className={`severity severity-${finding.severity}`}>{d(`doctor.severity.${finding.severity}`)}</span>
        <strong className="finding-title">{render(locale, finding.title)}</strong>
        {finding.variable !== undefined && <span className="muted">{d('doctor.about', { variable: finding.variable })}</span>}
        {finding.fixable && (
          <button type="button" onClick={onFix} disabled={busy} data-testid={`fix-${finding.id}`}>
            {d('doctor.fix')}
          </button>
        )}
      </div>
      <p>{withCode(words(finding.explanation))}</p>
      {finding.evidence.map((e, i) => (
        <p key={i} className="muted mono">
          {e.kind === 'file'
            ? d('doctor.evidence.file', { file: e.file, line: e.line, text: e.text })
            : e.kind === 'process-env'
              ? d('doctor.evidence.env', { variable: e.variable, value: displayValue(e.value, d('common.empty')) })
              : e.kind === 'variable'
                ? d('doctor.evidence.var', { variable: e.variable, value: displayValue(e.value, d('common.empty')), source: source(e) })
                : e.kind === 'go-version'
                  ? e.version
                  : e.kind === 'file-mode'
                    ? `${e.file} ${e.mode}`
                    : `${e.dir}: ${render(locale, e.detail)}`}
        </p>
      ))}
      {finding.fix !== undefined && !finding.fixable && <p className="muted">{rich(d('doctor.fixHow'), { fix: withCode(words(finding.fix.text)) })}</p>}
    </li>
  );
}

/** What still overrides a switched profile, in the user's words (the engine's English for states without details). */
function mismatchWords(sw: SwitchView, d: Translate): string {
  if (sw.mismatchDetails === undefined) return sw.mismatches.join('; ');
  return sw.mismatchDetails
    .map((m) => d(`mismatch.${mismatchMessage(m)}`, { variable: m.variable, actual: displayValue(m.actual, d('common.empty')), path: m.path ?? '', line: m.line ?? '', shell: m.context }))
    .join(' ');
}

/** Why auto-repair acted or kept the chain: the repair engine's message, every figure in it, in the user's language. */
function decisionReason(decision: Extract<AppState['watch']['lastDecision'], { type: 'repair' | 'keep' }>, locale: Locale): string {
  return render(locale, decision.reason);
}


/** An apply's label in the user's language (shared/ui/apply-label.ts reads its fixed forms); ids in code style. */
export function applyLabel(label: string, d: Translate): ReactNode {
  const parsed = parseApplyLabel(label);
  switch (parsed.id) {
    case 'use':
    case 'watch-use':
      return rich(d(`apply.${parsed.id}`), { profile: <span className="mono">{parsed.profile}</span> });
    case 'doctor-fix':
      return rich(d('apply.doctor-fix'), { vars: <span className="mono">{parsed.vars}</span> });
    case 'watch-reorder':
    case 'lint-fix':
      return d(`apply.${parsed.id}`);
    case 'other':
      return <span className="mono">{parsed.text}</span>;
  }
}

function LastChange({ app, api, d, locale }: { app: AppState; api: Api; d: Translate; locale: Locale }) {
  const undo = useCommand(() => api.undoLastApply({ force: false }));
  const decision = app.watch.lastDecision;
  const last = app.applies.list[0] ?? null;
  const undoable = last !== null && last.status === 'committed';
  return (
    <div className="panel" data-testid="last-change">
      <h3>{d('decision.heading')}</h3>
      {decision !== null && decision.type === 'repair' && <p>{d('decision.repair', { action: d(`decision.action.${decision.action}`), at: formatDateTime(locale, decision.at), reason: decisionReason(decision, locale) })}</p>}
      {decision !== null && decision.type === 'keep' && <p>{d('decision.keep', { at: formatDateTime(locale, decision.at), reason: decisionReason(decision, locale) })}</p>}
      {last === null ? (
        <p className="view-state empty">{d('decision.none')}</p>
      ) : (
        <p data-testid="last-apply">{rich(d('decision.apply', { time: formatDateTime(locale, last.time), status: d(`decision.status.${last.status}`) }), { label: applyLabel(last.label, d) })}</p>
      )}
      {undoable && (
        <button type="button" onClick={() => void undo.run()} disabled={undo.busy} data-testid="undo">
          {d('decision.undo')}
        </button>
      )}
      {undo.error !== null && <p className="error" role="alert">{d('common.failed', { error: undo.error })}</p>}
      {undo.result !== null && (undo.result.undone === null || undoStillCurrent(undo.result.undone.id, app.applies.list)) && (
        <p data-testid="undone">{undo.result.undone !== null ? rich(d('decision.undone'), { label: applyLabel(undo.result.undone.label, d) }) : d('decision.nothingToUndo')}</p>
      )}
    </div>
  );
}
