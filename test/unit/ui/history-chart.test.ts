import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { HistoryStore } from '../../../electron/core/history/store.js';
import type { HistoryRecord } from '../../../electron/core/history/record.js';
import { formatUptime, prepareHistoryChart, rangeWindow, resolutionFor, weightedPercentile, type HistorySeriesInput } from '../../../shared/ui/history-chart.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 15, 12, 0);

function series(candidate: string, points: [t: number, median: number | null, p90: number | null, failures: number, samples: number][], resolution: HistorySeriesInput['resolution'] = 'minute'): HistorySeriesInput {
  return {
    candidate,
    resolution,
    times: points.map((p) => p[0]),
    median: points.map((p) => p[1]),
    p90: points.map((p) => p[2]),
    failures: points.map((p) => p[3]),
    samples: points.map((p) => p[4]),
  };
}

test('each range picks the store tier and point width', () => {
  assert.deepEqual(resolutionFor('1h'), { resolution: 'minute', bucketSeconds: 60 });
  assert.deepEqual(resolutionFor('24h'), { resolution: 'minute', bucketSeconds: 60 });
  assert.deepEqual(resolutionFor('7d'), { resolution: 'hour', bucketSeconds: 3600 });
  assert.deepEqual(resolutionFor('30d'), { resolution: 'hour', bucketSeconds: 3600 });
  assert.deepEqual(rangeWindow('7d', NOW), { from: NOW - 7 * 24 * HOUR, to: NOW });
});

test('series are aligned on one grid in uPlot column order, gaps left as null', () => {
  const s = NOW / 1000;
  const chart = prepareHistoryChart(
    [series('https://a.example', [[s - 3600, 10, 15, 0, 1], [s - 60, 12, 20, 0, 1]]), series('https://b.example', [[s - 120, null, null, 1, 1], [s - 60, 30, 45, 0, 1]])],
    '1h',
    NOW,
  );
  assert.equal(chart.data.length, 5, 'x, then median and p90 for each proxy');
  assert.equal(chart.data[0].length, 60);
  assert.equal(chart.data[0][0], s - 3600);
  assert.equal(chart.data[0][59], s - 60);
  assert.deepEqual([chart.data[1]![0], chart.data[2]![0], chart.data[1]![1], chart.data[1]![59], chart.data[2]![59]], [10, 15, null, 12, 20]);
  assert.deepEqual([chart.data[3]![58], chart.data[3]![59], chart.data[4]![59]], [null, 30, 45]);
  assert.deepEqual(chart.proxies.map((p) => [p.candidate, p.medianColumn, p.p90Column, p.samples, p.failures, p.uptime, p.lastMedianMs]), [
    ['https://a.example', 1, 2, 2, 0, 1, 12],
    ['https://b.example', 3, 4, 2, 1, 0.5, 30],
  ]);
  assert.deepEqual(chart.failures, [{ time: s - 120, proxyIndex: 1, failures: 1, samples: 1 }]);
  assert.equal(chart.empty, false);
  assert.equal(chart.allFailed, false, 'one proxy failing is not "every probe failed"');
});

test('every probe failed: not empty, and said so (the chart has failure marks but no line)', () => {
  const s = NOW / 1000;
  const chart = prepareHistoryChart([series('https://a.example', [[s - 120, null, null, 2, 2]]), series('https://b.example', [[s - 60, null, null, 1, 1]])], '1h', NOW);
  assert.deepEqual([chart.empty, chart.allFailed, chart.failures.length], [false, true, 2]);
  assert.equal(prepareHistoryChart([], '1h', NOW).allFailed, false, 'no probes at all is the empty state, not a failure');
});

test('points outside the window are left out; no probes at all is the empty state', () => {
  const s = NOW / 1000;
  const chart = prepareHistoryChart([series('x', [[s - 7200, 10, 10, 1, 1], [s + 60, 10, 10, 0, 1]])], '1h', NOW);
  assert.deepEqual([chart.proxies[0]!.samples, chart.failures.length, chart.empty], [0, 0, true]);
  assert.equal(prepareHistoryChart([], '24h', NOW).empty, true);
});

test('minute points roll up into hours: counts exact, median and p90 weighted by successful probes', () => {
  const hourStart = Math.floor(NOW / HOUR) * HOUR / 1000 - 3600;
  const points: [number, number | null, number | null, number, number][] = [];
  for (let m = 0; m < 60; m++) points.push(m === 59 ? [hourStart + m * 60, null, null, 2, 2] : [hourStart + m * 60, m + 1, (m + 1) * 2, 0, 1]);
  const chart = prepareHistoryChart([series('x', points)], '7d', NOW);
  const at = chart.data[0].indexOf(hourStart);
  assert.ok(at >= 0);
  // 59 successful minutes with medians 1..59: the middle one is 30; the p90s 2..118: the 54th (the first to reach 90 % of 59) is 108.
  assert.deepEqual([chart.data[1]![at], chart.data[2]![at]], [30, 108]);
  assert.deepEqual([chart.proxies[0]!.samples, chart.proxies[0]!.failures], [61, 2]);
  assert.deepEqual(chart.failures, [{ time: hourStart, proxyIndex: 0, failures: 2, samples: 61 }]);
  assert.equal(weightedPercentile([5, 1, 3], [1, 1, 10], 0.5), 3);
  assert.equal(weightedPercentile([], [], 0.5), null);
});

