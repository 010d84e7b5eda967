// One history record (a candidate measured once, by a benchmark or a background probe) and its
// on-disk form: one JSON object per line. The candidate is not repeated in the line: each
// candidate has its own directory (see layout.ts), which keeps lines short and per-candidate
// range queries cheap.
import type { CandidateSummary } from '../../../shared/bench/summary.js';
import type { FailureKind } from '../../../shared/bench/types.js';

/** 'traffic': measured passively on go's own requests through the local relay. */
export type HistorySource = 'benchmark' | 'background' | 'traffic';

export interface HistoryRecord {
  /** Epoch milliseconds. */
  time: number;
  candidate: string;
  source: HistorySource;
  ok: boolean;
  ttfbMedianMs: number | null;
  ttfbP90Ms: number | null;
  totalMs: number | null;
  throughputBytesPerSec: number | null;
  errorKind: FailureKind | null;
}

/** The record a benchmark result becomes: ok when any sample worked. */
export function recordFromSummary(summary: CandidateSummary, time: number, source: HistorySource): HistoryRecord {
  return {
    time,
    candidate: summary.candidate,
    source,
    ok: summary.successRate > 0,
    ttfbMedianMs: summary.ttfbMs?.median ?? null,
    ttfbP90Ms: summary.ttfbMs?.p90 ?? null,
    totalMs: summary.totalMs?.median ?? null,
    throughputBytesPerSec: summary.throughputBytesPerSec,
    errorKind: summary.error?.kind ?? null,
  };
}

const SOURCE_CODE = { benchmark: 'b', background: 'g', traffic: 't' } as const;
const SOURCE_OF_CODE = { b: 'benchmark', g: 'background', t: 'traffic' } as const;

interface RecordLine {
  t: number;
  ok: boolean;
  src: 'b' | 'g' | 't';
  ttfb?: number;
  ttfb90?: number;
  total?: number;
  bps?: number;
  err?: FailureKind;
}

const FAILURE_KINDS: ReadonlySet<string> = new Set<FailureKind>([
  'dns',
  'connect',
  'timeout',
  'tls',
  'http',
  'not-found',
  'protocol',
  'auth',
  'redirect',
  'too-large',
  'cancelled',
]);

/** Null fields are left out: most records are healthy and have no error. */
export function encodeRecordLine(record: HistoryRecord): string {
  const line: RecordLine = { t: Math.round(record.time), ok: record.ok, src: SOURCE_CODE[record.source] };
  if (record.ttfbMedianMs !== null) line.ttfb = round3(record.ttfbMedianMs);
  if (record.ttfbP90Ms !== null) line.ttfb90 = round3(record.ttfbP90Ms);
  if (record.totalMs !== null) line.total = round3(record.totalMs);
  if (record.throughputBytesPerSec !== null) line.bps = Math.round(record.throughputBytesPerSec);
  if (record.errorKind !== null) line.err = record.errorKind;
  return JSON.stringify(line);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function optionalNumber(value: unknown): number | null | undefined {
  if (value === undefined) return null;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Parses one line; undefined for anything that is not a complete, well-formed record. A line torn
 * by a crash is never valid JSON (a prefix of an object lacks its closing brace), so it is skipped.
 */
export function decodeRecordLine(text: string, candidate: string): HistoryRecord | undefined {
  if (text.length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.t !== 'number' || !Number.isFinite(v.t) || typeof v.ok !== 'boolean') return undefined;
  if (v.src !== 'b' && v.src !== 'g' && v.src !== 't') return undefined;
  const ttfb = optionalNumber(v.ttfb);
  const ttfb90 = optionalNumber(v.ttfb90);
  const total = optionalNumber(v.total);
  const bps = optionalNumber(v.bps);
  if (ttfb === undefined || ttfb90 === undefined || total === undefined || bps === undefined) return undefined;
  if (v.err !== undefined && (typeof v.err !== 'string' || !FAILURE_KINDS.has(v.err))) return undefined;
  return {
    time: v.t,
    candidate,
    source: SOURCE_OF_CODE[v.src],
    ok: v.ok,
    ttfbMedianMs: ttfb,
    ttfbP90Ms: ttfb90,
    totalMs: total,
    throughputBytesPerSec: bps,
    errorKind: (v.err as FailureKind | undefined) ?? null,
  };
}

/**
 * Splits a chunk of a JSON-lines file into complete lines. Returns the records plus how many bytes
 * were consumed (through the last newline): an unterminated tail may still be being written, so it
 * is left for the next read.
 */
export function parseCompleteLines<T>(chunk: string, decode: (line: string) => T | undefined): { items: T[]; consumedChars: number; skipped: number } {
  const end = chunk.lastIndexOf('\n');
  if (end < 0) return { items: [], consumedChars: 0, skipped: 0 };
  const items: T[] = [];
  let skipped = 0;
  let start = 0;
  while (start <= end) {
    const nl = chunk.indexOf('\n', start);
    const line = chunk.slice(start, nl);
    start = nl + 1;
    if (line.length === 0) continue;
    const item = decode(line);
    if (item === undefined) skipped++;
    else items.push(item);
  }
  return { items, consumedChars: end + 1, skipped };
}
