// The doctor: a run puts the findings (messages, which the dashboard renders) in the state; a fix re-gathers
// the facts first (the files may have changed since the run), fixes that one finding through the
// apply engine (undoable), and runs the doctor again so the state shows what is left.
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { FindingView } from '../../../shared/contract/state.js';
import { runDoctor } from '../../../shared/doctor/index.js';
import { ApplyRefusedError } from '../apply/index.js';
import { fixShadowedByOsEnv, gatherDoctorSnapshot, type Gathered } from '../doctor/index.js';
import { describeTerminalChecks } from '../use/terminal-check.js';
import type { CommandContext, ServiceContext } from './context.js';
import { toDoctorFixView, toFindingViews } from './doctor-view.js';
import { commit } from './store.js';
import { msg } from '../../../shared/i18n/message.js';

export interface DoctorHandlerHooks {
  afterApply(): Promise<void>;
}

export function createDoctorHandlers(ctx: ServiceContext, hooks: DoctorHandlerHooks): Pick<CommandHandlers<CommandContext>, 'runDoctor' | 'fixFinding'> {
  const { store } = ctx;
  const doctorState = () => store.getState().doctor;

  async function diagnose(signal: AbortSignal | undefined): Promise<{ gathered: Gathered; views: FindingView[] }> {
    commit(store, { doctor: { ...doctorState(), running: true, error: null } });
    try {
      const gathered = await gatherDoctorSnapshot({ env: ctx.env, dirs: ctx.dirs, signal });
      const views = toFindingViews(runDoctor(gathered.snapshot));
      commit(store, { doctor: { ...doctorState(), running: false, findings: views, checkedAt: ctx.now(), error: null } });
      return { gathered, views };
    } catch (err) {
      const message = redactCredentials((err as Error).message);
      commit(store, { doctor: { ...doctorState(), running: false, error: message } });
      throw new ContractError('failed', message);
    }
  }

  return {
    async runDoctor(_request, cc) {
      return (await diagnose(cc.signal)).views;
    },

    async fixFinding(request, cc) {
      const { gathered, views } = await diagnose(cc.signal);
      const index = views.findIndex((v) => v.key === request.key);
      const finding = views[index];
      if (!finding) throw ContractError.saying('bad-request', msg('ops.service.finding-gone'));
      if (!finding.fixable) throw ContractError.saying('bad-request', finding.fix ? msg('ops.service.not-fixable-how', { fix: finding.fix.text }) : msg('ops.service.not-fixable'));
      let fix;
      try {
        fix = await fixShadowedByOsEnv([runDoctor(gathered.snapshot)[index]!], gathered, { env: ctx.env, dirs: ctx.dirs });
      } catch (err) {
        if (err instanceof ApplyRefusedError) throw ContractError.saying('bad-request', msg('ops.service.nothing-changed', { reason: err.details[0] ?? redactCredentials(err.message) }));
        throw err;
      }
      // What new terminals really got after the fix is part of its outcome.
      const view = toDoctorFixView(request.key, { ...fix, warnings: [...fix.warnings, ...describeTerminalChecks(fix.terminals)] });
      commit(store, { doctor: { ...doctorState(), lastFix: view } });
      await hooks.afterApply();
      await diagnose(cc.signal);
      return view;
    },
  };
}
