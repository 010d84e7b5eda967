// Where `go env -w` writes: cmd/go/internal/cfg.EnvFile. $GOENV if set ("off" disables the file;
// a relative path is relative to the working directory, as go opens it), else
// os.UserConfigDir()/go/env. When a go binary is at hand, `go env GOENV` is asked instead, since
// the binary is the final judge.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { userConfigDir } from '../goenv/user-config-dir.js';

export type GoEnvLocation = { path: string } | { path: null; reason: string };

export function goEnvFilePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, cwd = process.cwd()): GoEnvLocation {
  const goenv = env.GOENV;
  if (goenv === 'off') return { path: null, reason: 'GOENV=off disables the go env file, so go ignores `go env -w`; unset GOENV to let goproxyctl write it' };
  if (goenv) return { path: (platform === 'win32' ? path.win32 : path.posix).resolve(cwd, goenv) };
  const dir = userConfigDir(env, platform);
  if (!dir) return { path: null, reason: 'go cannot find the user config directory (HOME, XDG_CONFIG_HOME or AppData is missing or relative); set HOME' };
  return { path: (platform === 'win32' ? path.win32 : path.posix).join(dir, 'go', 'env') };
}

/** The answer of the real go: `go env GOENV` (empty output means no file, e.g. GOENV=off). */
export function goEnvFilePathFromGo(goBinary: string, env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<GoEnvLocation> {
  return new Promise((resolve, reject) => {
    execFile(goBinary, ['env', 'GOENV'], { env: { ...env, GOTOOLCHAIN: 'local' }, cwd, timeout: 15_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`\`${goBinary} env GOENV\` failed: ${String(stderr).trim().split('\n')[0] || err.message}`));
        return;
      }
      const file = String(stdout).trim();
      if (file === '' || file === 'off') resolve(goEnvFilePath(env, process.platform, cwd));
      else resolve({ path: path.resolve(cwd, file) });
    });
  });
}
