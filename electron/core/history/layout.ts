// Where history lives on disk:
//   <dir>/candidates/<key>/meta.json             {"candidate": "<url>"}  (written once, atomically)
//   <dir>/candidates/<key>/raw/YYYY-MM-DD.jsonl     raw records of one UTC day (append-only)
//   <dir>/candidates/<key>/minute/YYYY-MM-DD.jsonl  that day's minute buckets (written by compaction)
//   <dir>/candidates/<key>/hour/YYYY-MM-DD.jsonl    that day's hour buckets (written last)
// Each aggregate file starts with {"rawBytes": N}: the size of the raw file it was computed from.
// Raw files only grow, so "hour header N == raw size" means the day is compacted and current; a
// late record makes it stale, and queries then compute that day from raw until it is recompacted.
//   <dir>/maintenance.lock                          proper-lockfile: one process compacts at a time
// One directory per candidate so a chart of one proxy reads only that proxy's files; one file per
// UTC day so retention is "delete whole files" and a query reads only the days it spans.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DAY_MS } from './aggregate.js';

export type Tier = 'raw' | 'minute' | 'hour';
export const TIERS: readonly Tier[] = ['raw', 'minute', 'hour'];

/** A readable, filesystem-safe, collision-free directory name for a candidate URL. */
export function candidateKey(candidate: string): string {
  const readable = candidate
    .replace(/^[a-z]+:\/\//i, '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '_')
    .replace(/^[._]+|_+$/g, '')
    .slice(0, 48);
  const hash = createHash('sha256').update(candidate).digest('hex').slice(0, 12);
  return `${readable || 'candidate'}-${hash}`;
}

/** The UTC day of an instant, as YYYY-MM-DD. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function dayEnd(day: string): number {
  return dayStart(day) + DAY_MS;
}

/** Every UTC day overlapping [from, to). */
export function daysOverlapping(from: number, to: number): string[] {
  const days: string[] = [];
  for (let t = dayStart(utcDay(from)); t < to; t += DAY_MS) days.push(utcDay(t));
  return days;
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

export function dayOfFileName(name: string): string | null {
  const m = DAY_FILE.exec(name);
  return m && !Number.isNaN(dayStart(m[1] as string)) ? (m[1] as string) : null;
}

export class HistoryLayout {
  constructor(readonly root: string) {}

  get candidatesDir(): string {
    return path.join(this.root, 'candidates');
  }

  candidateDir(key: string): string {
    return path.join(this.candidatesDir, key);
  }

  metaFile(key: string): string {
    return path.join(this.candidateDir(key), 'meta.json');
  }

  tierDir(key: string, tier: Tier): string {
    return path.join(this.candidateDir(key), tier);
  }

  dayFile(key: string, tier: Tier, day: string): string {
    return path.join(this.tierDir(key, tier), `${day}.jsonl`);
  }

  get lockTarget(): string {
    return this.root;
  }

  get lockFile(): string {
    return path.join(this.root, 'maintenance.lock');
  }
}
