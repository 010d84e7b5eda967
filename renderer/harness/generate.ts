// Deterministic history for the harness and the UI benchmark: a month of minute-resolution
// probes for 8 proxies, with daily rhythm, noise, occasional failures and one outage. The same
// seed gives the same data on every machine, so figures are comparable run to run.
import type { HistorySeriesInput } from '../../shared/ui/history-chart.js';
import { mulberry32 } from '../../shared/util/prng.js';

export const HARNESS_PROXIES = [
  'https://proxy.golang.org',
  'https://goproxy.cn',
  'https://goproxy.io',
  'https://mirrors.aliyun.com/goproxy',
  'https://repo.huaweicloud.com/repository/goproxy',
  'https://goproxy.example.corp',
  'https://athens.internal.example',
  'https://proxy.lab.example',
] as const;

/** A fixed "now" (2026-11-01 12:00 UTC): the data ends here. */
export const HARNESS_NOW_MS = Date.UTC(2026, 10, 1, 12, 0);
const MINUTE_S = 60;

const prng = mulberry32;

/**
 * Minute points for `proxies` over `days` ending at nowMs. One probe per minute (samples = 1);
 * a failed probe has failures = 1 and NaN latency (typed arrays cannot hold null; the chart
 * model treats any non-finite latency as "no successful probe").
 */
export function generateMinuteHistory(days: number, proxies: readonly string[] = HARNESS_PROXIES, nowMs = HARNESS_NOW_MS, seed = 7): HistorySeriesInput[] {
  const count = days * 24 * 60;
  const end = Math.floor(nowMs / 1000 / MINUTE_S) * MINUTE_S;
  const start = end - count * MINUTE_S;
  return proxies.map((candidate, p) => {
    const random = prng(seed * 1000 + p);
    const base = 40 + p * 45;
    const failRate = 0.0005 + p * 0.003;
    // Proxy 5 is down for two hours three days before the end.
    const outageFrom = end - 3 * 86_400 - 2 * 3600;
    const outageTo = outageFrom + 2 * 3600;
    const times = new Float64Array(count);
    const median = new Float64Array(count);
    const p90 = new Float64Array(count);
    const failures = new Uint8Array(count);
    const samples = new Uint8Array(count).fill(1);
    for (let i = 0; i < count; i++) {
      const t = start + i * MINUTE_S;
      times[i] = t;
      const down = p === 5 && t >= outageFrom && t < outageTo;
      if (down || random() < failRate) {
        failures[i] = 1;
        median[i] = NaN;
        p90[i] = NaN;
        continue;
      }
      const hourOfDay = (t / 3600) % 24;
      const daily = 1 + 0.35 * Math.sin(((hourOfDay - 8) / 24) * 2 * Math.PI);
      const noise = 0.85 + random() * 0.3 + (random() < 0.01 ? random() * 2 : 0);
      const m = base * daily * noise;
      median[i] = m;
      p90[i] = m * (1.15 + random() * 0.6);
    }
    return { candidate, resolution: 'minute' as const, times, median, p90, failures, samples };
  });
}

/** The part of each series inside [fromS, toS): views over the same buffers, no copies. */
export function sliceHistory(series: readonly HistorySeriesInput[], fromS: number, toS: number): HistorySeriesInput[] {
  return series.map((s) => {
    const lo = lowerBound(s.times, fromS);
    const hi = lowerBound(s.times, toS);
    return {
      candidate: s.candidate,
      resolution: s.resolution,
      times: subarray(s.times, lo, hi),
      median: subarray(s.median, lo, hi),
      p90: subarray(s.p90, lo, hi),
      failures: subarray(s.failures, lo, hi),
      samples: subarray(s.samples, lo, hi),
    };
  });
}

function lowerBound(times: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function subarray<T>(values: ArrayLike<T>, lo: number, hi: number): ArrayLike<T> {
  const typed = values as unknown as { subarray?: (a: number, b: number) => ArrayLike<T> };
  return typeof typed.subarray === 'function' ? typed.subarray(lo, hi) : Array.prototype.slice.call(values, lo, hi);
}
