// The Overview: the active profile and its health at a glance, the effective configuration with
// sources and shadowing, the doctor's findings (each with a Fix button when the doctor can fix
// it), and the last change with Undo.
import { useEffect, useMemo } from 'react';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState, FindingView } from '../../shared/contract/state.js';
import { chainHealthSummary } from '../../shared/ui/overview.js';
import { ConfigPanel } from '../components/ConfigPanel.js';
import { useCommand } from '../components/useCommand.js';
import { dashboardTranslator, type DashboardTranslate } from '../i18n/dashboard.js';
import { translator, type Locale } from '../i18n/messages.js';
import { RelayCard } from './RelayCard.js';
import './dashboard.css';

export function OverviewView({ app, api, locale }: { app: AppState; api: Api; locale: Locale }) {
  const d = useMemo(() => dashboardTranslator(locale), [locale]);
  const t = useMemo(() => translator(locale), [locale]);
  // Read what the overview shows once, when nothing has read it yet.
  const needProfiles = !app.profiles.loaded;
  const needDoctor = app.doctor.findings === null && !app.doctor.running;
  useEffect(() => {
    if (needProfiles) void api.refreshProfiles({}).catch(() => {});
    if (needDoctor) void api.runDoctor({}).catch(() => {});
    void api.refreshApplies({}).catch(() => {});
    // Only on entering the view: later changes arrive through the stream.
  }, [api]);
  return (
    <section className="view dashboard-view" aria-labelledby="overview-heading" data-testid="overview-view">
      <h2 id="overview-heading">{d('overview.heading')}</h2>
      <ActiveProfile app={app} api={api} d={d} />
      <RelayCard relay={app.relay} locale={locale} />
      <ConfigPanel config={app.config} api={api} t={t} />
      <Doctor doctor={app.doctor} api={api} d={d} locale={locale} />
      <LastChange app={app} api={api} d={d} />
    </section>
  );
}

function ActiveProfile({ app, api, d }: { app: AppState; api: Api; d: DashboardTranslate }) {
  const active = app.profiles.list.find((p) => p.active) ?? null;
  const summary = chainHealthSummary(app.config.view?.chain ?? [], app.health);
  const test = useCommand(() => api.testNow({}));
  const sw = app.switching;
  return (
    <div className="panel" data-testid="overview-active">
      <h3>{d('overview.active')}</h3>
      {active === null ? <p className="muted">{d('overview.noActive')}</p> : <p className="big" data-testid="overview-active-name">{active.profile.name} <span className="muted mono">({active.profile.id})</span></p>}
      <p data-testid="overview-health" className={summary.failing.length > 0 ? 'warning' : summary.checked > 0 ? 'ok' : 'muted'}>
        {summary.checked === 0 ? d('overview.healthNone') : d('overview.health', { ok: summary.ok, total: summary.total })}
      </p>
      {summary.failing.map((f) => (
        <p key={f.url} className="error mono">
          {f.url}: {f.error ?? ''}
        </p>
      ))}
      {sw.running !== null && <p role="status">{d('overview.switching', { id: sw.running })}</p>}
      {sw.error !== null && <p className="error">{d('common.failed', { error: sw.error })}</p>}
      {sw.running === null && sw.last !== null && (
        <p data-testid="overview-switched" className={sw.last.verified ? 'ok' : 'warning'}>
          {sw.last.verified ? d('overview.switched', { id: sw.last.profileId }) : d('overview.switchedMismatch', { id: sw.last.profileId, why: sw.last.mismatches.join('; ') })}
        </p>
      )}
      <button type="button" onClick={() => void test.run()} disabled={test.busy || app.watch.running} data-testid="test-now">
        {test.busy || app.watch.running ? d('overview.testing') : d('overview.testNow')}
      </button>
      {test.error !== null && <p className="error">{d('common.failed', { error: test.error })}</p>}
    </div>
  );
}

