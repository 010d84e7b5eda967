// The engine as the UI sees it: the store, the stream, and `dispatch`, the single entry point
// every transport (Electron IPC, the headless server) calls with an untrusted key and request.
// dispatch checks both against the contract before any handler runs, and turns every failure
// into an Envelope error (one sentence, no stack, no secret).
import { checkRequest, isCommandKey, type StreamListener, type Unsubscribe } from '../../../shared/contract/contract.js';
import { ContractError, type Envelope } from '../../../shared/contract/envelope.js';
import type { Message } from '../../../shared/i18n/message.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { AppState } from '../../../shared/contract/state.js';
import type { AppEvent } from '../../../shared/contract/stream.js';
import { DEFAULT_PROBE_MODULE } from '../../../shared/bench/probe-module.js';
import path from 'node:path';
import { productDirs } from '../apply/index.js';
import type { ModuleRef, PhaseTimeouts } from '../probe/index.js';
import { createKeychainSecretStore, type SecretStore } from '../secrets/index.js';
import { selfCommand } from '../cli-install/index.js';
import { execFileRunner } from '../use/windows-runner.js';
import { headlessLoginItem } from './autostart.js';
import type { CliToolSource } from './cli-handlers.js';
import type { LoginItemControl } from './context.js';
import { createHandlers, type CommandContext } from './handlers.js';
import type { RelayTuning } from './relay-lifecycle.js';
import type { WatchTuning } from './watch-handlers.js';
import { createAppStore, type AppStore } from './store.js';
import { createStreamHub } from './stream-hub.js';

export interface Service {
  readonly store: AppStore;
  state(): AppState;
  dispatch(key: unknown, request: unknown, ctx?: CommandContext): Promise<Envelope<unknown>>;
  subscribe(listener: StreamListener): Unsubscribe;
  /** For adapters that observe the outside world (e.g. a wake from sleep) and must tell the UI. */
  emit(event: AppEvent): void;
  /** Settles once the profiles, the apply history and the settings are in the state (and the watcher started if on). */
  readonly ready: Promise<void>;
  /** The machine woke from sleep: the watcher (when auto-repair is on) runs a round. */
  wake(): Promise<void>;
  /** Stops the watcher and any benchmark, then the stream; resolves when they have stopped. */
  shutdown(): Promise<void>;
  close(): void;
}

export interface ServiceOptions {
  env: NodeJS.ProcessEnv;
  /** Per proxy entry, like `goproxyctl explain --timeout` (default 10 s). */
  explainTimeoutMs?: number;
  now?: () => number;
  /** Where relative paths (profile subscriptions) resolve; default process.cwd(). */
  cwd?: string;
  /** How go runs goproxyctl as a GOAUTH helper, e.g. [the app's launcher]; default this process's CLI (selfCommand). */
  helperArgv?: string[];
  /** How "Install command-line tool" runs the CLI (the app's binary, or node for `serve`); default unavailable. */
  cliTool?: CliToolSource;
  /** The probe module when the settings choose none (default: shared/bench/probe-module.ts's). */
  probeModule?: ModuleRef;
  /** The credential store; default the OS keychain, its index under the product's config dir. */
  secrets?: SecretStore;
  /** Launch at login; default an XDG autostart entry on Linux, none elsewhere (the app passes Electron's). */
  loginItem?: LoginItemControl | null;
  watch?: WatchTuning;
  /** Watch the files the state comes from (default on, 250 ms debounce); false for tests that drive every change. */
  fileWatch?: false | { debounceMs?: number };
  benchTimeouts?: Partial<PhaseTimeouts>;
  /** The local relay, run while the active profile goes through it (default on); false: never here. */
  relay?: RelayTuning | false;
}

export { DEFAULT_PROBE_MODULE } from '../../../shared/bench/probe-module.js';

export function createService(options: ServiceOptions): Service {
  const store = createAppStore();
  const hub = createStreamHub(store);
  const env = options.env;
  const dirs = productDirs(env);
  const credentialIndexPath = path.join(dirs.config, 'credentials.json');
  let secrets = options.secrets ?? null;
  const helperArgv = options.helperArgv ?? selfCommand(env, process);
  const { handlers, lifecycle } = createHandlers({
    store,
    emit: (event) => hub.emit(event),
    env,
    cwd: options.cwd ?? process.cwd(),
    dirs,
    now: options.now ?? Date.now,
    helperArgv,
    probeModule: options.probeModule ?? DEFAULT_PROBE_MODULE,
    // Created on first use: the keychain's native module loads only when credentials are asked for.
    secrets: () => (secrets ??= createKeychainSecretStore({ indexPath: credentialIndexPath })),
    credentialIndexPath,
    loginItem: options.loginItem === undefined ? headlessLoginItem(env, process.platform, helperArgv) : options.loginItem,
    explainTimeoutMs: options.explainTimeoutMs ?? 10_000,
    watch: options.watch,
    fileWatch: options.fileWatch,
    benchTimeouts: options.benchTimeouts,
    relay: options.relay,
    cliTool: { source: options.cliTool ?? { unavailable: 'no-runtime' }, platform: process.platform, runner: execFileRunner },
  });
  const ready = lifecycle.start();
  let stopping: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    stopping ??= ready.then(() => lifecycle.stop()).finally(() => hub.close());
    return stopping;
  };

  return {
    store,
    state: () => store.getState(),
    async dispatch(key, request, ctx = {}) {
      if (!isCommandKey(key)) return failure('bad-request', `there is no command named ${JSON.stringify(String(key)).slice(0, 80)}`);
      const checked = checkRequest(key, request);
      if (!checked.ok) return failure('bad-request', checked.error);
      try {
        const handler = handlers[key] as (request: unknown, ctx: CommandContext) => Promise<unknown>;
        return { ok: true, value: await handler(checked.value, ctx) };
      } catch (err) {
        if (err instanceof ContractError) return failure(err.code, err.message, err.detail);
        return failure('failed', redactCredentials((err as Error)?.message ?? String(err)));
      }
    },
    subscribe: (listener) => hub.subscribe(listener),
    emit: (event) => hub.emit(event),
    ready,
    wake: () => lifecycle.wake(),
    shutdown,
    close: () => void shutdown().catch(() => undefined),
  };
}

function failure(code: ContractError['code'], message: string, detail?: Message): Envelope<never> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

