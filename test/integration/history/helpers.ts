// Shared bits for the history store tests: a temp directory per test and record builders.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HistoryRecord } from '../../../electron/core/history/record.js';

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-history-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 10 });
  }
}

export function record(candidate: string, time: number, ttfbMedianMs: number | null, overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  const ok = ttfbMedianMs !== null;
  return {
    time,
    candidate,
    source: 'background',
    ok,
    ttfbMedianMs,
    ttfbP90Ms: ttfbMedianMs === null ? null : ttfbMedianMs * 1.5,
    totalMs: ttfbMedianMs === null ? null : ttfbMedianMs * 10,
    throughputBytesPerSec: ok ? 1_000_000 : null,
    errorKind: ok ? null : 'timeout',
    ...overrides,
  };
}

/** A clock tests move by hand. */
export function manualClock(start: number): { now: () => number; set(t: number): void; advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    set(v: number) {
      t = v;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
