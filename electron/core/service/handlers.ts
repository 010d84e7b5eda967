// One handler per command of the contract (the CommandHandlers type makes a missing or an
// extra key a compile error). Handlers are the only code that changes the store.
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { GoConfigView } from '../../../shared/contract/state.js';
import type { AppEvent } from '../../../shared/contract/stream.js';
import { explainModule } from '../explain/explain-module.js';
import { readGoConfig, type GoConfigSnapshot } from '../goenv/read-config.js';
import { goproxyOf, toGoConfigView } from './config-view.js';
import { toExplainView } from './explain-view.js';
import { commit, type AppStore } from './store.js';

export interface CommandContext {
  /** Aborted when the caller goes away (an HTTP client disconnects, a window closes). */
  signal?: AbortSignal;
}

export interface HandlerDeps {
  store: AppStore;
  emit: (event: AppEvent) => void;
  /** The environment go would run with (the user's, or a test's temporary HOME). */
  env: NodeJS.ProcessEnv;
  explainTimeoutMs: number;
  now: () => number;
}

export function createHandlers(deps: HandlerDeps): CommandHandlers<CommandContext> {
  const { store, emit, env, now } = deps;
  let currentExplain: AbortController | null = null;

  async function readConfigIntoState(signal: AbortSignal | undefined): Promise<{ snapshot: GoConfigSnapshot; view: GoConfigView }> {
    const previous = store.getState().config.view;
    commit(store, { config: { ...store.getState().config, loading: true } });
    let snapshot: GoConfigSnapshot;
    try {
      snapshot = await readGoConfig(env, { signal });
    } catch (err) {
      const message = redactCredentials((err as Error).message);
      commit(store, { config: { loading: false, view: previous, error: message } });
      emit({ type: 'notice', level: 'error', code: 'config-unreadable', params: { reason: message } });
      throw new ContractError('failed', message);
    }
    const view = toGoConfigView(snapshot, now());
    commit(store, { config: { loading: false, view, error: null } });
    const before = goproxyOf(previous);
    const after = goproxyOf(view);
    if (previous !== null && before !== after) {
      emit({ type: 'notice', level: 'info', code: 'goproxy-changed', params: { from: before ?? '', to: after ?? '' } });
    }
    if (view.goError !== null && view.goError !== previous?.goError) {
      emit({ type: 'notice', level: 'error', code: 'config-unreadable', params: { reason: view.goError } });
    }
    return { snapshot, view };
  }

  return {
    async refreshConfig(_request, ctx) {
      return (await readConfigIntoState(ctx.signal)).view;
    },

    async explain(request, ctx) {
      // A new question replaces the one still running: the user changed their mind.
      currentExplain?.abort();
      const controller = new AbortController();
      currentExplain = controller;
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal;
      const explainState = () => store.getState().explain;
      commit(store, { explain: { ...explainState(), running: { module: request.module, version: request.version }, error: null } });
      const startedAt = now();
      try {
        const { snapshot } = await readConfigIntoState(signal);
        const goproxy = snapshot.effective.GOPROXY.value;
        const explanation = await explainModule({
          module: request.module,
          version: request.version,
          goproxy,
          gonoproxy: snapshot.effective.GONOPROXY.value,
          env,
          timeoutMs: deps.explainTimeoutMs,
          signal,
        });
        if (controller.signal.aborted) throw new ContractError('superseded', 'a newer explain request replaced this one');
        const view = toExplainView({ ...request, goproxy }, explanation, { startedAt, finishedAt: now() });
        commit(store, { explain: { running: null, last: view, error: null } });
        return view;
      } catch (err) {
        if (controller.signal.aborted) throw new ContractError('superseded', 'a newer explain request replaced this one');
        const message = redactCredentials((err as Error).message);
        commit(store, { explain: { ...explainState(), running: null, error: message } });
        throw err instanceof ContractError ? err : new ContractError('failed', message);
      } finally {
        if (currentExplain === controller) currentExplain = null;
      }
    },
  };
}
