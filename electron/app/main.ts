// The Electron main process: a small shell around the service (electron/core/service). Every
// decision lives in a pure, tested module; this file only wires Electron to them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, session, shell, Tray } from 'electron';
import { createService } from '../core/service/service.js';
import { APP_SCHEME, DASHBOARD_URL, registerAppProtocol } from './app-protocol.js';
import { registerContractIpc } from './ipc.js';
import { createLoginItem } from './login-item.js';
import { appTranslator } from './messages.js';
import { noticeNotification } from './notifications.js';
import { appPaths, trayIconFile } from './paths.js';
import { createSenderTrust } from './sender-trust.js';
import type { TrayAction } from './tray-menu.js';
import { updateTray } from './tray.js';
import { dashboardWindowOptions, hardenWebContents } from './windows.js';
import { isAllowedExternalUrl } from './external-links.js';

// Must happen before 'ready': app:// gets a real origin, secure context and fetch support.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const paths = appPaths(appRoot, app.isPackaged, process.resourcesPath);
  const service = createService({ env: process.env });
  const senders = createSenderTrust();
  const loginItem = createLoginItem(app, process.platform, process.env, process.execPath);
  let dashboard: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let launchAtLogin = false;
  const t = () => appTranslator(app.getLocale());
  const openExternal = (url: string) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  };

  const openDashboard = () => {
    if (dashboard !== null && !dashboard.isDestroyed()) {
      if (dashboard.isMinimized()) dashboard.restore();
      dashboard.show();
      dashboard.focus();
      return;
    }
    const win = new BrowserWindow(dashboardWindowOptions(paths.preload, t()('appName')));
    senders.trust(win.webContents);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => (dashboard = null));
    void win.loadURL(DASHBOARD_URL);
    dashboard = win;
  };

  const refreshTray = () => {
    if (tray === null) return;
    updateTray(
      {
        tray,
        buildMenu: (template) => Menu.buildFromTemplate(template),
        icon: (status) => nativeImage.createFromPath(trayIconFile(paths.trayIcons, status, process.platform)),
        t: t(),
        onAction,
      },
      service.state(),
      launchAtLogin,
      Date.now(),
    );
  };

  const onAction = (action: TrayAction) => {
    switch (action) {
      case 'open-dashboard':
        return openDashboard();
      case 'refresh-config':
        return void service.dispatch('refreshConfig', {});
      case 'toggle-launch-at-login':
        return void loginItem
          .setEnabled(!launchAtLogin)
          .then(() => loginItem.isEnabled())
          .then((enabled) => {
            launchAtLogin = enabled;
            refreshTray();
          });
      case 'quit':
        return app.quit();
    }
  };

  // A second launch only focuses the dashboard: its arguments come from anyone and are ignored.
  app.on('second-instance', () => openDashboard());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => {});
  app.on('will-quit', () => service.close());

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerAppProtocol(protocol, paths.ui);
    registerContractIpc(ipcMain, service, (event) => senders.isTrusted(event));
    launchAtLogin = await loginItem.isEnabled().catch(() => false);
    tray = new Tray(nativeImage.createFromPath(trayIconFile(paths.trayIcons, 'unknown', process.platform)));
    service.store.subscribe(refreshTray);
    service.subscribe((message) => {
      if (message.type !== 'event' || !Notification.isSupported()) return;
      new Notification(noticeNotification(message.event, t())).show();
    });
    refreshTray();
    // The "checked N min ago" tooltip ages even when nothing else changes.
    setInterval(refreshTray, 60_000).unref();
    powerMonitor.on('resume', () => void service.dispatch('refreshConfig', {}));
    void service.dispatch('refreshConfig', {});
    if (!process.argv.includes('--hidden')) openDashboard();
  });
}
