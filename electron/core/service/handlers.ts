// One handler per command of the contract (the CommandHandlers type makes a missing or an
// extra key a compile error). Handlers are the only code that changes the store. The
// configuration and explain live here; each other engine has its own file of handlers
// (profile-handlers.ts, doctor-handlers.ts...), composed by createHandlers.
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import { RELAY_OFF, type GoConfigView } from '../../../shared/contract/state.js';
import { explainModule } from '../explain/explain-module.js';
import { readGoConfig, type GoConfigSnapshot } from '../goenv/read-config.js';
import type { PhaseTimeouts } from '../probe/index.js';
import { goproxyOf, toGoConfigView } from './config-view.js';
import { toExplainView } from './explain-view.js';
import { createApplyHandlers } from './apply-handlers.js';
import { createBenchHandlers } from './bench-handlers.js';
import { createCliHandlers, type CliToolDeps } from './cli-handlers.js';
import type { CommandContext, ServiceContext } from './context.js';
import { createCredentialHandlers } from './credential-handlers.js';
import { createDoctorHandlers } from './doctor-handlers.js';
import { createHistoryHandlers } from './history-handlers.js';
import { createProfileHandlers } from './profile-handlers.js';
import { watchedFiles, watchFiles, type FileWatch, type WatchedKind } from './file-watch.js';
import { createRelayLifecycle, type RelayTuning } from './relay-lifecycle.js';
import { commit } from './store.js';
import { createWatchHandlers, type WatchTuning } from './watch-handlers.js';
import { msg } from '../../../shared/i18n/message.js';

export type { CommandContext } from './context.js';

const ALL_KINDS: ReadonlySet<WatchedKind> = new Set<WatchedKind>(['go-config', 'profiles', 'settings', 'applies']);

export interface HandlerDeps extends ServiceContext {
  explainTimeoutMs: number;
  /** Watching the files the state comes from (default on; false: only commands and re-reads update it). */
  fileWatch?: false | { debounceMs?: number };
  watch?: WatchTuning;
  benchTimeouts?: Partial<PhaseTimeouts>;
  cliTool: CliToolDeps;
  /** The local relay while the active profile goes through it; false: never run it here. */
  relay?: RelayTuning | false;
}

/** The effects the service drives itself (start-up, wake-ups, shutdown), beside the handlers. */
export interface Lifecycle {
  start(): Promise<void>;
  wake(): Promise<void>;
  stop(): Promise<void>;
}

export function createHandlers(deps: HandlerDeps): { handlers: CommandHandlers<CommandContext>; lifecycle: Lifecycle } {
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

  // Re-derives what depends on the kinds of files that changed. The doctor re-runs only once it
  // has run (its findings are on screen and would otherwise describe files that are gone).
  async function rederive(kinds: ReadonlySet<WatchedKind>): Promise<void> {
    const work: Promise<unknown>[] = [];
    const goConfig = kinds.has('go-config') || kinds.has('applies');
    if (goConfig) work.push(readConfigIntoState(undefined));
    if (kinds.has('applies')) work.push(applies.lifecycle.reloadApplies());
    if (kinds.has('profiles') || kinds.has('applies')) work.push(profiles.refreshProfiles({}, {}));
    if (kinds.has('settings')) work.push(watch.lifecycle.reloadSettings());
    await Promise.all(work.map((w) => w.catch(() => undefined)));
    const doctor = store.getState().doctor;
    if (goConfig && doctor.findings !== null && !doctor.running) await doctor$.runDoctor({}, {}).catch(() => undefined);
  }
  // After anything that rewrote files (a switch, a fix, an undo, a repair): re-read what changed.
  const afterApply = (): Promise<void> => rederive(ALL_KINDS);
  const hooks = { afterApply };
  const profiles = createProfileHandlers(deps, hooks);
  const applies = createApplyHandlers(deps, hooks);
  const watch = createWatchHandlers(deps, hooks, deps.watch);
  const bench = createBenchHandlers(deps, { timeouts: deps.benchTimeouts });
  const cliTool = createCliHandlers(deps, deps.cliTool);
  const doctor$ = createDoctorHandlers(deps, hooks);
  let files: FileWatch | null = null;
  const relay = deps.relay === false ? null : createRelayLifecycle(deps, deps.relay);

  const lifecycle: Lifecycle = {
    async start() {
      // Each part loads on its own: a broken profile store must not keep the settings out.
      await Promise.all([
        profiles.refreshProfiles({}, {}).catch(() => undefined),
        applies.lifecycle.reloadApplies().catch(() => undefined),
        watch.lifecycle.start().catch((err: unknown) => commit(store, { watch: { ...store.getState().watch, lastError: redactCredentials((err as Error).message) } })),
        cliTool.lifecycle.start(),
        relay?.start().catch((err: unknown) => commit(store, { relay: { ...RELAY_OFF, status: 'down', error: redactCredentials((err as Error).message), updatedAt: now() } })),
      ]);
      if (deps.fileWatch !== false) {
        files = watchFiles({
          files: watchedFiles(env, deps.dirs, process.platform, deps.cwd),
          debounceMs: deps.fileWatch?.debounceMs,
          onChange: (kinds) => void rederive(kinds),
        });
        await files.ready;
      }
    },
    wake: () => watch.lifecycle.wake(),
    async stop() {
      files?.close();
      currentExplain?.abort();
      await Promise.all([watch.lifecycle.stop(), bench.lifecycle.stop(), relay?.stop()]);
    },
  };

  const handlers: CommandHandlers<CommandContext> = {
    ...profiles,
    ...doctor$,
    ...applies.handlers,
    ...createHistoryHandlers(deps),
    ...watch.handlers,
    ...createCredentialHandlers(deps),
    ...bench.handlers,
    ...cliTool.handlers,

    async rereadAll() {
      await rederive(ALL_KINDS);
      return { revision: store.getState().revision };
    },

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
          goVersion: snapshot.go?.version ?? null,
          goauth: snapshot.effective.GOAUTH.value,
          timeoutMs: deps.explainTimeoutMs,
          signal,
        });
        if (controller.signal.aborted) throw ContractError.saying('superseded', msg('explain.service.superseded'));
        const view = toExplainView({ ...request, goproxy }, explanation, { startedAt, finishedAt: now() });
        commit(store, { explain: { running: null, last: view, error: null } });
        return view;
      } catch (err) {
        if (controller.signal.aborted) throw ContractError.saying('superseded', msg('explain.service.superseded'));
        const message = redactCredentials((err as Error).message);
        commit(store, { explain: { ...explainState(), running: null, error: message } });
        throw err instanceof ContractError ? err : new ContractError('failed', message);
      } finally {
        if (currentExplain === controller) currentExplain = null;
      }
    },
  };
  return { handlers, lifecycle };
}
