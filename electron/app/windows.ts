// Window security, in one place: the options every window is created with, and the hardening
// applied to every webContents the app ever gets (app.on('web-contents-created')).
import type { BrowserWindowConstructorOptions, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAllowedExternalUrl } from './external-links.js';

export function dashboardWindowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 820,
    show: false,
    title,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * No new windows (an allowed https link goes to the system browser instead), no navigation away
 * from the dashboard, no <webview>.
 */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(details.url)) openExternal(details.url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (isAllowedExternalUrl(event.url)) openExternal(event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
