// The go.sum go consults before any checksum database (cmd/go/internal/modfetch/fetch.go,
// checkModSum): in module mode, the go.sum next to the main module's go.mod (found by walking up
// from the working directory, as go does when GOMOD is not forced). Outside a module go has no
// go.sum and asks the database for everything. Workspaces (go.work.sum) are not modelled.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface GoSum {
  path: string;
  /** "<module> <version>[/go.mod]" -> the h1: hashes listed for it. */
  hashes: Map<string, string[]>;
}

export function parseGoSum(text: string): Map<string, string[]> {
  const hashes = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 3) continue;
    const key = `${f[0]} ${f[1]}`;
    hashes.set(key, [...(hashes.get(key) ?? []), f[2]!]);
  }
  return hashes;
}

/** The main module's go.sum (empty when the module has none yet), or null outside a module. */
export async function readMainGoSum(cwd: string, env: NodeJS.ProcessEnv): Promise<GoSum | null> {
  if (env.GO111MODULE === 'off') return null;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const isFile = await stat(path.join(dir, 'go.mod')).then((s) => s.isFile(), () => false);
    if (isFile) {
      const file = path.join(dir, 'go.sum');
      const text = await readFile(file, 'utf8').catch(() => '');
      return { path: file, hashes: parseGoSum(text) };
    }
    if (path.dirname(dir) === dir) return null;
  }
}
