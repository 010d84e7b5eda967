// The History view's model: one time range → which resolution to ask the store for, and the
// store's series turned into uPlot's columnar data (x, then median and p90 per proxy), failure
// marks and uptime. Pure and linear in the number of points: a month of minute data for 8 proxies
// (~350k points) is prepared in one pass per series.

export type HistoryRange = '1h' | '24h' | '7d' | '30d';
export const HISTORY_RANGES: readonly HistoryRange[] = ['1h', '24h', '7d', '30d'];
export type HistoryResolution = 'raw' | 'minute' | 'hour';

/**
 * One candidate's series. Structurally the history store's HistorySeries
 * (electron/core/history/store.ts): the renderer may import only shared/, so the shape is
 * restated here; a HistorySeries is assignable to it.
 */
export interface HistorySeriesInput {
  candidate: string;
  resolution: HistoryResolution;
  /** Unix seconds, ascending. */
  times: ArrayLike<number>;
  median: ArrayLike<number | null>;
  p90: ArrayLike<number | null>;
  failures: ArrayLike<number>;
  samples: ArrayLike<number>;
}

const MINUTE_S = 60;
const HOUR_S = 3600;
export const RANGE_SECONDS: Readonly<Record<HistoryRange, number>> = { '1h': HOUR_S, '24h': 24 * HOUR_S, '7d': 7 * 24 * HOUR_S, '30d': 30 * 24 * HOUR_S };

/**
 * The store tier to query and the width of one chart point. Minute points up to a day (1,440
 * points fill a wide chart without overplotting); beyond that hour points (168 for a week, 720 for a
 * month): minute points for a month would be 43,200 per proxy, more than the pixels to draw them.
 */
export function resolutionFor(range: HistoryRange): { resolution: 'minute' | 'hour'; bucketSeconds: number } {
  return range === '1h' || range === '24h' ? { resolution: 'minute', bucketSeconds: MINUTE_S } : { resolution: 'hour', bucketSeconds: HOUR_S };
}

/** The window a range covers, ending now: [from, to) in epoch ms, as HistoryQuery wants it. */
export function rangeWindow(range: HistoryRange, nowMs: number): { from: number; to: number } {
  return { from: nowMs - RANGE_SECONDS[range] * 1000, to: nowMs };
}

export interface FailureMark {
  /** Unix seconds: the start of the chart point. */
  time: number;
  proxyIndex: number;
  failures: number;
  samples: number;
}

export interface ProxyLegend {
  candidate: string;
  /** Column indexes in `data`. */
  medianColumn: number;
  p90Column: number;
  samples: number;
  failures: number;
  /** Successful probes / all probes in the range, 0..1; null without probes. */
  uptime: number | null;
  /** The latest median in the range, ms. */
  lastMedianMs: number | null;
}

export interface HistoryChartData {
  range: HistoryRange;
  resolution: 'minute' | 'hour';
  bucketSeconds: number;
  /** uPlot AlignedData: [times, median0, p90_0, median1, p90_1, ...]; null = no successful probe. */
  data: [Float64Array, ...(number | null)[][]];
  proxies: ProxyLegend[];
  failures: FailureMark[];
  /** No proxy has a single probe in the range. */
  empty: boolean;
  /** There are probes, and every one failed: no latency line to draw, only failure marks. */
  allFailed: boolean;
  fromS: number;
  toS: number;
}

/**
 * Aligns every series on one grid of `bucketSeconds` points covering the range. Input at the
 * target resolution (what the app queries, see resolutionFor) is placed as is. Finer input is
 * rolled up: samples and failures add exactly; the median becomes the weighted median of the
 * finer medians and the p90 the weighted 90th percentile of the finer p90s (weights: successful
 * probes) — an approximation, since a median of medians is not a median, which is why the app asks
 * the store's exact hour tier for long ranges.
 */
