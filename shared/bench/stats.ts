// Small statistics over latency samples: median, percentile (p90), success rate.
//
// Percentile definition: linear interpolation between closest ranks, the same as numpy's default
// (`method='linear'`, Hyndman & Fan type 7) and Excel's PERCENTILE.INC. For sorted values
// v[0..n-1] and p in [0, 100]: h = (n - 1) * p / 100, result = v[floor(h)] + (h - floor(h)) *
// (v[floor(h) + 1] - v[floor(h)]). Chosen over nearest-rank because our sample counts are tiny
// (3 by default): nearest-rank's p90 of three samples is simply the maximum, so one outlier would
// decide it, while interpolation moves smoothly as samples change. The median is percentile 50,
// so an even count averages the two middle values.

/** A distribution summary as the CLI's JSON and the charts show it. */
export interface Distribution {
  median: number;
  p90: number;
}

function sortedFinite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const low = sorted[lo] as number;
  const high = sorted[hi] as number;
  return low + (h - lo) * (high - low);
}

/**
 * The p-th percentile (0..100) by linear interpolation (numpy's default). Non-finite values are
 * ignored; null when nothing is left.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  return percentileOfSorted(sortedFinite(values), p);
}

/** The median (percentile 50): the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** Median and p90 together (one sort), or null for no finite values. */
export function distribution(values: readonly number[]): Distribution | null {
  const sorted = sortedFinite(values);
  const med = percentileOfSorted(sorted, 50);
  const p90 = percentileOfSorted(sorted, 90);
  return med === null || p90 === null ? null : { median: med, p90 };
}

/**
 * The share of outcomes that succeeded, 0..1. No outcomes at all is 0: a candidate that was never
 * measured has not shown that it works.
 */
export function successRate(outcomes: readonly boolean[]): number {
  if (outcomes.length === 0) return 0;
  return outcomes.filter(Boolean).length / outcomes.length;
}
