// The "better" rule in time: a switch must save ≥ 20 % of the active entry's estimated time and
// ≥ 0.5 s; without times on both sides, the score rule (> 10 points and > 20 %) stands in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreFromTime } from '../../../shared/bench/estimate.js';
import { beatsByTolerance, beatsInTime, decideRepair, MIN_SAVING_MS, type CandidateHealth } from '../../../shared/repair/index.js';
import { A, B, obs, ok, settings, state } from './helpers.js';
import { render } from '../../../shared/i18n/catalog.js';

/** A working candidate measured at `ms`, its score derived from it as the benchmark derives it. */
const timed = (candidate: string, ms: number): CandidateHealth => ({ candidate, ok: true, score: scoreFromTime(ms), estimateMs: ms });

test('beatsInTime: at least 20 % and at least 0.5 s, both at once, boundaries included', () => {
  const s = settings();
  assert.equal(beatsInTime(4_000, 5_000, s), true, 'saves exactly 20 % and 1 s');
  assert.equal(beatsInTime(4_001, 5_000, s), false, '19.98 %');
  assert.equal(beatsInTime(1_000 - MIN_SAVING_MS, 1_000, s), true, 'saves exactly 0.5 s (50 %)');
  assert.equal(beatsInTime(100, 550, s), false, '82 % faster but only 0.45 s');
  assert.equal(beatsInTime(58_000, 60_000, s), false, '2 s but 3 %');
  assert.equal(beatsInTime(5_000, 4_000, s), false, 'slower');
  assert.equal(beatsInTime(4_500, 5_000, settings({ relativeTolerance: 0.1 })), true, 'the relative tolerance is the setting');
});

test('where points and time disagree, the time decides: 60 s against 40 s switches', () => {
  // 14.3 against 20 points: under the 10-point tolerance, yet go would save 20 s on every fetch.
  assert.equal(beatsByTolerance(scoreFromTime(40_000), scoreFromTime(60_000), settings()), false);
  const d = decideRepair(state(), obs([timed(A, 60_000), timed(B, 40_000)]), settings());
  assert.equal(d.action, 'reorder', JSON.stringify(d));
  assert.match(render('en', d.reason), /https:\/\/b\.example \(≈ 40 s, score 20\) beats https:\/\/a\.example \(≈ 60 s, score 14\.3\): at least 20% and 0\.5 s faster/);
});

test('sub-second proxies: 0.9 s against 0.5 s is not worth a switch; 2.5 s against 1 s is', () => {
  const within = decideRepair(state(), obs([timed(A, 900), timed(B, 500)]), settings());
  assert.equal(within.action, 'keep');
  assert.equal(within.cause, 'within-tolerance');
  assert.match(render('en', within.reason), /https:\/\/a\.example works \(≈ 0\.9 s, score 91\.7\); the best alternative, https:\/\/b\.example \(≈ 0\.5 s, score 95\.2\), is not at least 20% and 0\.5 s faster/);
  // 90.9 against 80 points is under the 20 % of the point rule; in time it saves 1.5 s (60 %).
  assert.equal(beatsByTolerance(scoreFromTime(1_000), scoreFromTime(2_500), settings()), false);
  assert.equal(decideRepair(state(), obs([timed(A, 2_500), timed(B, 1_000)]), settings()).action, 'reorder');
});

test('a side without a time: the score rule, as before', () => {
  // B has a time, A only a score: 70 vs 75 points is within the point tolerance.
  const d = decideRepair(state(), obs([ok(A, 70), timed(B, 3_000)]), settings());
  assert.equal(d.cause, 'within-tolerance');
  assert.match(render('en', d.reason), /works \(score 70\).*is not more than 10 points and 20% better/);
});

test('the dwell time still holds a faster candidate back', () => {
  const d = decideRepair(state({ chosenAt: 1_800_000_000_000 - 5 * 60_000 }), obs([timed(A, 60_000), timed(B, 10_000)]), settings());
  assert.equal(d.cause, 'dwell');
  assert.match(render('en', d.reason), /≈ 10 s.*beats.*≈ 60 s/);
});
