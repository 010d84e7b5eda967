// A throw-away HOME (never the real one) and an environment that points every lookup into it:
// XDG dirs default under it, go's env file, caches and GOPATH live in it, no toolchain downloads.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TempHome {
  home: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export async function makeTempHome(prefix = 'goproxyctl-home-', extraEnv: NodeJS.ProcessEnv = {}): Promise<TempHome> {
  const home = await mkdtemp(path.join(os.tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    GOCACHE: path.join(home, '.cache', 'go-build'),
    GOPATH: path.join(home, 'go'),
    GOTOOLCHAIN: 'local',
    ...extraEnv,
  };
  // go 1.23's telemetry child may still write under HOME after go exits: retry the removal.
  return { home, env, cleanup: () => rm(home, { recursive: true, force: true, maxRetries: 10 }) };
}
