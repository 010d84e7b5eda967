// Which chain the relay walks when the user did not give one: the active profile's (set by
// `goproxyctl use`), else the GOPROXY go itself would use (environment, go env file, go.env).
// Followed while the relay runs: the profile store and the go env file are polled (a stat every
// couple of seconds; fs.watch misses atomic renames on some file systems) and the chain is read
// again when either changes.
import { stat } from 'node:fs/promises';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { profileGoproxy, profileRelayPort } from '../../../shared/profile/to-go-env.js';
import { readGoConfig } from '../goenv/read-config.js';
import { ProfileStore } from '../profiles/index.js';
import type { RelayChain } from './relay.js';
import { relayPortOfChain } from './relay-port.js';

/** The chain the relay walks, and the port of the relay go is told to ask first (null: none). */
export interface ActiveChain extends RelayChain {
  relayPort: number | null;
}

export interface ChainFollower {
  readonly initial: ActiveChain;
  stop(): void;
}

export interface FollowOptions {
  env: NodeJS.ProcessEnv;
  onChange(chain: ActiveChain): void;
  onError(message: Message): void;
  pollMs?: number;
}

export async function followActiveChain(opts: FollowOptions): Promise<ChainFollower> {
  const store = new ProfileStore({ env: opts.env });
  let envFile: string | null = null;
  const read = async (): Promise<ActiveChain> => {
    const active = await store.active();
    if (active !== null) {
      const profile = await store.get(active);
      const goproxy = profileGoproxy(profile);
      // The profile option, else the older convention of a chain that starts with the relay.
      return { goproxy, gonoproxy: profile.gonoproxy ?? profile.goprivate, source: `profile ${active}`, sourceMessage: msg('relay.source.profile', { name: active }), relayPort: profileRelayPort(profile) ?? relayPortOfChain(goproxy) };
    }
    const config = await readGoConfig(opts.env);
    envFile = config.envFilePath;
    const goproxy = config.effective.GOPROXY.value;
    return { goproxy, gonoproxy: config.effective.GONOPROXY.value, source: 'go env', sourceMessage: msg('relay.source.go-env'), relayPort: relayPortOfChain(goproxy) };
  };
  const fingerprint = async (): Promise<string> => {
    const times = await Promise.all([store.file, envFile].map(async (f) => (f ? ((await stat(f).catch(() => null))?.mtimeMs ?? 0) : 0)));
    return times.join('/');
  };
  let current = await read();
  let seen = await fingerprint();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      try {
        const now = await fingerprint();
        if (now === seen) return;
        seen = now;
        const next = await read();
        if (next.goproxy !== current.goproxy || next.gonoproxy !== current.gonoproxy || next.source !== current.source || next.relayPort !== current.relayPort) {
          current = next;
          opts.onChange(next);
        }
      } catch (err) {
        opts.onError(msg('relay.error.read-chain', { error: (err as Error).message, chain: current.goproxy }));
      } finally {
        busy = false;
      }
    })();
  }, opts.pollMs ?? 2_000);
  timer.unref();
  return { initial: current, stop: () => clearInterval(timer) };
}
