// Finds the `go` binary the user's shell would run: the first executable `go` on PATH.
// GOPROXYCTL_GO overrides it (to pick one of several toolchains, and for tests).
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export function findGoBinary(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  const override = env.GOPROXYCTL_GO;
  if (override) return isExecutable(override) ? override : null;
  const exe = platform === 'win32' ? 'go.exe' : 'go';
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? env.Path ?? '').split(sep)) {
    if (!dir) continue;
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
