import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { HistoryStore } from '../../../electron/core/history/store.js';
import { candidateKey } from '../../../electron/core/history/layout.js';
import { DAY, HOUR, manualClock, MIN, record, withTempDir } from './helpers.js';

const P = 'https://goproxy.example';
const Q = 'https://other.example';
// Noon on 2026-01-15 (UTC).
const NOON = Date.UTC(2026, 0, 15, 12, 0, 0);

test('raw queries return [from, to): from inclusive, to exclusive, sorted, per candidate', async () => {
  await withTempDir(async (dir) => {
    const clock = manualClock(NOON);
    const store = await HistoryStore.open(dir, { now: clock.now, durable: false });
    // Appended out of order, as two writers might; plus another candidate at the same instants.
    await store.append([record(P, NOON - 2 * MIN, 30), record(P, NOON - 4 * MIN, 10), record(Q, NOON - 3 * MIN, 99)]);
    await store.append([record(P, NOON - 3 * MIN, 20), record(P, NOON - MIN, null)]);
    const all = await store.query({ candidate: P, from: NOON - HOUR, to: NOON, resolution: 'raw' });
    assert.deepEqual(all.times, [NOON - 4 * MIN, NOON - 3 * MIN, NOON - 2 * MIN, NOON - MIN].map((t) => t / 1000));
    assert.deepEqual(all.median, [10, 20, 30, null]);
    assert.deepEqual(all.p90, [15, 30, 45, null]);
    assert.deepEqual(all.failures, [0, 0, 0, 1]);
    const window = await store.query({ candidate: P, from: NOON - 3 * MIN, to: NOON - MIN, resolution: 'raw' });
    assert.deepEqual(window.median, [20, 30], 'from is inclusive, to exclusive');
    assert.deepEqual((await store.query({ candidate: P, from: NOON, to: NOON - HOUR, resolution: 'raw' })).times, []);
    assert.deepEqual((await store.query({ candidate: Q, from: NOON - HOUR, to: NOON, resolution: 'raw' })).median, [99]);
    assert.deepEqual(await store.candidates(), [P, Q].sort());
  });
});

test('a range across UTC midnight reads both day files', async () => {
  await withTempDir(async (dir) => {
    const midnight = Date.UTC(2026, 0, 15);
    const store = await HistoryStore.open(dir, { now: () => midnight + HOUR, durable: false, compactionGraceMs: DAY });
    await store.append([record(P, midnight - 1, 1), record(P, midnight, 2), record(P, midnight + 1, 3)]);
    const files = await readdir(path.join(dir, 'candidates', candidateKey(P), 'raw'));
    assert.deepEqual(files.sort(), ['2026-01-14.jsonl', '2026-01-15.jsonl']);
    const s = await store.query({ candidate: P, from: midnight - 1, to: midnight + 2, resolution: 'raw' });
    assert.deepEqual(s.median, [1, 2, 3]);
  });
});

test('downsampling: minute and hour buckets hold count, failures, median and p90 of the ok records', async () => {
  await withTempDir(async (dir) => {
    const store = await HistoryStore.open(dir, { now: () => NOON, durable: false });
    const h10 = Date.UTC(2026, 0, 15, 10);
    await store.append([
      record(P, h10 + 5_000, 10),
      record(P, h10 + 20_000, 20),
      record(P, h10 + 59_999, 40),
      record(P, h10 + 60_000, 100), // the next minute
      record(P, h10 + 30 * MIN, null), // a failure in the same hour
      record(P, h10 + HOUR, 7), // the next hour
    ]);
    const minutes = await store.query({ candidate: P, from: h10, to: h10 + 2 * HOUR, resolution: 'minute' });
    assert.deepEqual(minutes.times, [h10, h10 + MIN, h10 + 30 * MIN, h10 + HOUR].map((t) => t / 1000));
    assert.deepEqual(minutes.samples, [3, 1, 1, 1]);
    assert.deepEqual(minutes.failures, [0, 0, 1, 0]);
    assert.deepEqual(minutes.median, [20, 100, null, 7]);
    // p90 of [10, 20, 40] by linear interpolation: 20 + 0.8 × 20 = 36.
    assert.deepEqual(minutes.p90, [36, 100, null, 7]);
    const hours = await store.query({ candidate: P, from: h10, to: h10 + 2 * HOUR, resolution: 'hour' });
    assert.deepEqual(hours.times, [h10 / 1000, (h10 + HOUR) / 1000]);
    assert.deepEqual(hours.samples, [5, 1]);
    assert.deepEqual(hours.failures, [1, 0]);
    // Hour buckets come from the raw records (median of [10, 20, 40, 100] = 30), not from minute medians (median of [20, 100] = 60).
    assert.deepEqual(hours.median, [30, 7]);
    assert.deepEqual(hours.p90, [82, 7]);
  });
});

