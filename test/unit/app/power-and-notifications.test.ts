// powerMonitor 'resume' feeds the watcher (Electron mocked: an EventEmitter stands in for
// powerMonitor), and which stream events become native notifications.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { eventNotification } from '../../../electron/app/notifications.js';
import { msg } from '../../../shared/i18n/message.js';
import { decideRepair, DEFAULT_REPAIR_SETTINGS } from '../../../shared/repair/index.js';
import type { WatchEvent } from '../../../shared/repair/events.js';
import { checkZhText } from '../../support/zh-check.js';
import { registerPowerEvents } from '../../../electron/app/power-events.js';

test('resume: everything the state comes from is re-read and the watcher gets a wake round; unregistering stops it', async () => {
  const monitor = new EventEmitter();
  const calls: string[] = [];
  const service = {
    wake: () => Promise.resolve(void calls.push('wake')),
    dispatch: (key: string) => Promise.resolve(void calls.push(key)),
  };
  const unregister = registerPowerEvents(monitor as unknown as Pick<PowerMonitor, 'on' | 'off'>, service);
  monitor.emit('suspend');
  assert.deepEqual(calls, [], 'going to sleep triggers nothing');
  monitor.emit('resume');
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(calls, ['rereadAll', 'wake']);
  unregister();
  monitor.emit('resume');
  await new Promise((r) => setImmediate(r));
  assert.equal(calls.length, 2);
  assert.equal(monitor.listenerCount('resume'), 0);
});

test('a failing wake round never throws out of the event handler', async () => {
  const monitor = new EventEmitter();
  registerPowerEvents(monitor as unknown as Pick<PowerMonitor, 'on' | 'off'>, { wake: () => Promise.reject(new Error('boom')), dispatch: () => Promise.resolve(undefined) });
  monitor.emit('resume');
  await new Promise((r) => setImmediate(r));
});

test('notifications: notices and repairs (with Undo), never probes, keeps or benchmark progress', () => {
  const en = 'en';
  assert.deepEqual(eventNotification({ type: 'notice', level: 'info', code: 'goproxy-changed', params: { from: 'a', to: 'b' } }, en), {
    title: 'GoProxy Control',
    body: 'GOPROXY changed: a → b',
    undoApplyId: null,
  });
  const repair = eventNotification({ type: 'watch', event: repairEvent('ap1') }, en);
  assert.deepEqual(repair, {
    title: 'GOPROXY repaired',
    body: 'Now GOPROXY=https://b.example|https://a.example|direct. https://a.example failed 3 times in a row; https://b.example works, so it goes first (score 60).',
    undoApplyId: 'ap1',
  });
  assert.equal(eventNotification({ type: 'watch', event: { type: 'probe', at: 'x', candidate: 'a', ok: true, score: 90, durationMs: 5, error: null } }, en), null);
  assert.equal(eventNotification({ type: 'watch', event: { type: 'keep', at: 'x', trigger: 'start', cause: 'within-tolerance', reason: msg('ops.repair.within-tolerance', { entry: 'a', figures: msg('ops.repair.figures-score', { score: 90 }) }) } }, en), null);
  assert.equal(eventNotification({ type: 'bench', event: { type: 'candidate-start', candidate: 'a', kind: 'proxy', index: 0, samples: 1 } }, en), null);
});

/** A repair as the watcher reports it: the repair engine's own decision for a failing first entry. */
function repairEvent(applyId: string | null): WatchEvent {
  const decision = decideRepair(
    { now: 10 * 60 * 60_000, profile: null, goproxy: 'https://a.example|https://b.example|direct', chosenAt: 0, chosenBy: 'user', chosenOnNetwork: null, activeFailures: 3 },
    { network: null, health: [{ candidate: 'https://a.example', ok: false, score: 0 }, { candidate: 'https://b.example', ok: true, score: 60 }], profiles: [] },
    DEFAULT_REPAIR_SETTINGS,
  );
  assert.equal(decision.action, 'reorder');
  const to = { profile: null, goproxy: decision.action === 'reorder' ? decision.goproxy : '' };
  return { type: 'repair', at: 'x', trigger: 'failures', action: 'reorder', cause: decision.cause, from: { profile: null, goproxy: 'https://a.example|https://b.example|direct' }, to, reason: decision.reason, applyId };
}

test('the repair notification in 简体中文: title and body, the reason included, are Chinese (zh check)', () => {
  const zh = eventNotification({ type: 'watch', event: repairEvent(null) }, 'zh-CN')!;
  assert.equal(zh.title, 'GOPROXY 已修复');
  assert.equal(zh.body, '现在 GOPROXY=https://b.example|https://a.example|direct。https://a.example 连续失败 3 次；https://b.example 可用，因此把它排到最前（得分 60）。');
  for (const text of [zh.title, zh.body]) {
    const check = checkZhText(text);
    assert.deepEqual(check.english, [], text);
    assert.ok(check.cjk > 0, text);
  }
  const notice = eventNotification({ type: 'notice', level: 'info', code: 'goproxy-changed', params: { from: 'https://a.example', to: 'https://b.example' } }, 'zh-CN')!;
  assert.deepEqual(checkZhText(`${notice.title}\n${notice.body}`).english, []);
});
