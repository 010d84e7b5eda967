// The tray: status, tooltip and menu are pure functions of the state; the adapter maps actions
// to clicks (Electron mocked: only a recording Tray and Menu.buildFromTemplate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { appTranslator } from '../../../electron/app/messages.js';
import { buildTrayMenu, type TrayAction } from '../../../electron/app/tray-menu.js';
import { trayStatus, trayTooltip } from '../../../electron/app/tray-status.js';
import { toMenuTemplate, updateTray } from '../../../electron/app/tray.js';
import type { ExplainView } from '../../../shared/contract/state.js';
import { configView, stateWith } from './fixtures.js';

const t = appTranslator('en-US');
const now = 1_000_000 + 5 * 60_000;

function explained(servedBy: string | null, finishedAt = now - 1000): ExplainView {
  return { module: 'm.invalid/x', requestedVersion: null, version: 'v1.0.0', goproxy: 'x', steps: [], servedBy, error: servedBy ? null : 'boom', fix: null, startedAt: finishedAt - 10, finishedAt };
}

test('status: only what an engine established; never a fake green', () => {
  assert.equal(trayStatus(stateWith({ config: { view: null } }), now), 'unknown');
  assert.equal(trayStatus(stateWith(), now), 'unknown', 'a valid configuration alone is not "healthy"');
  assert.equal(trayStatus(stateWith({ config: { loading: true } }), now), 'probing');
  assert.equal(trayStatus(stateWith({ explain: { running: { module: 'm', version: null } } }), now), 'probing');
  assert.equal(trayStatus(stateWith({ explain: { last: explained('https://goproxy.cn') } }), now), 'healthy');
  assert.equal(trayStatus(stateWith({ explain: { last: explained('https://goproxy.cn', now - 60 * 60_000) } }), now), 'unknown', 'an old success goes stale');
  assert.equal(trayStatus(stateWith({ explain: { last: explained(null) } }), now), 'degraded');
  assert.equal(trayStatus(stateWith({ config: { view: configView({ chainWarnings: ['x'] }) } }), now), 'degraded');
  const shadowed = configView({ vars: [{ name: 'GOPROXY', value: 'a', source: 'os-env', path: null, shadows: [{ source: 'env-file', value: 'b', path: '/f' }] }] });
  assert.equal(trayStatus(stateWith({ config: { view: shadowed } }), now), 'degraded');
  assert.equal(trayStatus(stateWith({ config: { view: configView({ chain: [], chainError: 'bad' }) } }), now), 'failing');
  assert.equal(trayStatus(stateWith({ config: { view: configView({ chain: [{ kind: 'off', fallBackOnError: false }] }) } }), now), 'failing');
  assert.equal(trayStatus(stateWith({ config: { view: null, error: 'go broke' } }), now), 'failing');
});

test('tooltip: status, GOPROXY and how long ago it was read', () => {
  assert.equal(trayTooltip(stateWith(), now, t), 'GoProxy Control: not checked yet\nGOPROXY=https://goproxy.cn|direct\nconfiguration read 5 min ago');
  assert.match(trayTooltip(stateWith(), 1_000_000 + 10, appTranslator('zh-CN')), /配置刚刚读取/);
});

test('menu: the chain entries in order, the real actions, launch at login as a checkbox, quit last', () => {
  const items = buildTrayMenu({ state: stateWith(), now, launchAtLogin: true }, t);
  const labels = items.map((i) => (i.type === 'separator' ? '---' : i.label));
  assert.deepEqual(labels, [
    'GoProxy Control: not checked yet',
    '---',
    'Active chain (GOPROXY)',
    '1. https://goproxy.cn — latency not measured yet',
    '2. direct — latency not measured yet',
    '---',
    'Refresh configuration',
    'Open dashboard…',
    '---',
    'Launch at login',
    '---',
    'Quit GoProxy Control',
  ]);
  const login = items.find((i) => i.type === 'checkbox');
  assert.ok(login?.type === 'checkbox' && login.checked && login.action === 'toggle-launch-at-login');
  const actions = items.flatMap((i) => (i.type !== 'separator' && i.action ? [i.action] : []));
  assert.deepEqual(actions, ['refresh-config', 'open-dashboard', 'toggle-launch-at-login', 'quit']);
  for (const i of items) if (i.type === 'normal' && i.action === null) assert.equal(i.enabled, false, `${i.label} is information, not a button`);
});

test('menu: a rejected GOPROXY and a configuration being read', () => {
  const items = buildTrayMenu({ state: stateWith({ config: { loading: true, view: configView({ chain: [], chainError: 'GOPROXY list is not the empty string, but contains no entries' }) } }), now, launchAtLogin: false }, t);
  assert.ok(items.some((i) => i.type === 'normal' && i.label === 'go rejects GOPROXY: GOPROXY list is not the empty string, but contains no entries'));
  const refresh = items.find((i) => i.type === 'normal' && i.id === 'refresh-config');
  assert.ok(refresh?.type === 'normal' && refresh.enabled === false, 'no second refresh while one runs');
  const zh = buildTrayMenu({ state: stateWith(), now, launchAtLogin: false }, appTranslator('zh-CN'));
  assert.ok(zh.some((i) => i.type === 'normal' && i.label === '退出 GoProxy Control'));
});

test('adapter: the template clicks run the item actions, and every update sets icon, tooltip and the whole menu', () => {
  const clicked: TrayAction[] = [];
  const template = toMenuTemplate(buildTrayMenu({ state: stateWith(), now, launchAtLogin: false }, t), (a) => clicked.push(a));
  for (const item of template) (item.click as (() => void) | undefined)?.();
  assert.deepEqual(clicked, ['refresh-config', 'open-dashboard', 'toggle-launch-at-login', 'quit']);

  const calls: string[] = [];
  const fakeImage = (status: string) => ({ status }) as unknown as NativeImage;
  const tray = {
    setImage: (img: unknown) => void calls.push(`image:${(img as { status: string }).status}`),
    setToolTip: (tip: string) => void calls.push(`tooltip:${tip.split('\n')[0]}`),
    setContextMenu: (menu: unknown) => void calls.push(`menu:${(menu as MenuItemConstructorOptions[]).length}`),
  };
  const deps = { tray, buildMenu: (tpl: MenuItemConstructorOptions[]) => tpl as unknown as Menu, icon: fakeImage, t, onAction: () => {} };
  updateTray(deps, stateWith({ config: { loading: true } }), false, now);
  updateTray(deps, stateWith({ config: { view: configView({ chain: [], chainError: 'x' }) } }), false, now);
  assert.deepEqual(calls, ['image:probing', 'tooltip:GoProxy Control: checking…', 'menu:12', 'image:failing', 'tooltip:GoProxy Control: failing', 'menu:11']);
});
