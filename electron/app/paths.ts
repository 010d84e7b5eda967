// Where the app's files are, in a checkout (npm start) and when packaged by electron-builder
// (tray icons are copied to resources/tray by build/electron-builder.json's extraResources).
import path from 'node:path';
import type { TrayStatus } from './tray-status.js';

export interface AppPaths {
  ui: string;
  preload: string;
  trayIcons: string;
}

/** appRoot: the directory holding package.json (app.getAppPath()). */
export function appPaths(appRoot: string, packaged: boolean, resourcesPath: string): AppPaths {
  return {
    ui: path.join(appRoot, 'dist', 'ui'),
    preload: path.join(appRoot, 'dist', 'preload', 'index.cjs'),
    trayIcons: packaged ? path.join(resourcesPath, 'tray') : path.join(appRoot, 'build', 'icons', 'tray'),
  };
}

/** macOS wants monochrome template images (the name must end in "Template"); others get colour. */
export function trayIconFile(dir: string, status: TrayStatus, platform: NodeJS.Platform): string {
  return path.join(dir, platform === 'darwin' ? `tray-${status}Template.png` : `tray-${status}.png`);
}