function Doctor({ doctor, api, d, locale }: { doctor: AppState['doctor']; api: Api; d: DashboardTranslate; locale: Locale }) {
  const rerun = useCommand(() => api.runDoctor({}));
  const fix = useCommand((key: string) => api.fixFinding({ key }));
  return (
    <div className="panel" data-testid="doctor">
      <div className="panel-header">
        <h3>{d('doctor.heading')}</h3>
        <button type="button" onClick={() => void rerun.run()} disabled={doctor.running} data-testid="doctor-run">
          {d('doctor.run')}
        </button>
      </div>
      {doctor.error !== null && <p className="error">{d('common.failed', { error: doctor.error })}</p>}
      {fix.error !== null && <p className="error" role="alert">{d('common.failed', { error: fix.error })}</p>}
      {doctor.lastFix !== null && (
        <p className="ok" data-testid="doctor-fixed">
          {d('doctor.fixed', { key: doctor.lastFix.key, moved: Object.entries(doctor.lastFix.moved).map(([k, v]) => `${k}=${v}`).join(', ') || doctor.lastFix.commented.join(', ') })}
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

function Finding({ finding, d, locale, busy, onFix }: { finding: FindingView; d: DashboardTranslate; locale: Locale; busy: boolean; onFix: () => void }) {
  const words = (l: { en: string; zh: string }) => (locale === 'zh-CN' ? l.zh : l.en);
  return (
    <li className={`finding severity-${finding.severity}`} data-testid={`finding-${finding.id}`}>
      <div className="finding-head">
        <span className={`severity severity-${finding.severity}`}>{d(`doctor.severity.${finding.severity}`)}</span>
        <span className="mono">{finding.id}</span>
        {finding.fixable && (
          <button type="button" onClick={onFix} disabled={busy} data-testid={`fix-${finding.id}`}>
            {d('doctor.fix')}
          </button>
        )}
      </div>
      <p>{words(finding.explanation)}</p>
      {finding.evidence.map((e, i) => (
        <p key={i} className="muted mono">
          {e.kind === 'file' ? d('doctor.evidence.file', { file: e.file, line: e.line, text: e.text }) : e.kind === 'variable' || e.kind === 'process-env' ? `${e.variable}=${e.value}` : e.kind === 'go-version' ? e.version : e.kind === 'file-mode' ? `${e.file} ${e.mode}` : `${e.dir}: ${e.detail}`}
        </p>
      ))}
      {finding.fix !== undefined && !finding.fixable && <p className="muted">{d('doctor.fixHow', { fix: words(finding.fix) })}</p>}
    </li>
  );
}

function LastChange({ app, api, d }: { app: AppState; api: Api; d: DashboardTranslate }) {
  const undo = useCommand(() => api.undoLastApply({ force: false }));
  const decision = app.watch.lastDecision;
  const last = app.applies.list[0] ?? null;
  const undoable = last !== null && last.status === 'committed';
  return (
    <div className="panel" data-testid="last-change">
      <h3>{d('decision.heading')}</h3>
      {decision !== null && decision.type === 'repair' && <p>{d('decision.repair', { action: d(`decision.action.${decision.action}`), at: new Date(decision.at).toLocaleString(), reason: decision.reason })}</p>}
      {decision !== null && decision.type === 'keep' && <p>{d('decision.keep', { at: new Date(decision.at).toLocaleString(), reason: decision.reason })}</p>}
      {last === null ? (
        <p className="view-state empty">{d('decision.none')}</p>
      ) : (
        <p data-testid="last-apply">{d('decision.apply', { label: last.label, time: new Date(last.time).toLocaleString(), status: last.status })}</p>
      )}
      {undoable && (
        <button type="button" onClick={() => void undo.run()} disabled={undo.busy} data-testid="undo">
          {d('decision.undo')}
        </button>
      )}
      {undo.error !== null && <p className="error" role="alert">{d('common.failed', { error: undo.error })}</p>}
      {undo.result !== null && <p data-testid="undone">{undo.result.undone !== null ? d('decision.undone', { label: undo.result.undone.label }) : d('decision.nothingToUndo')}</p>}
    </div>
  );
}
