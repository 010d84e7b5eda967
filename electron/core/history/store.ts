// The latency history store: every benchmark and background probe, per candidate, for charts
// (uPlot series), uptime figures and the repair policy.
//
// Storage choice, and why: append-only JSON-lines files, one per candidate per UTC day, plus
// minute/hour aggregate files written once per finished day. Not SQLite or LevelDB: those are
// native modules that need a per-Electron-ABI build (or binaries fetched outside the npm
// registry), and the data is a time series that is only ever appended and range-read, which
// plain files do well:
//   - crash-safe: a record is one write() of one line; kill -9 can at worst leave an unterminated
//     last line, which is never valid JSON and is skipped on read, and the next append starts on a
//     fresh line so the fragment cannot swallow a good record. Aggregate files are written with
//     write-file-atomic (temp file + fsync + rename): old or new, never partial.
//   - append-friendly: appending a probe is O(record); the reader caches each raw file and parses
//     only the bytes appended since its last read.
//   - retention is "delete whole day files"; the hard size cap deletes the cheapest-to-lose files.
//   - fast range queries: a chart of one proxy over a month reads that proxy's 30 minute files
//     (~1,440 short lines each), cached after the first read.
//   - several processes (the tray app and a `goproxyctl bench`) may append at once: appends use
//     O_APPEND; compaction and cleanup take a proper-lockfile lock so only one process does them.
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { AggregateResolution, AggregateRow, Resolution } from './aggregate.js';
import { aggregate, bucketSizeMs, encodeAggregateLine, HOUR_MS, MINUTE_MS } from './aggregate.js';
import type { HistoryFile, RetentionPolicy } from './retention.js';
import { DEFAULT_RETENTION, planRetention } from './retention.js';
import type { Tier } from './layout.js';
import { candidateKey, dayEnd, dayOfFileName, daysOverlapping, HistoryLayout, TIERS, utcDay } from './layout.js';
import type { HistoryRecord } from './record.js';
import { encodeRecordLine } from './record.js';
import { AggregateFileReader, encodeAggregateHeader, RawFileReader } from './readers.js';
import { isMissing } from '../system/is-missing.js';
import { SerialQueue } from '../system/serial-queue.js';

export interface HistoryStoreOptions {
  retention?: Partial<RetentionPolicy>;
  /** The clock (tests pass a fixed one). */
  now?: () => number;
  /**
   * fdatasync after each append so a power cut cannot lose an acknowledged record (kill -9 alone
   * never loses one: the page cache survives the process). Default true; probes are infrequent.
   */
  durable?: boolean;
  /** How long after a UTC day ends before it is compacted, so late records still land in it. */
  compactionGraceMs?: number;
}

export interface HistoryQuery {
  candidate: string;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  resolution: Resolution;
}

/**
 * Columns ready for uPlot: `[series.times, series.median, series.p90]` is an AlignedData.
 * raw: one point per record, at its time. minute/hour: one point per bucket that overlaps
 * [from, to) and holds at least one record, at the bucket's start; null latency where every
 * record of the point failed.
 */
export interface HistorySeries {
  candidate: string;
  resolution: Resolution;
  /** Unix seconds (uPlot's default time unit). */
  times: number[];
  median: (number | null)[];
  p90: (number | null)[];
  failures: number[];
  samples: number[];
}

export interface Uptime {
  samples: number;
  failures: number;
  /** Successful probes / all probes, 0..1; null without probes. */
  uptime: number | null;
  resolution: Resolution;
}

export interface MaintenanceReport {
  /** False when another process held the maintenance lock. */
  ran: boolean;
  compactedDays: number;
  deletedFiles: number;
  bytes: number;
}

const DEFAULT_GRACE_MS = HOUR_MS;

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
}

