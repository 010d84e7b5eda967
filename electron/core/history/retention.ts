// Which history files to delete: age-based retention, then the hard size cap. Pure.
//
// Age: a day file goes once the whole day is older than its tier's retention (raw 7 days, minute
// and hour aggregates 90 days by default); queries additionally clip to the exact retention
// instant, so what a chart shows does not depend on when the last cleanup ran.
// Cap: when the remaining files still exceed maxBytes, delete in the order that loses the least:
// raw days that are already compacted (their aggregates remain), then minute days, then hour days
// (oldest first within each), and only then raw days that were never compacted.
import { DAY_MS } from './aggregate.js';
import { dayEnd } from './layout.js';
import type { Tier } from './layout.js';

export interface RetentionPolicy {
  rawMs: number;
  aggregateMs: number;
  maxBytes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  rawMs: 7 * DAY_MS,
  aggregateMs: 90 * DAY_MS,
  // Room for 8 proxies probed every minute: ~9 MB raw (7 days) + ~45 MB minute + ~1 MB hour (90 days).
  maxBytes: 128 * 1024 * 1024,
};

export interface HistoryFile {
  path: string;
  candidateKey: string;
  tier: Tier;
  day: string;
  size: number;
  /** For raw files: whether the day's aggregates exist and are at least as new. */
  compacted: boolean;
}

function expired(file: HistoryFile, now: number, policy: RetentionPolicy): boolean {
  const keep = file.tier === 'raw' ? policy.rawMs : policy.aggregateMs;
  return dayEnd(file.day) <= now - keep;
}

function capRank(file: HistoryFile): number {
  if (file.tier === 'raw') return file.compacted ? 0 : 3;
  return file.tier === 'minute' ? 1 : 2;
}

/** The files to delete, in deletion order. */
export function planRetention(files: readonly HistoryFile[], now: number, policy: RetentionPolicy): HistoryFile[] {
  const doomed = files.filter((f) => expired(f, now, policy));
  const kept = files.filter((f) => !expired(f, now, policy));
  let total = kept.reduce((n, f) => n + f.size, 0);
  if (total <= policy.maxBytes) return doomed;
  const byCost = [...kept].sort((a, b) => capRank(a) - capRank(b) || a.day.localeCompare(b.day) || a.path.localeCompare(b.path));
  for (const file of byCost) {
    if (total <= policy.maxBytes) break;
    doomed.push(file);
    total -= file.size;
  }
  return doomed;
}
