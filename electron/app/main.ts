// The Electron main process: a small shell around the service (electron/core/service). Every
// decision lives in a pure, tested module; this file only wires Electron to them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, powerMonitor, protocol, session, shell, Tray } from 'electron';
import type { Envelope } from '../../shared/contract/envelope.js';
import type { CliToolView } from '../../shared/contract/responses.js';
import { createService } from '../core/service/service.js';
import { productDirs } from '../core/apply/index.js';
import { helperArgvFor, installedLink, launcherPath } from '../core/cli-install/index.js';
import { cliToolSource } from './cli-runtime.js';
import { APP_SCHEME, BENCHMARK_URL, DASHBOARD_URL, registerAppProtocol } from './app-protocol.js';
import { registerContractIpc } from './ipc.js';
import { createLoginItem } from './login-item.js';
import { cliInstallNotice } from './cli-install-notice.js';
import { trayLocale, trayText } from './tray-locale.js';
import { eventNotification } from './notifications.js';
import { appPaths, trayIconFile } from './paths.js';
import { createSenderTrust } from './sender-trust.js';
import { registerPowerEvents } from './power-events.js';
import { switchTarget, type TrayAction } from './tray-menu.js';
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
  const loginItem = createLoginItem(app, process.platform, process.env, process.execPath);
  // The CLI runs on this very binary through the launcher (ELECTRON_RUN_AS_NODE): it is what go
  // runs as the GOAUTH helper and what "Install command-line tool" puts on PATH.
  const cliTool = cliToolSource({ execPath: process.execPath, env: process.env });
  const cliHost = { env: process.env, platform: process.platform, dirs: productDirs(process.env) };
  const launcher = launcherPath(cliHost.dirs, cliHost.platform);
  const helperArgv = 'runtime' in cliTool ? helperArgvFor(launcher, installedLink(cliHost, launcher)) : [];
  const service = createService({ env: process.env, loginItem, helperArgv, cliTool });
  const senders = createSenderTrust();
  let dashboard: BrowserWindow | null = null;
  let benchmark: BrowserWindow | null = null;
  let tray: Tray | null = null;
  const locale = () => trayLocale(service.state().settings.language, app.getLocale());
  const openExternal = (url: string) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  };

  const openWindow = (existing: BrowserWindow | null, url: string, title: string, onClosed: () => void): BrowserWindow => {
    if (existing !== null && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const win = new BrowserWindow(dashboardWindowOptions(paths.preload, title));
    senders.trust(win.webContents);
    win.once('ready-to-show', () => win.show());
    win.on('closed', onClosed);
    void win.loadURL(url);
    return win;
  };
  const openDashboard = () => {
    dashboard = openWindow(dashboard, DASHBOARD_URL, trayText(locale(), 'tray.appName'), () => (dashboard = null));
  };
  const openBenchmark = () => {
    benchmark = openWindow(benchmark, BENCHMARK_URL, trayText(locale(), 'tray.benchmark'), () => (benchmark = null));
  };

  const refreshTray = () => {
    if (tray === null) return;
    updateTray(
      {
        tray,
        buildMenu: (template) => Menu.buildFromTemplate(template),
        icon: (status) => nativeImage.createFromPath(trayIconFile(paths.trayIcons, status, process.platform)),
        osLocale: app.getLocale(),
        onAction,
      },
      service.state(),
      Date.now(),
    );
  };

  // Every action goes through the same contract commands as the dashboard; their outcome
  // reaches the tray through the state (and failures through the notices).
  const onAction = (action: TrayAction) => {
    const profile = switchTarget(action);
    if (profile !== null) return void service.dispatch('switchProfile', { id: profile });
    const settings = service.state().settings;
    switch (action) {
      case 'open-dashboard':
        return openDashboard();
      case 'open-benchmark':
        return openBenchmark();
      case 'refresh-config':
        return void service.dispatch('rereadAll', {});
      case 'test-now':
        return void service.dispatch('testNow', {});
      case 'repair-now':
        return void service.dispatch('repairNow', {});
      case 'toggle-auto-repair':
        return void service.dispatch('updateSettings', { settings: { ...settings, autoRepair: { ...settings.autoRepair, enabled: !settings.autoRepair.enabled } } });
      case 'toggle-launch-at-login':
        return void service.dispatch('updateSettings', { settings: { ...settings, launchAtLogin: !settings.launchAtLogin } });
      case 'install-cli':
        return void service.dispatch('installCliTool', {}).then((outcome) => {
          if (!Notification.isSupported()) return;
          new Notification(cliInstallNotice(outcome as Envelope<CliToolView>, (p) => path.dirname(p), locale())).show();
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

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerAppProtocol(protocol, paths.ui);
    registerContractIpc(ipcMain, service, (event) => senders.isTrusted(event));
    tray = new Tray(nativeImage.createFromPath(trayIconFile(paths.trayIcons, 'unknown', process.platform)));
    service.store.subscribe(refreshTray);
    service.subscribe((message) => {
      if (message.type !== 'event' || !Notification.isSupported()) return;
      const content = eventNotification(message.event, locale());
      if (content === null) return;
      const undo = content.undoApplyId !== null;
      const notification = new Notification({ title: content.title, body: content.body, actions: undo ? [{ type: 'button', text: trayText(locale(), 'tray.undo') }] : [] });
      // Undo reverts the newest apply: only while that is still this repair's.
      if (undo)
        notification.on('action', () => {
          if (service.state().applies.list[0]?.id === content.undoApplyId) void service.dispatch('undoLastApply', { force: false });
        });
      notification.show();
    });
    refreshTray();
    // The "checked N min ago" tooltip ages even when nothing else changes.
    setInterval(refreshTray, 60_000).unref();
    registerPowerEvents(powerMonitor, service);
    void service.dispatch('refreshConfig', {});
    if (!process.argv.includes('--hidden')) openDashboard();
  });
}