async function statOrNull(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    return await stat(file);
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

export class HistoryStore {
  private readonly layout: HistoryLayout;
  private readonly policy: RetentionPolicy;
  private readonly now: () => number;
  private readonly durable: boolean;
  private readonly graceMs: number;
  private readonly raw = new RawFileReader();
  private readonly aggregates = new AggregateFileReader();
  private readonly knownCandidates = new Set<string>();
  /** Serialises this process's writes and maintenance. */
  private readonly queue = new SerialQueue();
  private trackedBytes = 0;
  private lastMaintenanceDay = '';

  private constructor(dir: string, options: HistoryStoreOptions) {
    this.layout = new HistoryLayout(dir);
    this.policy = { ...DEFAULT_RETENTION, ...options.retention };
    this.now = options.now ?? Date.now;
    this.durable = options.durable ?? true;
    this.graceMs = options.compactionGraceMs ?? DEFAULT_GRACE_MS;
  }

  /** Opens (creating) the store in `dir`, then compacts and applies retention. */
  static async open(dir: string, options: HistoryStoreOptions = {}): Promise<HistoryStore> {
    const store = new HistoryStore(dir, options);
    await mkdir(store.layout.candidatesDir, { recursive: true });
    await store.maintain();
    return store;
  }

  get directory(): string {
    return this.layout.root;
  }

  /** Appends records (any candidates, any times). Resolves once every line is written. */
  append(records: readonly HistoryRecord[]): Promise<void> {
    return this.serialised(async () => {
      const groups = new Map<string, { key: string; candidate: string; day: string; lines: string[] }>();
      for (const record of records) {
        if (!Number.isFinite(record.time)) throw new RangeError(`history record time must be a finite epoch-ms number, got ${record.time}`);
        const key = candidateKey(record.candidate);
        const day = utcDay(record.time);
        const id = `${key}/${day}`;
        const group = groups.get(id) ?? { key, candidate: record.candidate, day, lines: [] };
        group.lines.push(encodeRecordLine(record));
        groups.set(id, group);
      }
      for (const group of groups.values()) {
        await this.ensureCandidate(group.key, group.candidate);
        this.trackedBytes += await this.appendLines(this.layout.dayFile(group.key, 'raw', group.day), group.lines);
      }
      if (utcDay(this.now()) !== this.lastMaintenanceDay || this.trackedBytes > this.policy.maxBytes) await this.maintainNow();
    });
  }

  /** Compacts finished days, deletes what retention and the size cap require. */
  maintain(): Promise<MaintenanceReport> {
    return this.serialised(() => this.maintainNow());
  }

  /** The series for one candidate over [from, to). */
  async query(q: HistoryQuery): Promise<HistorySeries> {
    const series: HistorySeries = { candidate: q.candidate, resolution: q.resolution, times: [], median: [], p90: [], failures: [], samples: [] };
    if (!(q.to > q.from)) return series;
    const key = candidateKey(q.candidate);
    const now = this.now();
    if (q.resolution === 'raw') {
      const from = Math.max(q.from, now - this.policy.rawMs);
      for (const record of await this.rawRecords(key, q.candidate, from, q.to)) {
        series.times.push(record.time / 1000);
        series.median.push(record.ok ? record.ttfbMedianMs : null);
        series.p90.push(record.ok ? (record.ttfbP90Ms ?? record.ttfbMedianMs) : null);
        series.failures.push(record.ok ? 0 : 1);
        series.samples.push(1);
      }
      return series;
    }
    for (const row of await this.aggregateRows(key, q.candidate, q.resolution, q.from, q.to, now)) {
      series.times.push(row.start / 1000);
      series.median.push(row.ttfbMedianMs);
      series.p90.push(row.ttfbP90Ms);
      series.failures.push(row.failures);
      series.samples.push(row.samples);
    }
    return series;
  }

  /** Share of successful probes over [from, to): from raw records while they are retained, else minute buckets. */
  async uptime(q: Omit<HistoryQuery, 'resolution'> & { resolution?: Resolution }): Promise<Uptime> {
    const resolution = q.resolution ?? (q.from >= this.now() - this.policy.rawMs ? 'raw' : 'minute');
    const series = await this.query({ ...q, resolution });
    const samples = series.samples.reduce((a, b) => a + b, 0);
    const failures = series.failures.reduce((a, b) => a + b, 0);
    return { samples, failures, uptime: samples === 0 ? null : (samples - failures) / samples, resolution };
  }

  /** Every candidate that has history, sorted. */
  async candidates(): Promise<string[]> {
    const found: string[] = [];
    for (const key of await listDir(this.layout.candidatesDir)) {
      try {
        const meta = JSON.parse(await readFile(this.layout.metaFile(key), 'utf8')) as { candidate?: unknown };
        if (typeof meta.candidate === 'string' && candidateKey(meta.candidate) === key) found.push(meta.candidate);
      } catch (err) {
        if (!isMissing(err) && !(err instanceof SyntaxError)) throw err;
      }
    }
    return found.sort();
  }

  /** Bytes used by history data files. */
  async sizeBytes(): Promise<number> {
    return (await this.scan()).reduce((n, f) => n + f.size, 0);
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  private async ensureCandidate(key: string, candidate: string): Promise<void> {
    if (this.knownCandidates.has(key)) return;
    await mkdir(this.layout.tierDir(key, 'raw'), { recursive: true });
    if (!(await statOrNull(this.layout.metaFile(key)))) {
      await writeFileAtomic(this.layout.metaFile(key), `${JSON.stringify({ candidate })}\n`);
    }
    this.knownCandidates.add(key);
  }

  /** One write of whole lines; returns the bytes written. */
  private async appendLines(file: string, lines: readonly string[]): Promise<number> {
    const handle = await open(file, 'a+');
    try {
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        // A writer killed mid-line leaves an unterminated fragment; start on a fresh line so the
        // fragment stays a lone (skipped) line instead of corrupting this record.
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      const data = Buffer.from(`${prefix}${lines.join('\n')}\n`, 'utf8');
      await handle.write(data, 0, data.length);
      if (this.durable) await handle.datasync();
      return data.length;
    } finally {
      await handle.close();
    }
  }

  private async rawRecords(key: string, candidate: string, from: number, to: number): Promise<HistoryRecord[]> {
    if (!(to > from)) return [];
    const out: HistoryRecord[] = [];
    for (const day of daysOverlapping(from, to)) {
      const { records } = await this.raw.read(this.layout.dayFile(key, 'raw', day), candidate);
      for (const r of records) if (r.time >= from && r.time < to) out.push(r);
    }
    // Concurrent writers may interleave slightly out of order; charts need ascending times.
    return out.sort((a, b) => a.time - b.time);
  }

  /** Buckets of one day: the compacted file when it is current, else computed from raw records. */
  private async dayAggregates(key: string, candidate: string, resolution: AggregateResolution, day: string): Promise<readonly AggregateRow[]> {
    const rawFile = this.layout.dayFile(key, 'raw', day);
    const [rawInfo, compacted] = await Promise.all([statOrNull(rawFile), this.aggregates.read(this.layout.dayFile(key, resolution, day))]);
    // The compacted file when it was computed from exactly this raw content (or the raw is gone).
    if (compacted && (!rawInfo || compacted.rawBytes === rawInfo.size)) return compacted.rows;
    if (rawInfo) {
      const contents = await this.raw.read(rawFile, candidate);
      return contents.derive(resolution, (records) => aggregate(records, bucketSizeMs(resolution)));
    }
    return compacted?.rows ?? [];
  }

  private async aggregateRows(key: string, candidate: string, resolution: AggregateResolution, from: number, to: number, now: number): Promise<AggregateRow[]> {
    const size = bucketSizeMs(resolution);
    // A bucket is kept while any of it is younger than the aggregate retention.
    const lower = Math.max(from, now - this.policy.aggregateMs);
    if (!(to > lower)) return [];
    const out: AggregateRow[] = [];
    for (const day of daysOverlapping(lower, to)) {
      for (const row of await this.dayAggregates(key, candidate, resolution, day)) {
        if (row.start < to && row.start + size > lower) out.push(row);
      }
    }
    return out;
  }

  private async scan(): Promise<HistoryFile[]> {
    const files: HistoryFile[] = [];
    for (const key of await listDir(this.layout.candidatesDir)) {
      const hourRawBytes = new Map<string, number | null>();
      const perTier = new Map<Tier, { name: string; day: string; size: number; mtimeMs: number }[]>();
      for (const tier of TIERS) {
        const entries: { name: string; day: string; size: number; mtimeMs: number }[] = [];
        for (const name of await listDir(this.layout.tierDir(key, tier))) {
          const day = dayOfFileName(name);
          if (!day) continue;
          const info = await statOrNull(path.join(this.layout.tierDir(key, tier), name));
          if (!info) continue;
          entries.push({ name, day, size: info.size, mtimeMs: info.mtimeMs });
          if (tier === 'hour') hourRawBytes.set(day, (await this.aggregates.read(path.join(this.layout.tierDir(key, tier), name)))?.rawBytes ?? null);
        }
        perTier.set(tier, entries);
      }
      for (const tier of TIERS) {
        for (const e of perTier.get(tier) ?? []) {
          const compactedFrom = hourRawBytes.get(e.day);
          files.push({
            path: path.join(this.layout.tierDir(key, tier), e.name),
            candidateKey: key,
            tier,
            day: e.day,
            size: e.size,
            compacted: tier !== 'raw' || compactedFrom === e.size,
          });
        }
      }
    }
    return files;
  }

  private async candidateOfKey(key: string): Promise<string | null> {
    try {
      const meta = JSON.parse(await readFile(this.layout.metaFile(key), 'utf8')) as { candidate?: unknown };
      return typeof meta.candidate === 'string' ? meta.candidate : null;
    } catch {
      return null;
    }
  }

  /** Writes a finished day's minute buckets, then its hour buckets (the "compacted" mark). */
  private async compactDay(file: HistoryFile): Promise<void> {
    const candidate = (await this.candidateOfKey(file.candidateKey)) ?? file.candidateKey;
    const { records, size: rawBytes } = await this.raw.read(file.path, candidate);
    for (const [tier, size] of [['minute', MINUTE_MS], ['hour', HOUR_MS]] as const) {
      await mkdir(this.layout.tierDir(file.candidateKey, tier), { recursive: true });
      const rows = aggregate(records, size);
      const target = this.layout.dayFile(file.candidateKey, tier, file.day);
      await writeFileAtomic(target, [encodeAggregateHeader(rawBytes), ...rows.map(encodeAggregateLine)].join('\n') + '\n');
      this.aggregates.forget(target);
    }
  }

  private async maintainNow(): Promise<MaintenanceReport> {
    const now = this.now();
    let release: (() => Promise<void>) | null = null;
    try {
      release = await lockfile.lock(this.layout.lockTarget, { lockfilePath: this.layout.lockFile, stale: 30_000, retries: 0, realpath: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return { ran: false, compactedDays: 0, deletedFiles: 0, bytes: this.trackedBytes };
      throw err;
    }
    try {
      let files = await this.scan();
      let compactedDays = 0;
      for (const file of files) {
        if (file.tier !== 'raw' || file.compacted || dayEnd(file.day) + this.graceMs > now) continue;
        await this.compactDay(file);
        compactedDays++;
      }
      if (compactedDays > 0) files = await this.scan();
      const doomed = planRetention(files, now, this.policy);
      for (const file of doomed) {
        try {
          await unlink(file.path);
        } catch (err) {
          if (!isMissing(err)) throw err;
        }
        this.raw.forget(file.path);
        this.aggregates.forget(file.path);
      }
      const gone = new Set(doomed.map((f) => f.path));
      this.trackedBytes = files.filter((f) => !gone.has(f.path)).reduce((n, f) => n + f.size, 0);
      this.lastMaintenanceDay = utcDay(now);
      return { ran: true, compactedDays, deletedFiles: doomed.length, bytes: this.trackedBytes };
    } finally {
      await release();
    }
  }
}
