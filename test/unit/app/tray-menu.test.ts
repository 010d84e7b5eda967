// The tray: status, tooltip and menu are pure functions of the state; the adapter maps actions
// to clicks (Electron mocked: only a recording Tray and Menu.buildFromTemplate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { buildTrayMenu, switchTarget, type TrayAction } from '../../../electron/app/tray-menu.js';
import { BUILTIN_PROFILES } from '../../../shared/profile/index.js';
import { trayStatus, trayTooltip } from '../../../electron/app/tray-status.js';
import { toMenuTemplate, updateTray } from '../../../electron/app/tray.js';
import type { AppState, ExplainView } from '../../../shared/contract/state.js';
import { configView, profileViews, stateWith } from './fixtures.js';
import { checkZhText } from '../../support/zh-check.js';

const en = 'en';
const now = 1_000_000 + 5 * 60_000;

function explained(servedBy: string | null, finishedAt = now - 1000): ExplainView {
  return { module: 'm.invalid/x', requestedVersion: null, version: 'v1.0.0', goproxy: 'x', steps: [], servedBy, outcome: servedBy ? 'served' : 'failed', error: servedBy ? null : 'boom', fix: null, startedAt: finishedAt - 10, finishedAt };
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

test('status from probes: the first proxy working and fresh is healthy, failing is degraded, all failing without direct is failing', () => {
  const probe = (ok: boolean, checkedAt = now - 1000) => ({ ok, latencyMs: ok ? 50 : null, checkedAt, error: ok ? null : 'timeout', source: 'probe' as const });
  const base = stateWith();
  assert.equal(trayStatus({ ...base, health: { 'https://goproxy.cn': probe(true) } }, now), 'healthy');
  assert.equal(trayStatus({ ...base, health: { 'https://goproxy.cn': probe(true, now - 60 * 60_000) } }, now), 'unknown', 'an old probe goes stale');
  assert.equal(trayStatus({ ...base, health: { 'https://goproxy.cn': probe(false) } }, now), 'degraded', 'direct still follows');
  const noDirect = stateWith({ config: { view: configView({ chain: [{ kind: 'proxy', url: 'https://goproxy.cn', fallBackOnError: false }] }) } });
  assert.equal(trayStatus({ ...noDirect, health: { 'https://goproxy.cn': probe(false) } }, now), 'failing');
  assert.equal(trayStatus({ ...base, watch: { ...base.watch, running: true } }, now), 'probing');
  assert.equal(trayStatus({ ...base, switching: { ...base.switching, running: 'china' } }, now), 'probing');
});

test('tooltip: status, GOPROXY and how long ago it was read', () => {
  assert.equal(trayTooltip(stateWith(), now, en), 'GoProxy Control: not checked yet\nGOPROXY=https://goproxy.cn|direct\nconfiguration read 5 min ago');
  assert.match(trayTooltip(stateWith(), 1_000_000 + 10, 'zh-CN'), /配置刚刚读取/);
});

test('menu: profiles as radio items, the chain with latencies, the real actions, quit last', () => {
  const state = { ...stateWith(), profiles: { list: profileViews(BUILTIN_PROFILES[0]!.id), active: BUILTIN_PROFILES[0]!.id, loaded: true, error: null, subscriptions: [] } };
  const items = buildTrayMenu({ state, now }, en);
  const labels = items.map((i) => (i.type === 'separator' ? '---' : i.label));
  assert.deepEqual(labels, [
    'GoProxy Control: not checked yet',
    '---',
    'Profiles',
    ...BUILTIN_PROFILES.map((p) => p.name),
    '---',
    'Active chain (GOPROXY)',
    '1. https://goproxy.cn — latency not measured yet',
    '2. direct — latency not measured yet',
    '---',
    'Test now',
    'Repair now',
    'Auto-repair',
    '---',
    'Benchmark…',
    'Refresh configuration',
    'Open dashboard…',
    '---',
    'Launch at login',
    'Install command-line tool',
    '---',
    'Quit GoProxy Control',
  ]);
  const radios = items.filter((i) => i.type === 'radio');
  assert.equal(radios.length, BUILTIN_PROFILES.length);
  assert.deepEqual(
    radios.filter((r) => r.type === 'radio' && r.checked).map((r) => r.type === 'radio' && r.action),
    [`switch-profile:${BUILTIN_PROFILES[0]!.id}`],
    'exactly the active profile is checked',
  );
  assert.equal(switchTarget(`switch-profile:${BUILTIN_PROFILES[1]!.id}`), BUILTIN_PROFILES[1]!.id);
  assert.equal(switchTarget('test-now'), null);
  const checkboxes = items.filter((i) => i.type === 'checkbox').map((i) => i.type === 'checkbox' && [i.action, i.checked]);
  assert.deepEqual(checkboxes, [
    ['toggle-auto-repair', false],
    ['toggle-launch-at-login', false],
  ]);
  const actions = items.flatMap((i) => (i.type !== 'separator' && i.type !== 'radio' && i.action ? [i.action] : []));
  assert.deepEqual(actions, ['test-now', 'repair-now', 'toggle-auto-repair', 'open-benchmark', 'refresh-config', 'open-dashboard', 'toggle-launch-at-login', 'install-cli', 'quit']);
  for (const i of items) if (i.type === 'normal' && i.action === null) assert.equal(i.enabled, false, `${i.label} is information, not a button`);
});

test('menu: latest latency per entry, failures in words; settings and running rounds change the items', () => {
  const base = stateWith();
  const state = {
    ...base,
    health: { 'https://goproxy.cn': { ok: true, latencyMs: 123.4, checkedAt: now, error: null, source: 'probe' as const } },
    settings: { ...base.settings, launchAtLogin: true, autoRepair: { ...base.settings.autoRepair, enabled: true } },
  };
  const labels = buildTrayMenu({ state, now }, en).map((i) => (i.type === 'separator' ? '---' : i.label));
  assert.ok(labels.includes('1. https://goproxy.cn — 123 ms'));
  const failing = { ...state, health: { 'https://goproxy.cn': { ok: false, latencyMs: null, checkedAt: now, error: 'timeout', source: 'probe' as const } } };
  assert.ok(buildTrayMenu({ state: failing, now }, en).some((i) => i.type === 'normal' && i.label === '1. https://goproxy.cn — failing (timeout)'));
  // With the probe's failure kind (what the watcher and benchmarks record), in words of the user's language.
  const worded = { ...state, health: { 'https://goproxy.cn': { ok: false, latencyMs: null, checkedAt: now, error: 'HTTP 502 Bad Gateway', failure: { kind: 'http', status: 502 }, source: 'probe' as const } } };
  assert.ok(buildTrayMenu({ state: worded, now }, en).some((i) => i.type === 'normal' && i.label === '1. https://goproxy.cn — failing (it answered with an HTTP error, HTTP 502)'));
  assert.ok(buildTrayMenu({ state: worded, now }, 'zh-CN').some((i) => i.type === 'normal' && i.label === '1. https://goproxy.cn — 失败（返回了 HTTP 错误，HTTP 502）'));
  const checked = buildTrayMenu({ state, now }, en).flatMap((i) => (i.type === 'checkbox' && i.checked ? [i.id] : []));
  assert.deepEqual(checked, ['auto-repair', 'launch-at-login']);

  const busy = { ...state, watch: { ...state.watch, running: true }, switching: { ...state.switching, running: 'x' }, profiles: { ...state.profiles, list: profileViews(null) } };
  const busyItems = buildTrayMenu({ state: busy, now }, en);
  for (const id of ['test-now', 'repair-now']) assert.ok(busyItems.some((i) => i.type === 'normal' && i.id === id && !i.enabled), `${id} waits for the running round`);
  assert.ok(busyItems.filter((i) => i.type === 'radio').every((i) => i.type === 'radio' && !i.enabled), 'no second switch while one runs');

  const blocked = { ...state, profiles: { ...state.profiles, list: [{ ...profileViews(null)[0]!, blockers: ['fill in <PRIVATE_PROXY_URL>'] }] } };
  assert.ok(buildTrayMenu({ state: blocked, now }, en).some((i) => i.type === 'radio' && !i.enabled), 'a profile with a placeholder cannot be picked');
  const onlyDirect = { ...state, config: { ...state.config, view: configView({ chain: [{ kind: 'direct', fallBackOnError: false }] }) } };
  assert.ok(buildTrayMenu({ state: onlyDirect, now }, en).some((i) => i.type === 'normal' && i.id === 'test-now' && !i.enabled), 'nothing to test without a proxy');
});

test('menu: a rejected GOPROXY and a configuration being read', () => {
  const items = buildTrayMenu({ state: stateWith({ config: { loading: true, view: configView({ chain: [], chainError: 'GOPROXY list is not the empty string, but contains no entries' }) } }), now }, en);
  assert.ok(items.some((i) => i.type === 'normal' && i.label === 'go rejects GOPROXY: GOPROXY list is not the empty string, but contains no entries'));
  const refresh = items.find((i) => i.type === 'normal' && i.id === 'refresh-config');
  assert.ok(refresh?.type === 'normal' && refresh.enabled === false, 'no second refresh while one runs');
  const zh = buildTrayMenu({ state: stateWith(), now }, 'zh-CN');
  assert.ok(zh.some((i) => i.type === 'normal' && i.label === '退出 GoProxy Control'));
  assert.ok(zh.some((i) => i.type === 'normal' && i.label === '立即修复'));
});

test('adapter: the template clicks run the item actions, and every update sets icon, tooltip and the whole menu', () => {
  const clicked: TrayAction[] = [];
  const state = { ...stateWith(), profiles: { list: profileViews(null), active: null, loaded: true, error: null, subscriptions: [] } };
  const template = toMenuTemplate(buildTrayMenu({ state, now }, en), (a) => clicked.push(a));
  for (const item of template) (item.click as (() => void) | undefined)?.();
  assert.deepEqual(clicked, [
    ...BUILTIN_PROFILES.map((p) => `switch-profile:${p.id}`),
    'test-now',
    'repair-now',
    'toggle-auto-repair',
    'open-benchmark',
    'refresh-config',
    'open-dashboard',
    'toggle-launch-at-login',
    'install-cli',
    'quit',
  ]);
  assert.ok(template.filter((i) => i.type === 'radio').length === BUILTIN_PROFILES.length);

  const calls: string[] = [];
  const fakeImage = (status: string) => ({ status }) as unknown as NativeImage;
  const tray = {
    setImage: (img: unknown) => void calls.push(`image:${(img as { status: string }).status}`),
    setToolTip: (tip: string) => void calls.push(`tooltip:${tip.split('\n')[0]}`),
    setContextMenu: (menu: unknown) => void calls.push(`menu:${(menu as MenuItemConstructorOptions[]).length}`),
  };
  const deps = { tray, buildMenu: (tpl: MenuItemConstructorOptions[]) => tpl as unknown as Menu, icon: fakeImage, osLocale: 'en-US', onAction: () => {} };
  updateTray(deps, stateWith({ config: { loading: true } }), now);
  updateTray(deps, stateWith({ config: { view: configView({ chain: [], chainError: 'x' }) } }), now);
  assert.deepEqual(calls, ['image:probing', 'tooltip:GoProxy Control: checking…', 'menu:21', 'image:failing', 'tooltip:GoProxy Control: failing', 'menu:20']);
});

test('the tray speaks the one language setting: a choice overrides the OS, "system" follows it', () => {
  const spoken = (language: AppState['settings']['language'], osLocale: string) => {
    const seen: { tooltip: string; labels: string[] } = { tooltip: '', labels: [] };
    const tray = {
      setImage: () => {},
      setToolTip: (text: string) => void (seen.tooltip = text),
      setContextMenu: (menu: unknown) => void (seen.labels = (menu as MenuItemConstructorOptions[]).map((m) => String(m.label ?? ''))),
    };
    const base = stateWith();
    const state: AppState = { ...base, settings: { ...base.settings, language }, profiles: { ...base.profiles, list: profileViews('china'), active: 'china', loaded: true } };
    updateTray({ tray, buildMenu: (tpl) => tpl as unknown as Menu, icon: () => ({}) as NativeImage, osLocale, onAction: () => {} }, state, now);
    return seen;
  };
  const zhOnEnglishOs = spoken('zh-CN', 'en-US');
  assert.equal(zhOnEnglishOs.tooltip.split('\n')[0], 'GoProxy Control：尚未检查');
  assert.ok(zhOnEnglishOs.labels.includes('退出 GoProxy Control'), zhOnEnglishOs.labels.join('|'));
  assert.ok(zhOnEnglishOs.labels.includes('中国大陆'), 'built-in profile names follow the language too');
  const enOnChineseOs = spoken('en', 'zh-CN');
  assert.ok(enOnChineseOs.labels.includes('Quit GoProxy Control'), enOnChineseOs.labels.join('|'));
  assert.ok(enOnChineseOs.labels.includes('Mainland China'));
  assert.ok(spoken('system', 'zh-CN').labels.includes('退出 GoProxy Control'), '"system" follows the OS locale');
  assert.ok(spoken('system', 'en-GB').labels.includes('Quit GoProxy Control'));
});

test('the tray in 简体中文: every menu label and the tooltip pass the zh check (code such as URLs and GOPROXY aside)', () => {
  const base = stateWith();
  const state: AppState = {
    ...base,
    settings: { ...base.settings, language: 'zh-CN' },
    profiles: { ...base.profiles, list: profileViews('china'), active: 'china', loaded: true },
    health: { 'https://goproxy.cn': { ok: true, latencyMs: 42, checkedAt: now - 1000, error: null, source: 'probe' } },
  };
  const seen: { tooltip: string; labels: string[] } = { tooltip: '', labels: [] };
  const tray = {
    setImage: () => {},
    setToolTip: (text: string) => void (seen.tooltip = text),
    setContextMenu: (menu: unknown) => void (seen.labels = (menu as MenuItemConstructorOptions[]).map((m) => String(m.label ?? ''))),
  };
  updateTray({ tray, buildMenu: (tpl) => tpl as unknown as Menu, icon: () => ({}) as NativeImage, osLocale: 'en-US', onAction: () => {} }, state, now);
  const text = [seen.tooltip, ...seen.labels].join('\n');
  const check = checkZhText(text);
  assert.deepEqual(check.english, [], text);
  assert.ok(check.cjk > 20, text);
});
