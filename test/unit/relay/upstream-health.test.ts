import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DEADLINES, UpstreamHealth, percentile } from '../../../electron/core/relay/upstream-health.js';

test('without history the defaults apply; with it, a multiple of the p90 within floor and ceiling', () => {
  const h = new UpstreamHealth('https://a.example');
  assert.equal(h.firstByteDeadlineMs(), DEFAULT_DEADLINES.firstByte.defaultMs);
  assert.equal(h.hedgeDelayMs(), DEFAULT_DEADLINES.hedge.defaultMs);
  for (let i = 0; i < 10; i++) h.recordAnswer(100 + i * 10); // p90 = 180
  assert.equal(h.firstByteDeadlineMs(), DEFAULT_DEADLINES.firstByte.floorMs, '4 × 180 ms is under the floor');
  assert.equal(h.hedgeDelayMs(), 180);
  const slow = new UpstreamHealth('https://slow.example');
  for (let i = 0; i < 10; i++) slow.recordAnswer(20_000);
  assert.equal(slow.firstByteDeadlineMs(), DEFAULT_DEADLINES.firstByte.ceilingMs);
  assert.equal(slow.hedgeDelayMs(), DEFAULT_DEADLINES.hedge.ceilingMs);
  for (let i = 0; i < 10; i++) h.recordConnect(1_000);
  assert.equal(h.connectDeadlineMs(), 4_000);
});

test('a network failure cools the upstream down, longer each time, until it answers again', () => {
  const h = new UpstreamHealth('https://a.example');
  h.recordNetworkFailure(0);
  assert.ok(h.isCooling(1));
  assert.equal(h.reprobeAt, DEFAULT_DEADLINES.coolDown.firstMs);
  assert.ok(!h.isCooling(DEFAULT_DEADLINES.coolDown.firstMs));
  h.recordNetworkFailure(10_000);
  assert.equal(h.reprobeAt, 10_000 + 2 * DEFAULT_DEADLINES.coolDown.firstMs);
  for (let i = 0; i < 20; i++) h.recordNetworkFailure(20_000);
  assert.equal(h.reprobeAt, 20_000 + DEFAULT_DEADLINES.coolDown.maxMs);
  h.recordAnswer(50);
  assert.ok(!h.isCooling(20_001));
  assert.equal(h.snapshot(20_001).consecutiveFailures, 0);
});

test('an HTTP error status is path-specific: no cool-down', () => {
  const h = new UpstreamHealth('https://a.example');
  h.recordHttpFailure(30);
  assert.ok(!h.isCooling(1));
  assert.equal(h.snapshot(1).failures, 1);
});

test('percentile is nearest-rank', () => {
  assert.equal(percentile([], 0.9), null);
  assert.equal(percentile([5], 0.9), 5);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9);
});

test('an upstream that keeps losing hedges without answering is treated as silent', () => {
  const h = new UpstreamHealth('https://a.example');
  assert.equal(h.recordSilentLoss(0), false);
  assert.equal(h.recordSilentLoss(1), false);
  h.recordAnswer(20); // an answer in between: it is alive
  assert.equal(h.recordSilentLoss(2), false);
  assert.equal(h.recordSilentLoss(3), false);
  assert.equal(h.recordSilentLoss(4), true);
  assert.ok(h.isCooling(5));
});
