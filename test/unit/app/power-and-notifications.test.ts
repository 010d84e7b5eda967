// powerMonitor 'resume' feeds the watcher (Electron mocked: an EventEmitter stands in for
// powerMonitor), and which stream events become native notifications.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { PowerMonitor } from 'electron';
import { appTranslator } from '../../../electron/app/messages.js';
import { eventNotification } from '../../../electron/app/notifications.js';
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
  const t = appTranslator('en-US');
  assert.deepEqual(eventNotification({ type: 'notice', level: 'info', code: 'goproxy-changed', params: { from: 'a', to: 'b' } }, t), {
    title: 'GoProxy Control',
    body: 'GOPROXY changed: a → b',
    undoApplyId: null,
  });
  const repair = eventNotification(
    {
      type: 'watch',
      event: { type: 'repair', at: 'x', trigger: 'failures', action: 'reorder', cause: 'failing', from: { profile: null, goproxy: 'a,b' }, to: { profile: null, goproxy: 'b,a' }, reason: 'a keeps failing.', applyId: 'ap1' },
    },
    t,
  );
  assert.deepEqual(repair, { title: 'GOPROXY repaired', body: 'Now GOPROXY=b,a. a keeps failing.', undoApplyId: 'ap1' });
  assert.equal(eventNotification({ type: 'watch', event: { type: 'probe', at: 'x', candidate: 'a', ok: true, score: 90, durationMs: 5, error: null } }, t), null);
  assert.equal(eventNotification({ type: 'watch', event: { type: 'keep', at: 'x', trigger: 'start', cause: 'failing', reason: 'fine' } }, t), null);
  assert.equal(eventNotification({ type: 'bench', event: { type: 'candidate-start', candidate: 'a', kind: 'proxy', index: 0, samples: 1 } }, t), null);
  assert.match(eventNotification({ type: 'watch', event: { ...({ type: 'repair', at: 'x', trigger: 'wake', action: 'reorder', cause: 'failing', from: { profile: null, goproxy: 'a' }, to: { profile: null, goproxy: 'b' }, reason: 'r', applyId: null } as const) } }, appTranslator('zh-CN'))!.title, /已修复/);
});
