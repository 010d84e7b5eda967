// Shared by the benchmark's integration tests: a private HOME/XDG tree per lab, an environment
// where the real checksum databases fail fast and offline (an HTTPS_PROXY nobody listens on:
// go's client, and so the probe, never proxies loopback, so lab proxies stay reachable), and the
// built CLI run against it.
import path from 'node:path';
import type { Lab } from '../../lab/index.js';
import { goToolchains, runCommand, type RunResult } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome } from '../../support/temp-home.js';

/** Port 1 on loopback: nothing listens there, so a connection is refused at once. */
export const DEAD_HTTPS_PROXY = 'http://127.0.0.1:1';

export interface TempHome {
  dir: string;
  dataHome: string;
  close(): Promise<void>;
}

/** The one temporary-HOME helper's HOME, with the data dir the benchmark tests point XDG_DATA_HOME at. */
export async function tempHome(): Promise<TempHome> {
  const home = await makeTempHome('goproxyctl-bench-');
  return { dir: home.home, dataHome: path.join(home.home, 'data'), close: home.cleanup };
}

export function benchEnv(lab: Lab, home: TempHome, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...lab.goEnv({ HTTPS_PROXY: DEAD_HTTPS_PROXY, ...extra }),
    HOME: home.dir,
    XDG_DATA_HOME: home.dataHome,
    XDG_CONFIG_HOME: path.join(home.dir, 'config'),
    GOPROXYCTL_GO: goToolchains().at(-1)!.bin,
  };
}

export function benchCli(args: string[], env: Record<string, string>, timeoutMs = 90_000): Promise<RunResult> {
  return runCommand(process.execPath, [cliPath, 'bench', ...args], { env, cwd: env.HOME, timeoutMs });
}

/** A module every lab proxy serves: the graph's root. */
export function labModule(lab: Lab): string {
  const m = lab.modules[0]!;
  return `${m.path}@${m.version}`;
}
