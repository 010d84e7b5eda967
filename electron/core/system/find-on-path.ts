// The first executable with this name on PATH, the way the platform's shell finds it:
//   POSIX:   PATH split on ':', the exact name, executable bit required (an empty entry is skipped;
//            execvp would read it as the current directory, which we never want to run from).
//   Windows: the variable is found case-insensitively (Path is usual; a plain env object, unlike
//            process.env there, is case-sensitive), split on ';' with quotes stripped, and each
//            extension of PATHEXT is tried (default .COM;.EXE;.BAT;.CMD) unless the name already
//            ends with one; there is no executable bit, so a file is enough.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export interface FindOnPathOptions {
  platform?: NodeJS.Platform;
  /** Whether the file exists and can be run; default the file system (tests pass their own). */
  isExecutable?: (file: string, platform: NodeJS.Platform) => boolean;
}

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/** env[name], matched case-insensitively on Windows. */
export function envValue(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const upper = name.toUpperCase();
  const key = Object.keys(env).find((k) => k.toUpperCase() === upper && env[k] !== undefined);
  return key === undefined ? undefined : env[key];
}

/** The file names tried in each PATH directory for `name`. */
export function candidateNames(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] {
  if (platform !== 'win32') return [name];
  const exts = (envValue(env, 'PATHEXT', platform) || DEFAULT_PATHEXT).split(';').map((e) => e.trim()).filter((e) => e.startsWith('.'));
  const lower = name.toLowerCase();
  if (exts.some((e) => lower.endsWith(e.toLowerCase()))) return [name];
  return exts.map((e) => name + e.toLowerCase());
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv, opts: FindOnPathOptions = {}): string | null {
  const platform = opts.platform ?? process.platform;
  const isExecutable = opts.isExecutable ?? isExecutableFile;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const names = candidateNames(name, env, platform);
  for (const raw of (envValue(env, 'PATH', platform) ?? '').split(platform === 'win32' ? ';' : ':')) {
    const dir = platform === 'win32' ? raw.trim().replace(/^"(.*)"$/, '$1') : raw;
    if (!dir) continue;
    for (const file of names) {
      const candidate = p.join(dir, file);
      if (isExecutable(candidate, platform)) return candidate;
    }
  }
  return null;
}

export function isExecutableFile(file: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
