// Where `go env -w` writes: cmd/go/internal/cfg.EnvFile. $GOENV if set ("off" disables the file;
// a relative path is relative to the working directory, as go opens it), else
// os.UserConfigDir()/go/env. When a go binary is at hand, `go env GOENV` is asked instead, since
// the binary is the final judge.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { userConfigDir } from '../goenv/user-config-dir.js';

/** No file: why, as a message (`reason` is its English). */
export type GoEnvLocation = { path: string } | { path: null; reason: string; reasonMessage: Message };

export function goEnvFilePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, cwd = process.cwd()): GoEnvLocation {
  const goenv = env.GOENV;
  if (goenv === 'off') return noFile(msg('apply.note.goenv-off'));
  if (goenv) return { path: (platform === 'win32' ? path.win32 : path.posix).resolve(cwd, goenv) };
  const dir = userConfigDir(env, platform);
  if (!dir) return noFile(msg('apply.goenv.no-config-dir'));
  return { path: (platform === 'win32' ? path.win32 : path.posix).join(dir, 'go', 'env') };
}

function noFile(reasonMessage: Message): GoEnvLocation {
  return { path: null, reason: render('en', reasonMessage), reasonMessage };
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