test('finer points with more successful probes weigh more in the roll-up', () => {
  const hourStart = Math.floor(NOW / HOUR) * HOUR / 1000 - 3600;
  // Medians 10 ms (5 good probes), 100 ms (1), 200 ms (1 of 3): the weighted median is 10; the p90s
  // 20, 120, 300 with weights 5, 1, 1: 90 % of 7 is 6.3, first reached by 300.
  const chart = prepareHistoryChart([series('x', [[hourStart, 10, 20, 0, 5], [hourStart + 60, 100, 120, 0, 1], [hourStart + 120, 200, 300, 2, 3]])], '30d', NOW);
  const at = chart.data[0].indexOf(hourStart);
  assert.deepEqual([chart.data[1]![at], chart.data[2]![at]], [10, 300]);
  assert.deepEqual(chart.failures, [{ time: hourStart, proxyIndex: 0, failures: 2, samples: 9 }]);
});

test('unsorted input is placed by time', () => {
  const s = NOW / 1000;
  const chart = prepareHistoryChart([series('x', [[s - 60, 7, 8, 0, 1], [s - 3600, 5, 6, 0, 1]])], '1h', NOW);
  assert.deepEqual([chart.data[1]![0], chart.data[1]![59], chart.proxies[0]!.lastMedianMs], [5, 7, 7]);
});

test('uptime is printed without rounding a failure up to 100 %', () => {
  assert.equal(formatUptime(1), '100');
  assert.equal(formatUptime(0.99999), '99.99');
  assert.equal(formatUptime(0.5), '50.00');
  assert.equal(formatUptime(null), null);
});

test('the history store\'s own series feed the chart as they are', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-ui-history-'));
  const store = await HistoryStore.open(dir, { now: () => NOW, durable: false });
  try {
    const records: HistoryRecord[] = [];
    for (let i = 0; i < 30; i++) {
      const ok = i % 10 !== 3;
      records.push({ time: NOW - (i + 1) * 60_000 + 5_000, candidate: 'https://proxy.example', source: 'background', ok, ttfbMedianMs: ok ? 100 + i : null, ttfbP90Ms: ok ? 150 + i : null, totalMs: null, throughputBytesPerSec: null, errorKind: ok ? null : 'timeout' });
    }
    await store.append(records);
    const { from, to } = rangeWindow('1h', NOW);
    const stored = await store.query({ candidate: 'https://proxy.example', from, to, resolution: resolutionFor('1h').resolution });
    const chart = prepareHistoryChart([stored], '1h', NOW); // a HistorySeries is a HistorySeriesInput
    assert.deepEqual([chart.proxies[0]!.samples, chart.proxies[0]!.failures], [30, 3]);
    assert.equal(chart.proxies[0]!.uptime, 0.9);
    assert.equal(chart.failures.length, 3);
    assert.equal(chart.proxies[0]!.lastMedianMs, 100, 'the newest minute is the first record');
    const uptime = await store.uptime({ candidate: 'https://proxy.example', from, to });
    assert.equal(chart.proxies[0]!.uptime, uptime.uptime, 'the same uptime the store reports');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a month of minute data for 8 proxies becomes 720 hourly points per proxy', () => {
  const minutes = 30 * 24 * 60;
  const end = Math.floor(NOW / 60_000) * 60;
  const input: HistorySeriesInput[] = Array.from({ length: 8 }, (_, p) => {
    const times = new Float64Array(minutes);
    const median = new Float64Array(minutes);
    const failures = new Uint8Array(minutes);
    for (let i = 0; i < minutes; i++) {
      times[i] = end - (minutes - i) * 60;
      median[i] = i % 500 === p ? NaN : 50 + p;
      failures[i] = i % 500 === p ? 1 : 0;
    }
    return { candidate: `https://p${p}.example`, resolution: 'minute', times, median, p90: median, failures, samples: new Uint8Array(minutes).fill(1) };
  });
  const chart = prepareHistoryChart(input, '30d', NOW);
  assert.equal(chart.data.length, 17);
  assert.ok(chart.data[0].length === 720 || chart.data[0].length === 721);
  chart.proxies.forEach((proxy, p) => {
    assert.equal(proxy.samples, minutes);
    assert.equal(proxy.failures, Math.ceil((minutes - p) / 500));
    assert.equal(proxy.lastMedianMs, 50 + p);
  });
});