export function prepareHistoryChart(series: readonly HistorySeriesInput[], range: HistoryRange, nowMs: number): HistoryChartData {
  const { resolution, bucketSeconds } = resolutionFor(range);
  const { from, to } = rangeWindow(range, nowMs);
  const fromS = from / 1000;
  const toS = to / 1000;
  const gridStart = Math.floor(fromS / bucketSeconds) * bucketSeconds;
  const count = Math.max(0, Math.ceil((toS - gridStart) / bucketSeconds));
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = gridStart + i * bucketSeconds;

  const data: HistoryChartData['data'] = [times];
  const proxies: ProxyLegend[] = [];
  const failures: FailureMark[] = [];
  series.forEach((s, proxyIndex) => {
    const grid = rollUp(s, gridStart, bucketSeconds, count, fromS, toS);
    const medianColumn = data.length;
    data.push(grid.median, grid.p90);
    let lastMedianMs: number | null = null;
    for (let i = 0; i < count; i++) {
      const f = grid.failures[i]!;
      if (f > 0) failures.push({ time: times[i]!, proxyIndex, failures: f, samples: grid.samples[i]! });
      if (grid.median[i] !== null) lastMedianMs = grid.median[i]!;
    }
    proxies.push({
      candidate: s.candidate,
      medianColumn,
      p90Column: medianColumn + 1,
      samples: grid.totalSamples,
      failures: grid.totalFailures,
      uptime: grid.totalSamples > 0 ? (grid.totalSamples - grid.totalFailures) / grid.totalSamples : null,
      lastMedianMs,
    });
  });
  const empty = proxies.every((p) => p.samples === 0);
  const allFailed = !empty && proxies.every((p) => p.samples === p.failures);
  return { range, resolution, bucketSeconds, data, proxies, failures, empty, allFailed, fromS, toS };
}

interface Grid {
  median: (number | null)[];
  p90: (number | null)[];
  failures: Int32Array;
  samples: Int32Array;
  totalSamples: number;
  totalFailures: number;
}

function rollUp(s: HistorySeriesInput, gridStart: number, bucketSeconds: number, count: number, fromS: number, toS: number): Grid {
  const median = new Array<number | null>(count).fill(null);
  const p90 = new Array<number | null>(count).fill(null);
  const failures = new Int32Array(count);
  const samples = new Int32Array(count);
  let totalSamples = 0;
  let totalFailures = 0;
  // The latencies of the cell being filled (reused buffers: a month of minutes is ~43k points per
  // proxy, so allocating per cell would dominate); flushed when a point lands in another cell.
  let cell = -1;
  let filled = 0;
  let equalWeights = true;
  const cellMedians: number[] = [];
  const cellP90s: number[] = [];
  const cellWeights: number[] = [];
  const flush = () => {
    if (cell < 0 || filled === 0) return;
    if (filled === 1) {
      median[cell] = cellMedians[0]!;
      p90[cell] = cellP90s[0]!;
      return;
    }
    cellMedians.length = cellP90s.length = cellWeights.length = filled;
    median[cell] = equalWeights ? nearestRank(cellMedians, 0.5) : weightedPercentile(cellMedians, cellWeights, 0.5);
    p90[cell] = equalWeights ? nearestRank(cellP90s, 0.9) : weightedPercentile(cellP90s, cellWeights, 0.9);
  };
  const order = ascendingOrder(s.times);
  for (let k = 0; k < s.times.length; k++) {
    const i = order === null ? k : order[k]!;
    const t = s.times[i]!;
    if (!(t >= fromS && t < toS)) continue;
    const at = Math.floor((t - gridStart) / bucketSeconds);
    if (at < 0 || at >= count) continue;
    if (at !== cell) {
      flush();
      cell = at;
      filled = 0;
      equalWeights = true;
    }
    const n = s.samples[i] ?? 0;
    const f = s.failures[i] ?? 0;
    samples[at]! += n;
    failures[at]! += f;
    totalSamples += n;
    totalFailures += f;
    const m = s.median[i];
    if (m !== null && m !== undefined && Number.isFinite(m)) {
      const q = s.p90[i];
      const w = Math.max(1, n - f);
      if (filled > 0 && w !== cellWeights[0]) equalWeights = false;
      cellMedians[filled] = m;
      cellP90s[filled] = q !== null && q !== undefined && Number.isFinite(q) ? q : m;
      cellWeights[filled] = w;
      filled++;
    }
  }
  flush();
  return { median, p90, failures, samples, totalSamples, totalFailures };
}

/** null for the (usual) time-ordered input; otherwise the indexes in time order. */
function ascendingOrder(times: ArrayLike<number>): number[] | null {
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) return Array.from({ length: times.length }, (_, k) => k).sort((a, b) => times[a]! - times[b]!);
  }
  return null;
}

/** weightedPercentile with every weight equal: the value at rank ceil(q * n), by a numeric sort. */
function nearestRank(values: readonly number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** The smallest value whose cumulative weight reaches share `q` of the total (weighted nearest rank). */
export function weightedPercentile(values: readonly number[], weights: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= q * total) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/** Uptime as the legend prints it: "99.95 %" style, never rounding a failure up to 100. */
export function formatUptime(uptime: number | null): string | null {
  if (uptime === null) return null;
  const percent = uptime * 100;
  if (uptime < 1 && percent > 99.99) return '99.99';
  return percent.toFixed(percent === 100 ? 0 : 2);
}