test('aggregate queries return every bucket overlapping [from, to)', async () => {
  await withTempDir(async (dir) => {
    const store = await HistoryStore.open(dir, { now: () => NOON, durable: false });
    const h9 = Date.UTC(2026, 0, 15, 9);
    await store.append([record(P, h9 + 10 * MIN, 1), record(P, h9 + HOUR + 10 * MIN, 2), record(P, h9 + 2 * HOUR + 10 * MIN, 3)]);
    const q = (from: number, to: number): Promise<(number | null)[]> => store.query({ candidate: P, from, to, resolution: 'hour' }).then((s) => s.median);
    assert.deepEqual(await q(h9 + 30 * MIN, h9 + 2 * HOUR), [1, 2], 'a bucket that starts before `from` but overlaps it is included');
    assert.deepEqual(await q(h9 + HOUR, h9 + 2 * HOUR), [2], 'a bucket starting exactly at `to` is not');
    assert.deepEqual(await q(h9 + HOUR - 1, h9 + HOUR + 1), [1, 2]);
    const m = (from: number, to: number): Promise<number[]> => store.query({ candidate: P, from, to, resolution: 'minute' }).then((s) => s.times);
    assert.deepEqual(await m(h9 + 10 * MIN + 59_999, h9 + 10 * MIN + 60_000), [(h9 + 10 * MIN) / 1000]);
    assert.deepEqual(await m(h9 + 11 * MIN, h9 + HOUR + 10 * MIN), []);
  });
});

test('compaction writes minute and hour files for finished days, and queries answer the same before and after', async () => {
  await withTempDir(async (dir) => {
    const clock = manualClock(NOON);
    const store = await HistoryStore.open(dir, { now: clock.now, durable: false });
    const day = Date.UTC(2026, 0, 15);
    const records = Array.from({ length: 300 }, (_, i) => record(P, day + i * 97_000, i % 7 === 0 ? null : 10 + (i % 13)));
    await store.append(records);
    const range = { candidate: P, from: day, to: day + DAY };
    const before = { minute: await store.query({ ...range, resolution: 'minute' }), hour: await store.query({ ...range, resolution: 'hour' }) };
    clock.set(day + DAY + 2 * HOUR); // past the day and the grace period
    const report = await store.maintain();
    assert.equal(report.compactedDays, 1);
    const candidateDir = path.join(dir, 'candidates', candidateKey(P));
    assert.deepEqual(await readdir(path.join(candidateDir, 'minute')), ['2026-01-15.jsonl']);
    assert.deepEqual(await readdir(path.join(candidateDir, 'hour')), ['2026-01-15.jsonl']);
    const hourLines = (await readFile(path.join(candidateDir, 'hour', '2026-01-15.jsonl'), 'utf8')).trim().split('\n');
    assert.equal(hourLines.length, 1 + 9, 'a header and one line per hour with records (300 × 97 s spans 8 h 5 m)');
    // A fresh store (no caches) reads the compacted files and answers identically.
    const reopened = await HistoryStore.open(dir, { now: clock.now, durable: false });
    assert.deepEqual(await reopened.query({ ...range, resolution: 'minute' }), before.minute);
    assert.deepEqual(await reopened.query({ ...range, resolution: 'hour' }), before.hour);
    assert.equal((await reopened.maintain()).compactedDays, 0, 'a compacted day is not compacted again');
    // A late record for the compacted day is seen at once and recompacted at the next maintenance.
    await reopened.append([record(P, day + 23 * HOUR, 1000)]);
    const late = await reopened.query({ ...range, resolution: 'hour' });
    assert.equal(late.median.at(-1), 1000);
    assert.equal((await reopened.maintain()).compactedDays, 1);
    assert.deepEqual(await reopened.query({ ...range, resolution: 'hour' }), late);
  });
});

test('uptime is the share of successful probes in the range', async () => {
  await withTempDir(async (dir) => {
    const store = await HistoryStore.open(dir, { now: () => NOON, durable: false });
    await store.append([record(P, NOON - 4 * MIN, 10), record(P, NOON - 3 * MIN, null), record(P, NOON - 2 * MIN, 10), record(P, NOON - MIN, 10)]);
    assert.deepEqual(await store.uptime({ candidate: P, from: NOON - HOUR, to: NOON }), { samples: 4, failures: 1, uptime: 0.75, resolution: 'raw' });
    assert.equal((await store.uptime({ candidate: P, from: NOON - 3 * MIN, to: NOON - 2 * MIN })).uptime, 0);
    assert.equal((await store.uptime({ candidate: Q, from: NOON - HOUR, to: NOON })).uptime, null);
    const older = await store.uptime({ candidate: P, from: NOON - 30 * DAY, to: NOON });
    assert.equal(older.resolution, 'minute');
    assert.equal(older.uptime, 0.75);
  });
});

test('queries running at the same time each see every record once', async () => {
  await withTempDir(async (dir) => {
    const store = await HistoryStore.open(dir, { now: () => NOON, durable: false });
    await store.append([record(P, NOON - 3 * MIN, 10), record(P, NOON - 2 * MIN, 20)]);
    // A fresh store: the reader's cache is cold, so both queries read the same file at once.
    const fresh = await HistoryStore.open(dir, { now: () => NOON, durable: false });
    const q = { candidate: P, from: NOON - HOUR, to: NOON, resolution: 'raw' as const };
    const [a, b, c] = await Promise.all([fresh.query(q), fresh.query(q), fresh.uptime(q)]);
    assert.deepEqual(a.median, [10, 20]);
    assert.deepEqual(b.median, [10, 20]);
    assert.equal(c.samples, 2);
    assert.deepEqual((await fresh.query(q)).median, [10, 20], 'and the cache stays right afterwards');
  });
});
