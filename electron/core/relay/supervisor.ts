// Runs the relay inside a long-lived process (`goproxyctl watch`, the tray app's service) whenever
// the active chain goes through it: a profile with the "relay" option ({"port": N}, so `use` wrote
// GOPROXY=http://127.0.0.1:N|<chain>), or a chain that itself starts with a loopback http entry
// followed by '|'. go falls back to the chain when the relay is down, and the relay walks the
// chain without itself. The supervisor follows the active chain (chain-source.ts) and starts,
// moves or stops the relay to match; its status (for the tray and the dashboard) is published at
// a bounded rate, however many requests the relay serves.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';
import { followActiveChain, type ActiveChain, type ChainFollower } from './chain-source.js';
import { errorEvent, Relay, type RelayEvent, type RelayOptions, type RelayStats } from './relay.js';

export { chainThroughRelay } from '../../../shared/profile/to-go-env.js';
export { relayPortOfChain } from './relay-port.js';

/** relay-stopped: why in English (logs), whyMessage for a front end that renders it. */
export type SupervisorEvent = RelayEvent | { type: 'relay-stopped'; at: string; port: number; why: string; whyMessage?: Message };

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
        const why = wanted === null ? msg('relay.supervisor.why-off-chain') : msg('relay.supervisor.why-moved', { port: wanted });
        onEvent({ type: 'relay-stopped', at: at(), port: old, why: render('en', why), whyMessage: why });
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
        const said = busy ? msg('relay.error.port-busy', { port: wanted }) : msg('relay.error.start-failed', { port: wanted, error: (err as Error).message });
        startError = render('en', said);
        onEvent({ ...errorEvent(said), at: at() });
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
    const said = msg('relay.error.no-chain', { error: (err as Error).message });
    startError = render('en', said);
    opts.onEvent({ ...errorEvent(said), at: at() });
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

/** One line for people about what the supervised relay did (in the locale's words), or null for per-request noise. */
export function describeSupervisorEvent(e: SupervisorEvent, locale: Locale = 'en'): string | null {
  const said = supervisorMessage(e);
  return said === null ? null : `${e.at} ${render(locale, said)}`;
}

function supervisorMessage(e: SupervisorEvent): Message | null {
  switch (e.type) {
    case 'listening':
      return msg('relay.supervisor.listening', { url: e.url, chain: e.chain });
    case 'relay-stopped':
      return msg('relay.supervisor.stopped', { port: e.port, why: e.whyMessage ?? e.why });
    case 'chain':
      return e.error ? msg('relay.supervisor.chain-error', { error: e.error }) : msg('relay.supervisor.chain', { chain: e.chain, source: e.sourceMessage ?? e.source });
    case 'cool-down':
      return msg('relay.supervisor.cool-down', { upstream: e.upstream, error: e.error, until: e.until });
    case 'recovered':
      return msg('relay.supervisor.recovered', { upstream: e.upstream });
    case 'error':
      return msg('relay.supervisor.error', { error: e.messageMessage ?? e.message });
    default:
      return null;
  }
}
