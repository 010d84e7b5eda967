// The one temporary-HOME helper: a throw-away HOME (never the real one) and an environment that
// points every lookup into it (XDG dirs default under it, go's env file, caches and GOPATH live in
// it, no toolchain downloads), plus searches of what was written there.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TempHome {
  home: string;
  env: NodeJS.ProcessEnv;
  cleanup: () => Promise<void>;
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

/** Every regular file under dir whose bytes contain needle (a secret must appear in none). */
export async function filesContaining(dir: string, needle: string | Buffer): Promise<string[]> {
  const wanted = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (bytes.includes(wanted)) hits.push(file);
  }
  return hits;
}

/** Every file under dir, relative, for assertions about what was written. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}
