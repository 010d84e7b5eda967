// Downsampling: raw records -> minute or hour buckets. Pure functions.
//
// A bucket is [start, start + size), aligned to UTC (epoch multiples of the size). Its figures:
//   samples   records in the bucket
//   failures  records that were not ok
//   median / p90 of first-byte time: over the ttfbMedianMs of the bucket's ok records (the
//             spread of the typical latency across probes; percentile definition in
//             shared/bench/stats.ts, linear interpolation)
//   totalMedian, throughputMedian: medians over the ok records that measured them
// Minute AND hour buckets are both computed from raw records (never hours from minutes), so both
// are exact: a median of medians is not a median.
import { distribution, median } from '../../../shared/bench/stats.js';
import type { HistoryRecord } from './record.js';

export type Resolution = 'raw' | 'minute' | 'hour';
export type AggregateResolution = Exclude<Resolution, 'raw'>;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function bucketSizeMs(resolution: AggregateResolution): number {
  return resolution === 'minute' ? MINUTE_MS : HOUR_MS;
}

export function bucketStart(time: number, sizeMs: number): number {
  return Math.floor(time / sizeMs) * sizeMs;
}

export interface AggregateRow {
  /** Bucket start, epoch ms. */
  start: number;
  samples: number;
  failures: number;
  ttfbMedianMs: number | null;
  ttfbP90Ms: number | null;
  totalMedianMs: number | null;
  throughputMedianBytesPerSec: number | null;
}

// Rounded here (µs for times, whole bytes/s) so figures computed on the fly from raw records and
// figures read back from a compacted file are identical.
const round3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);
const roundInt = (x: number | null): number | null => (x === null ? null : Math.round(x));

/** Buckets the records (any order); rows come out sorted by start. */
export function aggregate(records: readonly HistoryRecord[], sizeMs: number): AggregateRow[] {
  const groups = new Map<number, HistoryRecord[]>();
  for (const r of records) {
    const start = bucketStart(r.time, sizeMs);
    const group = groups.get(start);
    if (group) group.push(r);
    else groups.set(start, [r]);
  }
  const rows: AggregateRow[] = [];
  for (const [start, group] of groups) {
    const ok = group.filter((r) => r.ok);
    const ttfb = distribution(ok.map((r) => r.ttfbMedianMs).filter((v): v is number => v !== null));
    rows.push({
      start,
      samples: group.length,
      failures: group.length - ok.length,
      ttfbMedianMs: round3(ttfb?.median ?? null),
      ttfbP90Ms: round3(ttfb?.p90 ?? null),
      totalMedianMs: round3(median(ok.map((r) => r.totalMs).filter((v): v is number => v !== null))),
      throughputMedianBytesPerSec: roundInt(median(ok.map((r) => r.throughputBytesPerSec).filter((v): v is number => v !== null))),
    });
  }
  return rows.sort((a, b) => a.start - b.start);
}

/** On disk: one JSON array per line, [start, samples, failures, ttfbMedian, ttfbP90, totalMedian, throughputMedian]. */
export function encodeAggregateLine(row: AggregateRow): string {
  return JSON.stringify([row.start, row.samples, row.failures, round3(row.ttfbMedianMs), round3(row.ttfbP90Ms), round3(row.totalMedianMs), roundInt(row.throughputMedianBytesPerSec)]);
}

const numOrNull = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

export function decodeAggregateLine(text: string): AggregateRow | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  return decodeAggregateTuple(v);
}

/** Validates one parsed line: [start, samples, failures, ttfbMedian, ttfbP90, totalMedian, throughputMedian]. */
export function decodeAggregateTuple(v: unknown): AggregateRow | undefined {
  if (!Array.isArray(v) || v.length !== 7) return undefined;
  const [start, samples, failures, m, p, total, bps] = v as unknown[];
  if (typeof start !== 'number' || typeof samples !== 'number' || typeof failures !== 'number') return undefined;
  if (!numOrNull(m) || !numOrNull(p) || !numOrNull(total) || !numOrNull(bps)) return undefined;
  return { start, samples, failures, ttfbMedianMs: m, ttfbP90Ms: p, totalMedianMs: total, throughputMedianBytesPerSec: bps };
}
