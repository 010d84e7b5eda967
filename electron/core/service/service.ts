// The engine as the UI sees it: the store, the stream, and `dispatch`, the single entry point
// every transport (Electron IPC, the headless server) calls with an untrusted key and request.
// dispatch checks both against the contract before any handler runs, and turns every failure
// into an Envelope error (one sentence, no stack, no secret).
import { checkRequest, isCommandKey, type StreamListener, type Unsubscribe } from '../../../shared/contract/contract.js';
import { ContractError, type Envelope } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { AppState } from '../../../shared/contract/state.js';
import type { AppEvent } from '../../../shared/contract/stream.js';
import { createHandlers, type CommandContext } from './handlers.js';
import { createAppStore, type AppStore } from './store.js';
import { createStreamHub } from './stream-hub.js';

export interface Service {
  readonly store: AppStore;
  state(): AppState;
  dispatch(key: unknown, request: unknown, ctx?: CommandContext): Promise<Envelope<unknown>>;
  subscribe(listener: StreamListener): Unsubscribe;
  /** For adapters that observe the outside world (e.g. a wake from sleep) and must tell the UI. */
  emit(event: AppEvent): void;
  close(): void;
}

export interface ServiceOptions {
  env: NodeJS.ProcessEnv;
  /** Per proxy entry, like `goproxyctl explain --timeout` (default 10 s). */
  explainTimeoutMs?: number;
  now?: () => number;
}

export function createService(options: ServiceOptions): Service {
  const store = createAppStore();
  const hub = createStreamHub(store);
  const handlers = createHandlers({
    store,
    emit: (event) => hub.emit(event),
    env: options.env,
    explainTimeoutMs: options.explainTimeoutMs ?? 10_000,
    now: options.now ?? Date.now,
  });

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
        if (err instanceof ContractError) return failure(err.code, err.message);
        return failure('failed', redactCredentials((err as Error)?.message ?? String(err)));
      }
    },
    subscribe: (listener) => hub.subscribe(listener),
    emit: (event) => hub.emit(event),
    close: () => hub.close(),
  };
}

function failure(code: ContractError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

