// Launch at login: Electron's login items on macOS and Windows, an XDG autostart file on Linux.
import type { App } from 'electron';
import { desktopEntry, disableAutostart, enableAutostart, isAutostartEnabled } from '../core/service/autostart.js';

export interface LoginItem {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

/** What autostart runs on Linux: the AppImage when packaged as one, else electron + the app. */
export function linuxLaunchCommand(opts: { execPath: string; appImage: string | undefined; appPath: string; packaged: boolean }): string[] {
  if (opts.appImage) return [opts.appImage, '--hidden'];
  return opts.packaged ? [opts.execPath, '--hidden'] : [opts.execPath, opts.appPath, '--hidden'];
}

export function createLoginItem(app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'getAppPath' | 'isPackaged'>, platform: NodeJS.Platform, env: NodeJS.ProcessEnv, execPath: string): LoginItem {
  if (platform === 'darwin' || platform === 'win32') {
    return {
      isEnabled: () => Promise.resolve(app.getLoginItemSettings().openAtLogin),
      setEnabled: (enabled) => Promise.resolve(app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] })),
    };
  }
  return {
    isEnabled: () => isAutostartEnabled(env),
    setEnabled: (enabled) =>
      enabled
        ? enableAutostart(
            env,
            desktopEntry({
              name: 'GoProxy Control',
              comment: 'Keeps your Go module proxy configuration fast and correct',
              command: linuxLaunchCommand({ execPath, appImage: env.APPIMAGE, appPath: app.getAppPath(), packaged: app.isPackaged }),
            }),
          )
        : disableAutostart(env),
  };
}
