// The supervisor's status goes out at a bounded rate: the first change at once, a burst as one
// call at the end of the interval, and the last change never lost. Mocked timers (no sleeps).
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { boundedRate } from '../../../electron/core/relay/supervisor.js';

test('a burst of changes is one call per interval, and the last one always arrives', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let calls = 0;
    const rate = boundedRate(1_000, () => calls++);
    rate.changed();
    assert.equal(calls, 1, 'the first change goes out at once');
    for (let i = 0; i < 100; i++) rate.changed();
    assert.equal(calls, 1, 'a burst waits for the interval');
    mock.timers.tick(999);
    assert.equal(calls, 1);
    mock.timers.tick(1);
    assert.equal(calls, 2, 'the burst is one call');
    mock.timers.tick(5_000);
    assert.equal(calls, 2, 'no change, no call');
    rate.changed();
    assert.equal(calls, 3, 'quiet for an interval: at once again');
    rate.changed();
    rate.cancel();
    mock.timers.tick(5_000);
    assert.equal(calls, 3, 'cancelled');
  } finally {
    mock.timers.reset();
  }
});
