import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideHedge, type MemberState } from '../../../electron/core/relay/hedge.js';

const waiting: MemberState = { phase: 'waiting' };
const running = (startedAt: number, hedgeDelayMs: number, answered = false): MemberState => ({ phase: 'running', startedAt, answered, hedgeDelayMs });
const done = (ok: boolean): MemberState => ({ phase: 'done', ok });

test('the first member starts at once; the next waits for its p90', () => {
  assert.deepEqual(decideHedge([waiting, waiting], 0), { action: 'start', index: 0 });
  assert.deepEqual(decideHedge([running(0, 200), waiting], 100), { action: 'wait', at: 200 });
  assert.deepEqual(decideHedge([running(0, 200), waiting], 200), { action: 'start', index: 1 });
});

test('a failure starts the next member right away, as go would', () => {
  assert.deepEqual(decideHedge([done(false), waiting, waiting], 5), { action: 'start', index: 1 });
  assert.deepEqual(decideHedge([done(false), running(5, 100), waiting], 50), { action: 'wait', at: 105 });
});

test('a member whose answer is arriving is not hedged (its body is on its way)', () => {
  assert.deepEqual(decideHedge([running(0, 10, true), waiting], 1_000), { action: 'wait', at: null });
});

test('the first good answer wins, whichever member gives it', () => {
  assert.deepEqual(decideHedge([running(0, 10), done(true), waiting], 50), { action: 'finish', winner: 1 });
  assert.deepEqual(decideHedge([done(false), done(true)], 50), { action: 'finish', winner: 1 });
});

test('the run ends without a winner only when every member is done', () => {
  assert.deepEqual(decideHedge([running(0, 10), done(false)], 50), { action: 'wait', at: null });
  assert.deepEqual(decideHedge([done(false), done(false)], 50), { action: 'finish', winner: null });
});

test('members start in go\'s order, one hedge at a time', () => {
  // Two running: the timer follows the newest one, and the third waits for it.
  assert.deepEqual(decideHedge([running(0, 10), running(10, 300), waiting], 100), { action: 'wait', at: 310 });
});
