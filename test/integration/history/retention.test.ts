import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { candidateKey } from '../../../electron/core/history/layout.js';
import { planRetention } from '../../../electron/core/history/retention.js';
import type { HistoryFile } from '../../../electron/core/history/retention.js';
import { HistoryStore } from '../../../electron/core/history/store.js';
import { DAY, HOUR, manualClock, MIN, record, withTempDir } from './helpers.js';

const P = 'https://goproxy.example';
const START = Date.UTC(2026, 0, 1);

async function tierFiles(dir: string, tier: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'candidates', candidateKey(P), tier)).catch(() => [] as string[])).sort();
}

test('retention: raw records live 7 days, minute and hour buckets 90 days', async () => {
  await withTempDir(async (dir) => {
    const clock = manualClock(START + 12 * HOUR);
    const store = await HistoryStore.open(dir, { now: clock.now, durable: false });
    // One probe an hour for 10 days, appended as they happen (each append may trigger the daily cleanup).
    for (let t = START; t < START + 10 * DAY; t += HOUR) {
      clock.set(t);
      await store.append([record(P, t, 10 + (t / HOUR) % 5)]);
    }
    clock.set(START + 10 * DAY + 2 * HOUR);
    await store.maintain();
    // Raw day files whose whole day is older than 7 days are gone; aggregates exist for every finished day.
    assert.deepEqual(await tierFiles(dir, 'raw'), ['2026-01-04.jsonl', '2026-01-05.jsonl', '2026-01-06.jsonl', '2026-01-07.jsonl', '2026-01-08.jsonl', '2026-01-09.jsonl', '2026-01-10.jsonl']);
    assert.equal((await tierFiles(dir, 'minute')).length, 10);
    assert.equal((await tierFiles(dir, 'hour')).length, 10);
    const now = clock.now();
    // Raw queries are clipped at exactly 7 days even inside a day file that is still kept.
    const raw = await store.query({ candidate: P, from: START, to: now, resolution: 'raw' });
    assert.equal(raw.times[0], Math.ceil((now - 7 * DAY) / HOUR) * HOUR / 1000);
    assert.equal(raw.times.length, 7 * 24 - 2);
    // The aggregates still cover all 10 days.
    const hours = await store.query({ candidate: P, from: START, to: now, resolution: 'hour' });
    assert.equal(hours.times.length, 10 * 24);
    assert.equal(hours.times[0], START / 1000);
    // 85 days later the first days' aggregates are past 90 days and go; the later ones stay.
    clock.set(START + 92 * DAY + 2 * HOUR);
    await store.maintain();
    assert.deepEqual(await tierFiles(dir, 'raw'), []);
    assert.deepEqual(await tierFiles(dir, 'minute'), ['2026-01-03.jsonl', '2026-01-04.jsonl', '2026-01-05.jsonl', '2026-01-06.jsonl', '2026-01-07.jsonl', '2026-01-08.jsonl', '2026-01-09.jsonl', '2026-01-10.jsonl']);
    const later = await store.query({ candidate: P, from: START, to: clock.now(), resolution: 'hour' });
    assert.equal(later.times[0], (clock.now() - 90 * DAY) / 1000, 'clipped at exactly 90 days');
    assert.equal(later.times.at(-1), (START + 10 * DAY - HOUR) / 1000);
  });
});

test('the size cap is enforced: compacted raw days go first, then minute, then hour buckets', async () => {
  await withTempDir(async (dir) => {
    const clock = manualClock(START);
    // Each day: ~18 kB raw, ~9 kB minute, ~1 kB hour; six days (~170 kB) do not fit.
    const maxBytes = 80_000;
    const store = await HistoryStore.open(dir, { now: clock.now, durable: false, retention: { maxBytes } });
    for (let day = 0; day < 6; day++) {
      const records = Array.from({ length: 200 }, (_, i) => record(P, START + day * DAY + i * 7 * MIN, 10 + (i % 9)));
      clock.set(START + day * DAY + 23 * HOUR);
      await store.append(records);
      assert.ok((await store.sizeBytes()) <= maxBytes, `day ${day}: ${await store.sizeBytes()} bytes > cap`);
    }
    clock.set(START + 6 * DAY + 2 * HOUR);
    await store.maintain();
    assert.ok((await store.sizeBytes()) <= maxBytes);
    // The raw file of the newest finished day survives longer than older ones; hour buckets survive everything.
    assert.equal((await tierFiles(dir, 'hour')).length, 6);
    const raw = await tierFiles(dir, 'raw');
    assert.ok(raw.length < 6 && raw.includes('2026-01-06.jsonl'), `raw kept: ${raw.join(', ')}`);
    assert.equal((await tierFiles(dir, 'minute')).length, 6, 'deleting old raw days was enough; no minute buckets were lost');
    const hours = await store.query({ candidate: P, from: START, to: clock.now(), resolution: 'hour' });
    assert.equal(hours.samples.reduce((a, b) => a + b, 0), 6 * 200, 'every record is still counted in the hour buckets');
  });
});

test('planRetention deletes in cost order and stops as soon as the cap is met', () => {
  const now = Date.UTC(2026, 1, 1);
  const file = (tier: HistoryFile['tier'], day: string, size: number, compacted = true): HistoryFile => ({ path: `${tier}/${day}`, candidateKey: 'k', tier, day, size, compacted });
  const files = [
    file('raw', '2026-01-30', 100, true),
    file('raw', '2026-01-31', 100, false),
    file('raw', '2026-01-29', 100, true),
    file('minute', '2026-01-29', 50),
    file('hour', '2026-01-29', 10),
    file('raw', '2026-01-20', 100, true), // older than 7 days: goes regardless of the cap
  ];
  const plan = (maxBytes: number): string[] => planRetention(files, now, { rawMs: 7 * DAY, aggregateMs: 90 * DAY, maxBytes }).map((f) => f.path);
  assert.deepEqual(plan(1e9), ['raw/2026-01-20']);
  assert.deepEqual(plan(300), ['raw/2026-01-20', 'raw/2026-01-29']);
  assert.deepEqual(plan(160), ['raw/2026-01-20', 'raw/2026-01-29', 'raw/2026-01-30']);
  assert.deepEqual(plan(110), ['raw/2026-01-20', 'raw/2026-01-29', 'raw/2026-01-30', 'minute/2026-01-29']);
  assert.deepEqual(plan(100), ['raw/2026-01-20', 'raw/2026-01-29', 'raw/2026-01-30', 'minute/2026-01-29', 'hour/2026-01-29']);
  assert.deepEqual(plan(0), ['raw/2026-01-20', 'raw/2026-01-29', 'raw/2026-01-30', 'minute/2026-01-29', 'hour/2026-01-29', 'raw/2026-01-31']);
});
