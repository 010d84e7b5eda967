// The apply history and undo (electron/core/apply), the same code path as `goproxyctl undo`:
// every file back byte for byte, then the active profile follows the files.
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { UndoView } from '../../../shared/contract/responses.js';
import type { ApplyView } from '../../../shared/contract/state.js';
import { listApplies, LockBusyError, undoLastApply, UndoConflictError } from '../apply/index.js';
import { execFileRunner, syncActiveProfile } from '../use/index.js';
import type { CommandContext, HandlerGroup, ServiceContext } from './context.js';
import { commit } from './store.js';

export interface ApplyLifecycle {
  /** Re-reads the history into the state (at start-up, and after any apply: a switch, a fix, a repair). */
  reloadApplies(): Promise<ApplyView[]>;
}

export type ApplyHandlers = HandlerGroup<Pick<CommandHandlers<CommandContext>, 'refreshApplies' | 'undoLastApply'>, ApplyLifecycle>;

export function createApplyHandlers(ctx: ServiceContext, hooks: { afterApply(): Promise<void> }): ApplyHandlers {
  const { store } = ctx;

  async function reloadApplies(): Promise<ApplyView[]> {
    try {
      const list: ApplyView[] = (await listApplies(ctx.dirs)).map((a) => ({ id: a.id, time: a.time, label: redactCredentials(a.label), status: a.status, files: a.files }));
      commit(store, { applies: { list, error: null } });
      return list;
    } catch (err) {
      const message = redactCredentials((err as Error).message);
      commit(store, { applies: { ...store.getState().applies, error: message } });
      throw new ContractError('failed', message);
    }
  }

  const handlers: ApplyHandlers['handlers'] = {
    refreshApplies: () => reloadApplies(),
    async undoLastApply(request): Promise<UndoView> {
      let record;
      try {
        record = await undoLastApply({ dirs: ctx.dirs, force: request.force, runner: process.platform === 'win32' ? execFileRunner : undefined });
      } catch (err) {
        if (err instanceof UndoConflictError || err instanceof LockBusyError) throw new ContractError('failed', redactCredentials(err.message), err.detail);
        throw err;
      }
      if (!record) return { undone: null, activeProfile: store.getState().profiles.active };
      const activeProfile = await syncActiveProfile(await listApplies(ctx.dirs), { env: ctx.env });
      await hooks.afterApply();
      return { undone: { id: record.id, label: redactCredentials(record.label), appliedAt: record.startedAt, files: record.files.map((f) => f.path) }, activeProfile };
    },
  };
  return { handlers, lifecycle: { reloadApplies } };
}
