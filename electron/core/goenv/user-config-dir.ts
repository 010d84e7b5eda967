// Go's os.UserConfigDir, used to find the go env file when `go` itself is not installed
// (so the path we read or write is the one go will use once it is).
import path from 'node:path';

export function userConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  switch (platform) {
    case 'win32':
      return env.AppData || env.APPDATA || null;
    case 'darwin':
      return env.HOME ? path.join(env.HOME, 'Library', 'Application Support') : null;
    default: {
      const xdg = env.XDG_CONFIG_HOME;
      // Go ignores a relative XDG_CONFIG_HOME ("path in $XDG_CONFIG_HOME is relative").
      if (xdg && path.isAbsolute(xdg)) return xdg;
      if (xdg) return null;
      return env.HOME ? path.join(env.HOME, '.config') : null;
    }
  }
}

/**
 * The go env file path as cmd/go/internal/cfg.EnvFile computes it:
 * $GOENV if set ("off" disables the file), else UserConfigDir()/go/env.
 */
export function goEnvFilePathWithoutGo(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  const goenv = env.GOENV;
  if (goenv === 'off') return null;
  if (goenv) return goenv;
  const dir = userConfigDir(env, platform);
  return dir ? path.join(dir, 'go', 'env') : null;
}
