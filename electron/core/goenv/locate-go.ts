// Finds the `go` binary the user's shell would run: the first executable `go` on PATH (go.exe
// and the other PATHEXT names on Windows). GOPROXYCTL_GO overrides it (to pick one of several
// toolchains, and for tests).
import { findOnPath, isExecutableFile } from '../system/find-on-path.js';

export function findGoBinary(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  const override = env.GOPROXYCTL_GO;
  if (override) return isExecutableFile(override, platform) ? override : null;
  return findOnPath('go', env, { platform });
}
