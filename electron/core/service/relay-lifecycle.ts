// The local relay inside the service (the tray app, the headless dashboard): superviseRelay, the
// same function `goproxyctl watch` uses, starts, moves and stops it with the active profile; its
// status lands in the state's `relay` at the supervisor's bounded rate (about once a second).
// No commands: switching to a profile with the relay option is what turns it on.
import { storedCredentials, type CredentialLookup } from '../bench/index.js';
import { defaultRelayCacheDir, superviseRelay, TrafficHistory, type RelaySupervisor } from '../relay/index.js';
import type { ServiceContext } from './context.js';
import { historyDirOf } from './history-handlers.js';
import { sameRelayView, toRelayView } from './relay-view.js';
import { commit } from './store.js';

export interface RelayTuning {
  /** Where the relay keeps module files (default: the product's cache dir, as `goproxyctl relay`). */
  cacheDir?: string;
  /** How often the active profile is looked at (default 2 s). */
  pollMs?: number;
  /** The bound on state updates (default 1 s). */
  statusEveryMs?: number;
}

export interface RelayLifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createRelayLifecycle(ctx: ServiceContext, tuning: RelayTuning = {}): RelayLifecycle {
  let supervisor: RelaySupervisor | null = null;
  let history: TrafficHistory | null = null;
  let credentials: CredentialLookup | null = null;
  let stopped = false;
  return {
    async start() {
      history = new TrafficHistory(historyDirOf(ctx), () => undefined);
      supervisor = await superviseRelay({
        env: ctx.env,
        cacheDir: tuning.cacheDir ?? defaultRelayCacheDir(ctx.env),
        ...(tuning.pollMs !== undefined ? { pollMs: tuning.pollMs } : {}),
        statusEveryMs: tuning.statusEveryMs ?? 1_000,
        onTraffic: (sample) => history?.add(sample),
        credentialsFor: async (upstream) => {
          credentials ??= storedCredentials({ store: ctx.secrets(), indexPath: ctx.credentialIndexPath });
          const c = await credentials.credentialsFor(upstream);
          return c ? `Basic ${Buffer.from(`${c.user}:${c.secret}`).toString('base64')}` : null;
        },
        // Per-request events are for logs; what people see is the status below (a start failure is its error).
        onEvent: () => undefined,
        onStatus: (status) => {
          if (stopped) return;
          const view = toRelayView(status, ctx.now());
          if (!sameRelayView(ctx.store.getState().relay, view)) commit(ctx.store, { relay: view });
        },
      });
    },
    async stop() {
      await supervisor?.stop();
      stopped = true;
      supervisor = null;
      await history?.flush();
    },
  };
}
