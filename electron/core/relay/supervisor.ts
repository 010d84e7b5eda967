// Runs the relay inside a long-lived process (`goproxyctl watch`) whenever the active chain goes
// through it. A profile is "through the local relay" when its GOPROXY starts with a loopback http
// entry followed by '|' (http://127.0.0.1:<port>|<chain>): go falls back to the chain when the
// relay is down, and the relay walks the same value without itself. The supervisor follows the
// active chain (chain-source.ts) and starts, moves or stops the relay to match.
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { followActiveChain, type ChainFollower } from './chain-source.js';
import { Relay, type RelayChain, type RelayEvent, type RelayOptions } from './relay.js';

/** The relay's port when `goproxy` starts with http://127.0.0.1:<port>| (or localhost), else null. */
export function relayPortOfChain(goproxy: string): number | null {
  const parsed = parseGoproxy(goproxy);
  if (!parsed.ok) return null;
  const first = parsed.value.entries[0];
  if (first?.kind !== 'proxy' || !first.fallBackOnError || parsed.value.entries.length < 2) return null;
  const m = /^http:\/\/(?:127\.0\.0\.1|localhost):(\d{1,5})$/.exec(first.url);
  const port = m ? Number(m[1]) : NaN;
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}

/** The GOPROXY value that sends go through a relay on `port` first, then `chain` itself. */
export function chainThroughRelay(chain: string, port: number): string {
  return `http://127.0.0.1:${port}|${chain}`;
}

export type SupervisorEvent = RelayEvent | { type: 'relay-stopped'; at: string; port: number; why: string };

export interface SupervisorOptions extends Omit<RelayOptions, 'chain' | 'port' | 'onEvent'> {
  env: NodeJS.ProcessEnv;
  onEvent: (event: SupervisorEvent) => void;
  pollMs?: number;
}

export interface RelaySupervisor {
  /** The running relay, or null when the active chain does not use one. */
  readonly relay: Relay | null;
  stop(): Promise<void>;
}

export async function superviseRelay(opts: SupervisorOptions): Promise<RelaySupervisor> {
  let relay: Relay | null = null;
  let port: number | null = null;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  const at = (): string => new Date().toISOString();

  const apply = (chain: RelayChain): Promise<void> => {
    queue = queue.then(async () => {
      if (stopped) return;
      const wanted = relayPortOfChain(chain.goproxy);
      if (relay && wanted !== port) {
        const old = port!;
        await relay.close();
        relay = null;
        port = null;
        opts.onEvent({ type: 'relay-stopped', at: at(), port: old, why: wanted === null ? 'the active chain no longer goes through the relay' : `the active chain moved the relay to port ${wanted}` });
      }
      if (wanted === null) return;
      if (relay) return relay.setChain(chain);
      try {
        const { env: _env, onEvent: _onEvent, pollMs: _pollMs, ...relayOpts } = opts;
        relay = await Relay.start({ ...relayOpts, env: opts.env, chain, port: wanted, onEvent: opts.onEvent });
        port = wanted;
      } catch (err) {
        const busy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
        opts.onEvent({
          type: 'error',
          at: at(),
          message: busy
            ? `port ${wanted} on 127.0.0.1 is in use (another goproxyctl relay?), so the relay does not run here; go still falls back to the chain`
            : `the relay could not start on port ${wanted}: ${(err as Error).message}`,
        });
      }
    });
    return queue;
  };

  let follower: ChainFollower;
  try {
    follower = await followActiveChain({
      env: opts.env,
      onChange: (chain) => void apply(chain),
      onError: (message) => opts.onEvent({ type: 'error', at: at(), message }),
      ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
    });
  } catch (err) {
    // The host process (watch) goes on without a relay; go falls back to the chain.
    opts.onEvent({ type: 'error', at: at(), message: `could not read the active chain (${(err as Error).message}), so the relay does not run` });
    return { relay: null, stop: async () => {} };
  }
  await apply(follower.initial);
  return {
    get relay() {
      return relay;
    },
    stop: async () => {
      stopped = true;
      follower.stop();
      await queue;
      await relay?.close();
      relay = null;
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
