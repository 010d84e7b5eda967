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
