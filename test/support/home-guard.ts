// Proves no test touches the real HOME. The test runner (scripts/test.mjs) runs every test file
// with HOME, the XDG dirs and go's own locations pointed at a fresh, empty sentinel directory, and
// afterwards requires that
//   - the sentinel is still empty: a test that wrote under "HOME" without making its own
//     temporary one (test/support/temp-home.ts) would have written into the user's real HOME;
//   - the real HOME's goproxyctl directories, go env file and shell rc files are unchanged (same
//     entries, sizes and modification times): a test that found the real
//     HOME some other way (os.userInfo, a hard-coded path) would show there.
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { productDirs } from '../../electron/core/apply/product-dirs.js';

/** Files goproxyctl writes for the user, relative to HOME (besides its product dirs). */
const WRITTEN_IN_HOME = ['.bashrc', '.bash_profile', '.profile', '.zshrc', '.zprofile', '.config/fish/config.fish', '.config/powershell/Microsoft.PowerShell_profile.ps1', '.netrc', '.config/go/env', '.config/autostart/goproxyctl.desktop'];

/** The environment every test process inherits: everything that could lead to a HOME leads to the sentinel. */
export function sentinelEnv(sentinel: string): Record<string, string> {
  return {
    HOME: sentinel,
    XDG_CONFIG_HOME: path.join(sentinel, '.config'),
    XDG_DATA_HOME: path.join(sentinel, '.local', 'share'),
    XDG_STATE_HOME: path.join(sentinel, '.local', 'state'),
    XDG_CACHE_HOME: path.join(sentinel, '.cache'),
    GOENV: path.join(sentinel, '.config', 'go', 'env'),
    GOPATH: path.join(sentinel, 'go'),
    GOMODCACHE: path.join(sentinel, 'go', 'pkg', 'mod'),
    GOCACHE: path.join(sentinel, '.cache', 'go-build'),
  };
}

/** The real HOME's paths a test must never change: goproxyctl's dirs and the files it edits. */
export function watchedRealPaths(realEnv: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  const home = realEnv.HOME || os.homedir();
  const dirs = productDirs(realEnv, platform);
  const cache = path.join(realEnv.XDG_CACHE_HOME || path.join(home, '.cache'), 'goproxyctl');
  const goEnv = realEnv.GOENV && realEnv.GOENV !== 'off' ? [realEnv.GOENV] : [];
  return [...new Set([dirs.config, dirs.data, dirs.state, cache, ...goEnv, ...WRITTEN_IN_HOME.map((f) => path.join(home, f))])];
}

/** Each entry under the paths (recursively) with its kind, size and modification time; absent paths as such. */
export async function snapshotPaths(paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const visit = async (p: string): Promise<void> => {
    const st = await stat(p).catch(() => null);
    if (!st) return void out.set(p, 'absent');
    out.set(p, st.isDirectory() ? 'dir' : `file ${st.size} ${st.mtimeMs}`);
    if (st.isDirectory()) for (const name of await readdir(p)) await visit(path.join(p, name));
  };
  for (const p of paths) await visit(p);
  return out;
}

/** What differs between two snapshots, one line per path. */
export function snapshotChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [p, was] of before) {
    const now = after.get(p);
    if (now === undefined) changes.push(`${p}: removed (was ${was})`);
    else if (now !== was) changes.push(`${p}: ${was} -> ${now}`);
  }
  for (const [p, now] of after) if (!before.has(p)) changes.push(`${p}: created (${now})`);
  return changes.sort();
}

/** Every entry under dir, relative (the sentinel must have none). */
export async function entriesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** The entries cut to their first three path components, deduplicated: a go cache is one line, not a thousand. */
function summarise(entries: readonly string[]): string[] {
  return [...new Set(entries.map((e) => e.split(path.sep).slice(0, 3).join(path.sep)))];
}

export interface HomeGuard {
  sentinel: string;
  /** Overrides for the test processes' environment. */
  env: Record<string, string>;
  /** The problems found: empty when no test touched a HOME. Removes the sentinel. */
  finish(): Promise<string[]>;
}

export async function startHomeGuard(realEnv: NodeJS.ProcessEnv = process.env): Promise<HomeGuard> {
  const sentinel = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-sentinel-home-'));
  const watched = watchedRealPaths(realEnv);
  const before = await snapshotPaths(watched);
  return {
    sentinel,
    env: sentinelEnv(sentinel),
    async finish() {
      const problems: string[] = [];
      const written = await entriesUnder(sentinel);
      if (written.length > 0) {
        const shown = summarise(written).map((e) => `  ${e}`);
        problems.push(`a test wrote under the inherited HOME (${sentinel}) instead of a temporary HOME (test/support/temp-home.ts): ${written.length} entries\n${shown.join('\n')}`);
      }
      const changed = snapshotChanges(before, await snapshotPaths(watched));
      if (changed.length > 0) problems.push(`the real HOME's goproxyctl files changed during the run (a test, or another program meanwhile):\n${changed.map((c) => `  ${c}`).join('\n')}`);
      // go's module cache is read-only; make it removable.
      await chmodWritable(sentinel);
      await rm(sentinel, { recursive: true, force: true, maxRetries: 10 });
      return problems;
    },
  };
}

async function chmodWritable(dir: string): Promise<void> {
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) await chmod(path.join(e.parentPath ?? e.path, e.name), 0o755).catch(() => undefined);
  }
}
