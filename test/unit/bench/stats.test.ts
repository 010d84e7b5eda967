import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distribution, median, percentile, successRate } from '../../../shared/bench/stats.js';

function near(actual: number | null | undefined, expected: number): void {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);
}

test('median: middle value for odd counts, mean of the two middles for even counts, any input order', () => {
  assert.equal(median([30, 10, 20]), 20);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  assert.equal(median([]), null);
});

test('percentile: linear interpolation between closest ranks, as numpy.percentile(method="linear")', () => {
  // Reference values computed with numpy 1.26: np.percentile([10, 20, 30], 90) == 28.0, etc.
  near(percentile([10, 20, 30], 90), 28);
  near(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9.1);
  near(percentile([15, 20, 35, 40, 50], 40), 29);
  assert.equal(percentile([5], 90), 5);
  assert.equal(percentile([3, 1, 2], 0), 1);
  assert.equal(percentile([3, 1, 2], 100), 3);
});

test('percentile ignores non-finite values and rejects p outside 0..100', () => {
  assert.equal(percentile([Number.NaN, 10, Number.POSITIVE_INFINITY, 20], 50), 15);
  assert.equal(percentile([Number.NaN], 50), null);
  assert.throws(() => percentile([1], 101), RangeError);
  assert.throws(() => percentile([1], -1), RangeError);
});

test('distribution gives median and p90 together, p90 never below the median', () => {
  const d = distribution([100, 10, 20, 30]);
  near(d?.median, 25);
  near(d?.p90, 79);
  assert.equal(distribution([]), null);
  for (const values of [[1, 1, 1], [1, 100], [5, 3, 9, 12, 40]]) {
    const dv = distribution(values);
    assert.ok(dv && dv.p90 >= dv.median);
  }
});

test('successRate: share of successes; nothing measured counts as 0', () => {
  assert.equal(successRate([true, false, true, true]), 0.75);
  assert.equal(successRate([false, false]), 0);
  assert.equal(successRate([]), 0);
});
