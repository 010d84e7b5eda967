// Runs the relay inside a long-lived process (`goproxyctl watch`, the tray app's service) whenever
// the active chain goes through it: a profile with the "relay" option ({"port": N}, so `use` wrote
// GOPROXY=http://127.0.0.1:N|<chain>), or a chain that itself starts with a loopback http entry
// followed by '|'. go falls back to the chain when the relay is down, and the relay walks the
// chain without itself. The supervisor follows the active chain (chain-source.ts) and starts,
// moves or stops the relay to match; its status (for the tray and the dashboard) is published at
// a bounded rate, however many requests the relay serves.
import { followActiveChain, type ActiveChain, type ChainFollower } from './chain-source.js';
import { errorEvent, Relay, type RelayEvent, type RelayOptions, type RelayStats } from './relay.js';

export { chainThroughRelay } from '../../../shared/profile/to-go-env.js';
export { relayPortOfChain } from './relay-port.js';

export type SupervisorEvent = RelayEvent | { type: 'relay-stopped'; at: string; port: number; why: string };

/** What the supervisor is doing, for people: off, serving, or wanted but not running (and why). */
export interface RelaySupervisorStatus {
  /** The port the active chain sends go to first; null when it does not go through the relay. */
  port: number | null;
  /** The running relay's counters and upstream health; null when it does not run. */
  stats: RelayStats | null;
  /** Why the relay does not run although the active chain wants it (port in use...). */
  error: string | null;
}

export interface SupervisorOptions extends Omit<RelayOptions, 'chain' | 'port' | 'onEvent'> {
  env: NodeJS.ProcessEnv;
  onEvent: (event: SupervisorEvent) => void;
  pollMs?: number;
  /** Called when the status may have changed, at most once per statusEveryMs (the last change always arrives). */
  onStatus?: (status: RelaySupervisorStatus) => void;
  /** Default 1000 ms. */
  statusEveryMs?: number;
}

export interface RelaySupervisor {
  /** The running relay, or null when the active chain does not use one. */
  readonly relay: Relay | null;
  status(): RelaySupervisorStatus;
  stop(): Promise<void>;
}

/**
 * Calls `publish` now when it has been quiet for `everyMs`, else once at the end of the interval:
 * a burst of changes is one call, and the last change is never lost.
 */
export function boundedRate(everyMs: number, publish: () => void): { changed(): void; cancel(): void } {
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  const arm = (): void => {
    timer = setTimeout(() => {
      timer = null;
      if (!dirty) return;
      dirty = false;
      publish();
      arm();
    }, everyMs);
    timer.unref();
  };
  return {
    changed() {
      if (timer !== null) {
        dirty = true;
        return;
      }
      publish();
      arm();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      dirty = false;
    },
  };
}

export async function superviseRelay(opts: SupervisorOptions): Promise<RelaySupervisor> {
  let relay: Relay | null = null;
  let port: number | null = null;
  let wantedPort: number | null = null;
  let startError: string | null = null;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  const at = (): string => new Date().toISOString();
  const status = (): RelaySupervisorStatus => ({ port: wantedPort, stats: relay?.stats() ?? null, error: relay ? null : startError });
  const publisher = boundedRate(opts.statusEveryMs ?? 1_000, () => {
    try {
      opts.onStatus?.(status());
    } catch {
      // A broken listener must not take the relay down.
    }
  });
  const onEvent = (event: SupervisorEvent): void => {
    opts.onEvent(event);
    if (opts.onStatus) publisher.changed();
  };

  const apply = (chain: ActiveChain): Promise<void> => {
    queue = queue.then(async () => {
      if (stopped) return;
      const wanted = chain.relayPort;
      wantedPort = wanted;
      startError = null;
      if (relay && wanted !== port) {
        const old = port!;
        await relay.close();
        relay = null;
        port = null;
        onEvent({ type: 'relay-stopped', at: at(), port: old, why: wanted === null ? 'the active chain no longer goes through the relay' : `the active chain moved the relay to port ${wanted}` });
      }
      if (wanted === null) return;
      const { relayPort: _relayPort, ...relayChain } = chain;
      if (relay) return relay.setChain(relayChain);
      try {
        const { env: _env, onEvent: _onEvent, pollMs: _pollMs, onStatus: _onStatus, statusEveryMs: _every, ...relayOpts } = opts;
        relay = await Relay.start({ ...relayOpts, env: opts.env, chain: relayChain, port: wanted, onEvent });
        port = wanted;
      } catch (err) {
        const busy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
        startError = busy
          ? `port ${wanted} on 127.0.0.1 is in use (another goproxyctl relay?), so the relay does not run here; go still falls back to the chain`
          : `the relay could not start on port ${wanted}: ${(err as Error).message}`;
        onEvent({ type: 'error', at: at(), message: startError });
      }
    });
    queue = queue.then(() => {
      if (!stopped && opts.onStatus) publisher.changed();
    });
    return queue;
  };

  let follower: ChainFollower;
  try {
    follower = await followActiveChain({
      env: opts.env,
      onChange: (chain) => void apply(chain),
      onError: (said) => onEvent({ ...errorEvent(said), at: at() }),
      ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
    });
  } catch (err) {
    // The host process (watch) goes on without a relay; go falls back to the chain.
    startError = `could not read the active chain (${(err as Error).message}), so the relay does not run`;
    opts.onEvent({ type: 'error', at: at(), message: startError });
    opts.onStatus?.(status());
    return { relay: null, status, stop: async () => {} };
  }
  await apply(follower.initial);
  return {
    get relay() {
      return relay;
    },
    status,
    stop: async () => {
      stopped = true;
      follower.stop();
      await queue;
      await relay?.close();
      relay = null;
      publisher.cancel();
      wantedPort = null;
      startError = null;
      opts.onStatus?.(status());
    },
  };
}

/** One line for people about what the supervised relay did, or null for per-request noise. */
export function describeSupervisorEvent(e: SupervisorEvent): string | null {
  switch (e.type) {
    case 'listening':
      return `${e.at} relay: serving on ${e.url} for the chain ${e.chain}`;
    case 'relay-stopped':
      return `${e.at} relay: stopped on port ${e.port}: ${e.why}`;
    case 'chain':
      return e.error ? `${e.at} relay: the chain is not a valid GOPROXY: ${e.error}` : `${e.at} relay: now walking ${e.chain} (${e.source})`;
    case 'cool-down':
      return `${e.at} relay: ${e.upstream} failed (${e.error}); skipped until ${e.until}`;
    case 'recovered':
      return `${e.at} relay: ${e.upstream} answers again`;
    case 'error':
      return `${e.at} relay: ${e.message}`;
    default:
      return null;
  }
}
