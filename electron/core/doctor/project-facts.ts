// What the doctor learns from a --project directory: go.mod's module path and requirements,
// and the repository's git remotes (for GOPRIVATE suggestions).
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectFacts } from '../../../shared/doctor/types.js';
import { lintPaths } from '../lint/index.js';

export class ProjectDirError extends Error {
  override name = 'ProjectDirError';
}

export async function projectFacts(dir: string, env: NodeJS.ProcessEnv): Promise<ProjectFacts> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new ProjectDirError(`--project ${dir}: no such directory; give the root of one of your Go repositories`);
  const gomod = await readFile(path.join(dir, 'go.mod'), 'utf8').catch(() => null);
  const parsed = gomod === null ? { modulePath: null, requires: [] } : parseGoMod(gomod);
  return { dir, ...parsed, remotes: await gitRemotes(dir, env), lint: (await lintPaths([dir])).findings };
}

/** The module path and required module paths of a go.mod file (comments and quotes handled). */
export function parseGoMod(text: string): { modulePath: string | null; requires: string[] } {
  let modulePath: string | null = null;
  const requires: string[] = [];
  let inRequire = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (inRequire) {
      if (line === ')') inRequire = false;
      else requires.push(unquote(line.split(/\s+/)[0]!));
      continue;
    }
    const m = /^module\s+(\S+)/.exec(line);
    if (m) modulePath = unquote(m[1]!);
    else if (/^require\s*\($/.test(line)) inRequire = true;
    else {
      const r = /^require\s+(\S+)\s+\S+/.exec(line);
      if (r) requires.push(unquote(r[1]!));
    }
  }
  return { modulePath, requires };
}

function unquote(s: string): string {
  return /^".*"$|^`.*`$/.test(s) ? s.slice(1, -1) : s;
}

/** Fetch URLs of `git remote -v`; [] when git is missing or the dir is not a repository. */
function gitRemotes(dir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('git', ['-C', dir, 'remote', '-v'], { env: { ...env, GIT_TERMINAL_PROMPT: '0' }, timeout: 10_000 }, (err, stdout) => {
      if (err) return resolve([]);
      const urls = String(stdout)
        .split('\n')
        .map((l) => /^\S+\s+(\S+)\s+\(fetch\)$/.exec(l.trim())?.[1])
        .filter((u): u is string => u !== undefined);
      resolve([...new Set(urls)]);
    });
  });
}
