// The tray shows the local relay's state (state.relay): nothing when off, counters and upstream
// health when up, the reason when it does not run; in both languages. (Electron mocked: the menu
// is data, mapped to a template by tray.ts.)
import assert from 'node:assert/strict';
import type { Locale } from '../../../shared/i18n/message.js';
import { test } from 'node:test';
import { buildTrayMenu } from '../../../electron/app/tray-menu.js';
import { toMenuTemplate } from '../../../electron/app/tray.js';
import { RELAY_OFF, type RelayView } from '../../../shared/contract/state.js';
import { stateWith } from './fixtures.js';

const now = 2_000_000;
const up: RelayView = {
  status: 'up',
  port: 7890,
  url: 'http://127.0.0.1:7890',
  chain: 'https://goproxy.cn|direct',
  requests: 42,
  cacheHits: 17,
  cacheBytes: 1 << 20,
  upstreams: [
    { url: 'https://goproxy.cn', state: 'healthy', coolUntil: null, requests: 25, failures: 0, firstByteP90Ms: 80 },
    { url: 'https://mirrors.example', state: 'cooling', coolUntil: now + 5000, requests: 3, failures: 3, firstByteP90Ms: null },
  ],
  error: null,
  updatedAt: now,
};

function labels(relay: RelayView | undefined, locale: Locale = 'en'): string[] {
  const items = buildTrayMenu({ state: { ...stateWith(), relay }, now }, locale);
  return items.filter((i) => i.type === 'normal' && i.id.startsWith('relay-')).map((i) => (i.type === 'normal' ? i.label : ''));
}

test('off (or a state from before the relay existed): no relay lines', () => {
  assert.deepEqual(labels(RELAY_OFF), []);
  assert.deepEqual(labels(undefined), []);
});

test('up: where it serves, its counters and its upstreams', () => {
  assert.deepEqual(labels(up), ['Local relay: serving on 127.0.0.1:7890', '42 requests, 17 from the cache', 'Upstreams: 1 of 2 cooling down after a failure']);
  const healthy = { ...up, upstreams: [up.upstreams[0]!] };
  assert.equal(labels(healthy)[2], 'Upstreams: all 1 healthy');
  assert.deepEqual(labels(up, 'zh-CN'), ['本地中继：正在 127.0.0.1:7890 上服务', '42 个请求，17 个来自缓存', '上游：2 个中有 1 个失败后正在冷却']);
});

test('down: says why, and the lines are information, not buttons', () => {
  const down: RelayView = { ...RELAY_OFF, status: 'down', port: 7890, error: 'port 7890 on 127.0.0.1 is in use' };
  assert.deepEqual(labels(down), ['Local relay: not running on 127.0.0.1:7890 (port 7890 on 127.0.0.1 is in use)']);
  const template = toMenuTemplate(buildTrayMenu({ state: { ...stateWith(), relay: down }, now }, 'en'), () => undefined);
  const line = template.find((i) => i.id === 'relay-status');
  assert.equal(line?.enabled, false);
});
