// Figures for the latency history store (not a test: it asserts nothing, it prints numbers).
// Run: npx tsc -b && node dist/test/bench/history.js
// Scenario from issue 3: a month of minute-resolution data for 8 proxies (~350k points), plus the
// week of raw records the store keeps; then the queries the charts make.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HistoryRecord } from '../../electron/core/history/record.js';
import { HistoryStore } from '../../electron/core/history/store.js';

const MIN = 60_000;
const DAY = 86_400_000;
const CANDIDATES = Array.from({ length: 8 }, (_, i) => `https://proxy-${i}.example`);
const DAYS = 30;
const NOW = Date.UTC(2026, 1, 1, 0, 0) + 2 * 3_600_000; // 02:00 UTC: the previous day is past the compaction grace

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? await bytesUnder(p) : (await stat(p)).size;
  }
  return total;
}

async function tierBytes(dir: string, tier: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const key of await readdir(path.join(dir, 'candidates'))) {
    const tierDir = path.join(dir, 'candidates', key, tier);
    for (const name of await readdir(tierDir).catch(() => [] as string[])) {
      files++;
      bytes += (await stat(path.join(tierDir, name))).size;
    }
  }
  return { files, bytes };
}

async function timed<T>(label: string, fn: () => Promise<T>, rows: [string, string][]): Promise<T> {
  const start = performance.now();
  const value = await fn();
  rows.push([label, `${(performance.now() - start).toFixed(1)} ms`]);
  return value;
}

function probe(candidate: string, time: number, i: number): HistoryRecord {
  const failed = i % 97 === 0;
  const ttfb = 20 + ((i * 7919) % 180);
  return {
    time,
    candidate,
    source: 'background',
    ok: !failed,
    ttfbMedianMs: failed ? null : ttfb,
    ttfbP90Ms: failed ? null : ttfb * 1.4,
    totalMs: failed ? null : ttfb * 9,
    throughputBytesPerSec: failed ? null : 2_000_000 + ((i * 104729) % 5_000_000),
    errorKind: failed ? 'timeout' : null,
  };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-history-bench-'));
  const rows: [string, string][] = [];
  try {
    const store = await HistoryStore.open(dir, { now: () => NOW, durable: false });
    const from = NOW - DAYS * DAY;
    let points = 0;
    const appendStart = performance.now();
    for (let day = 0; day < DAYS; day++) {
      for (const candidate of CANDIDATES) {
        const batch: HistoryRecord[] = [];
        for (let m = 0; m < 1440; m++) batch.push(probe(candidate, from + day * DAY + m * MIN + 1_000, points++));
        await store.append(batch);
      }
    }
    const appendMs = performance.now() - appendStart;
    rows.push(['records written', `${points} (${CANDIDATES.length} proxies × ${DAYS} days × 1440 minutes)`]);
    rows.push(['bulk append', `${appendMs.toFixed(0)} ms (${Math.round(points / (appendMs / 1000))} records/s, no fsync)`]);
    const report = await timed('maintenance (compact 30 days × 8, retention)', () => store.maintain(), rows);
    rows.push(['  days compacted / files deleted', `${report.compactedDays} / ${report.deletedFiles}`]);
    for (const tier of ['raw', 'minute', 'hour']) {
      const t = await tierBytes(dir, tier);
      rows.push([`size on disk: ${tier}`, `${(t.bytes / 1e6).toFixed(1)} MB in ${t.files} files`]);
    }
    rows.push(['size on disk: total', `${((await bytesUnder(dir)) / 1e6).toFixed(1)} MB`]);

    const durable = await HistoryStore.open(dir, { now: () => NOW });
    await timed('one benchmark run appended (8 records, fdatasync)', () => durable.append(CANDIDATES.map((c, i) => probe(c, NOW - 1000, i))), rows);

    const cold = await timed('open (cold store, maintenance included)', () => HistoryStore.open(dir, { now: () => NOW, durable: false }), rows);
    const first = CANDIDATES[0] as string;
    const month = { candidate: first, from: NOW - DAYS * DAY, to: NOW };
    const minute = await timed('query minute × 30 days, 1 proxy (cold)', () => cold.query({ ...month, resolution: 'minute' }), rows);
    rows.push(['  points returned', String(minute.times.length)]);
    await timed('query minute × 30 days, 1 proxy (warm)', () => cold.query({ ...month, resolution: 'minute' }), rows);
    const all = await timed('query minute × 30 days, all 8 proxies (cold)', async () => {
      let n = 0;
      for (const candidate of CANDIDATES.slice(1)) n += (await cold.query({ ...month, candidate, resolution: 'minute' })).times.length;
      return n + minute.times.length;
    }, rows);
    rows.push(['  points returned', String(all)]);
    await timed('query hour × 90 days, 1 proxy (cold)', () => cold.query({ candidate: CANDIDATES[1] as string, from: NOW - 90 * DAY, to: NOW, resolution: 'hour' }), rows);
    const raw = await timed('query raw × 7 days, 1 proxy (cold)', () => cold.query({ candidate: CANDIDATES[2] as string, from: NOW - 7 * DAY, to: NOW, resolution: 'raw' }), rows);
    rows.push(['  points returned', String(raw.times.length)]);
    const up = await timed('uptime × 30 days, 1 proxy', () => cold.uptime({ candidate: CANDIDATES[3] as string, from: NOW - DAYS * DAY, to: NOW }), rows);
    rows.push(['  uptime', `${((up.uptime ?? 0) * 100).toFixed(2)} % of ${up.samples} probes`]);
    rows.push(['heap used after queries', `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB (RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB)`]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('goproxyctl history store: figures');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

// `node --test dist/test` runs every script under a folder named test; a benchmark is not a test
// (it takes seconds and asserts nothing), so under the test runner it only says how to run it.
if (process.env.NODE_TEST_CONTEXT) console.log('history benchmark: run it directly with `node dist/test/bench/history.js`');
else await main();
