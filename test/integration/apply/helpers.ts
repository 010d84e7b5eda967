// Shared by the apply tests: a throw-away HOME (never the real one) and the environment that
// points every lookup (XDG dirs, go's env file, the product's dirs) into it.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GO123 = '/usr/lib/go-1.23/bin/go';
export const GO119 = '/usr/lib/go-1.19/bin/go';
export const goBinaries = [GO123, GO119].filter((g) => existsSync(g));

export interface TempHome {
  home: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export async function makeTempHome(): Promise<TempHome> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-apply-home-'));
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    // A go env file under the temp HOME; GOCACHE etc. too, so go never touches the real HOME.
    GOCACHE: path.join(home, '.cache', 'go-build'),
    GOPATH: path.join(home, 'go'),
    GOTOOLCHAIN: 'local',
  };
  return { home, env, cleanup: () => rm(home, { recursive: true, force: true, maxRetries: 10 }) };
}

/** A compiled helper script next to this file (dist/test/integration/apply/<name>.js). */
export function helperScript(name: string): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), `${name}.js`);
}
