// The one serial queue (electron/core/system/serial-queue.ts): order, one at a time, a failure
// stays with its own task, idle() waits for everything, keyed queues are independent and dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedSerialQueue, SerialQueue } from '../../../electron/core/system/serial-queue.js';

/** A task that runs until released, recording when it starts and ends. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    task: async () => {
      log.push(`${name}+`);
      await released;
      log.push(`${name}-`);
      return name;
    },
  };
}

test('SerialQueue: one task at a time, in order; a failure rejects only its own task', async () => {
  const q = new SerialQueue();
  const log: string[] = [];
  const a = gate(log, 'a');
  const b = gate(log, 'b');
  const ra = q.run(a.task);
  const rfail = q.run(() => {
    log.push('fail');
    return Promise.reject(new Error('boom'));
  });
  const rb = q.run(b.task);
  await Promise.resolve();
  assert.deepEqual(log, ['a+'], 'nothing else starts while a runs');
  assert.equal(q.busy, true);
  b.release(); // released early: b still waits for its turn
  a.release();
  assert.equal(await ra, 'a');
  await assert.rejects(rfail, /boom/);
  assert.equal(await rb, 'b');
  assert.deepEqual(log, ['a+', 'a-', 'fail', 'b+', 'b-']);
  await q.idle();
  assert.equal(q.busy, false);
});

test('SerialQueue.idle waits for tasks queued while it waits', async () => {
  const q = new SerialQueue();
  const log: string[] = [];
  const a = gate(log, 'a');
  void q.run(async () => {
    await a.task();
    void q.run(() => Promise.resolve(void log.push('queued by a')));
  });
  const idle = q.idle();
  a.release();
  await idle;
  assert.deepEqual(log, ['a+', 'a-', 'queued by a']);
});

test('KeyedSerialQueue: serial per key, parallel across keys, no key left behind', async () => {
  const q = new KeyedSerialQueue();
  const log: string[] = [];
  const x1 = gate(log, 'x1');
  const y1 = gate(log, 'y1');
  const runs = [q.run('x', x1.task), q.run('x', () => Promise.resolve(void log.push('x2'))), q.run('y', y1.task)];
  await Promise.resolve();
  assert.deepEqual(log.sort(), ['x1+', 'y1+'], 'x2 waits for x1; y1 does not');
  assert.equal(q.size, 2);
  x1.release();
  y1.release();
  await Promise.all(runs);
  assert.ok(log.indexOf('x1-') < log.indexOf('x2'));
  assert.equal(q.size, 0);
});
