// Where goproxyctl keeps its own files: the config dir (env.sh, env.fish, env.ps1 that rc files
// source), the data dir (backups and apply history) and the state dir (the writers' lock).
//
// The layout is env-paths' (name "goproxyctl", no suffix), computed from an explicit env instead
// of calling env-paths: env-paths reads process.env and os.homedir() once, at import time, so the
// engine could not be pointed at a temporary HOME (tests) or at another user's environment.
// A test checks that, for the real process environment, both agree.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'goproxyctl';

export interface ProductDirs {
  config: string;
  data: string;
  /** Holds the writers' lock; on Linux $XDG_STATE_HOME (env-paths calls it "log"). */
  state: string;
}

export function homeDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = platform === 'win32' ? env.USERPROFILE || env.HOME : env.HOME;
  return fromEnv || os.homedir();
}

export function productDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ProductDirs {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const home = homeDir(env, platform);
  if (platform === 'darwin') {
    const library = p.join(home, 'Library');
    const data = p.join(library, 'Application Support', PRODUCT_NAME);
    return { config: p.join(library, 'Preferences', PRODUCT_NAME), data, state: data };
  }
  if (platform === 'win32') {
    const appData = env.APPDATA || p.join(home, 'AppData', 'Roaming');
    const localAppData = env.LOCALAPPDATA || p.join(home, 'AppData', 'Local');
    const data = p.join(localAppData, PRODUCT_NAME, 'Data');
    return { config: p.join(appData, PRODUCT_NAME, 'Config'), data, state: data };
  }
  return {
    config: p.join(env.XDG_CONFIG_HOME || p.join(home, '.config'), PRODUCT_NAME),
    data: p.join(env.XDG_DATA_HOME || p.join(home, '.local', 'share'), PRODUCT_NAME),
    state: p.join(env.XDG_STATE_HOME || p.join(home, '.local', 'state'), PRODUCT_NAME),
  };
}
