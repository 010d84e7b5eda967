// Window and navigation security (Electron mocked: a recording webContents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { HandlerDetails, WebContents } from 'electron';
import { APP_ORIGIN, resolveAppRequest } from '../../../electron/app/app-protocol.js';
import { isAllowedExternalUrl } from '../../../electron/app/external-links.js';
import { dashboardWindowOptions, hardenWebContents, type HardenableContents } from '../../../electron/app/windows.js';
import { appPaths, trayIconFile } from '../../../electron/app/paths.js';

test('every window: contextIsolation, sandbox, no node integration anywhere, web security on, our preload', () => {
  const prefs = dashboardWindowOptions('/app/dist/preload/index.cjs', 'GoProxy Control').webPreferences!;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.preload, '/app/dist/preload/index.cjs');
});

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url?: string }) => void>();
  let openHandler: ((d: HandlerDetails) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
    on: (name: string, l: (event: { preventDefault(): void; url?: string }) => void) => (listeners.set(name, l), contents),
  };
  const fire = (name: string, url: string) => {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => void (prevented = true), url });
    return prevented;
  };
  return { contents: contents as unknown as HardenableContents, fire, open: (url: string) => openHandler!({ url } as HandlerDetails), listeners };
}

test('window.open is always denied; an allow-listed https link goes to the system browser instead', () => {
  const opened: string[] = [];
  const f = fakeContents();
  hardenWebContents(f.contents, (u) => opened.push(u));
  assert.deepEqual(f.open('https://pkg.go.dev/golang.org/x/text'), { action: 'deny' });
  assert.deepEqual(f.open('https://evil.example/'), { action: 'deny' });
  assert.deepEqual(f.open('file:///etc/passwd'), { action: 'deny' });
  assert.deepEqual(opened, ['https://pkg.go.dev/golang.org/x/text']);
});

test('navigation, redirects and webviews are blocked', () => {
  const opened: string[] = [];
  const f = fakeContents();
  hardenWebContents(f.contents, (u) => opened.push(u));
  assert.equal(f.fire('will-navigate', 'https://evil.example/phish'), true);
  assert.equal(f.fire('will-navigate', `${APP_ORIGIN}/other.html`), true);
  assert.equal(f.fire('will-navigate', 'https://go.dev/ref/mod'), true, 'even allowed links never replace the dashboard');
  assert.equal(f.fire('will-redirect', 'https://evil.example/'), true);
  assert.equal(f.fire('will-attach-webview', ''), true);
  assert.deepEqual(opened, ['https://go.dev/ref/mod']);
});

test('external links: https only, allow-listed hosts only, no credentials or odd ports', () => {
  for (const ok of ['https://go.dev/doc', 'https://goproxy.cn/', 'https://github.com/golang/go/issues/1']) assert.equal(isAllowedExternalUrl(ok), true, ok);
  for (const bad of ['http://go.dev/', 'https://go.dev.evil.example/', 'https://user:pw@go.dev/', 'https://go.dev:8443/', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'https://evil.example/?u=https://go.dev']) {
    assert.equal(isAllowedExternalUrl(bad), false, bad);
  }
});

test('app:// serves only files inside the built renderer', () => {
  const root = path.resolve('/opt/app/dist/ui');
  assert.equal(resolveAppRequest(`${APP_ORIGIN}/index.html`, root), path.join(root, 'index.html'));
  assert.equal(resolveAppRequest(`${APP_ORIGIN}/`, root), path.join(root, 'index.html'));
  assert.equal(resolveAppRequest(`${APP_ORIGIN}/assets/a.js`, root), path.join(root, 'assets', 'a.js'));
  // The URL parser folds "%2e%2e" segments itself; whatever survives must still land inside root.
  for (const escape of [`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, `${APP_ORIGIN}/..%2f..%2fetc/passwd`, `${APP_ORIGIN}/assets/..%5c..%5cx`]) {
    const file = resolveAppRequest(escape, root);
    assert.ok(file === null || file.startsWith(root + path.sep), `${escape} → ${file}`);
  }
  assert.equal(resolveAppRequest(`${APP_ORIGIN}/..%2f..%2fetc/passwd`, root), null, 'an encoded "/" cannot smuggle ".."');
  for (const bad of ['app://other/index.html', 'file:///etc/passwd', `${APP_ORIGIN}/a%00.js`, '::']) {
    assert.equal(resolveAppRequest(bad, root), null, bad);
  }
});

test('resource paths: checkout vs packaged, template tray icons on macOS', () => {
  assert.equal(appPaths('/src', false, '/res').trayIcons, path.join('/src', 'build', 'icons', 'tray'));
  assert.equal(appPaths('/src', true, '/res').trayIcons, path.join('/res', 'tray'));
  assert.equal(path.basename(trayIconFile('/d', 'failing', 'darwin')), 'tray-failingTemplate.png');
  assert.equal(path.basename(trayIconFile('/d', 'failing', 'linux')), 'tray-failing.png');
  void (null as unknown as WebContents);
});
