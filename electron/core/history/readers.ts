// Cached readers for history day files. Raw files only ever grow (append-only), so a raw file is
// read incrementally: the cache remembers how many bytes it has parsed and reads only the new
// tail. Aggregate files are replaced atomically (new inode), so they are re-read when their
// identity (inode, size, mtime) changes. Both caches are bounded LRUs, sized so the tray app stays
// small: 64 raw day files (a week of 8 proxies) and 128 aggregate day files (~18 MB at minute
// resolution; a month of 4 proxies stays warm, a month of all 8 re-reads in a few hundred ms).
import { open, readFile, stat } from 'node:fs/promises';
import type { AggregateRow } from './aggregate.js';
import { decodeAggregateLine, decodeAggregateTuple } from './aggregate.js';
import type { HistoryRecord } from './record.js';
import { decodeRecordLine, parseCompleteLines } from './record.js';
import { isMissing } from '../system/is-missing.js';
import { KeyedSerialQueue } from '../system/serial-queue.js';

const NEWLINE = 0x0a;

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

interface RawEntry {
  ino: number;
  /** Bytes parsed (through the last complete line). */
  offset: number;
  /** The file's size when last read (may include an unterminated tail). */
  size: number;
  records: HistoryRecord[];
  skipped: number;
  /** Derived data (e.g. on-the-fly aggregates) valid for exactly this many records. */
  derived: Map<string, { count: number; value: unknown }>;
}

export interface RawFileContents {
  records: readonly HistoryRecord[];
  /** The file size these records were read from (0 when missing): identifies the content of an append-only file. */
  size: number;
  /** Lines that were not valid records (torn by a crash, or foreign bytes). */
  skipped: number;
  /** Derived values cached against this exact content. */
  derive<T>(name: string, compute: (records: readonly HistoryRecord[]) => T): T;
}

export class RawFileReader {
  private readonly cache = new Lru<RawEntry>(64);
  /** Reads of one file run one after another: two at once would append the same tail twice. */
  private readonly reads = new KeyedSerialQueue();

  /** Every complete record in the file (none when it does not exist). */
  read(file: string, candidate: string): Promise<RawFileContents> {
    return this.reads.run(file, () => this.readNow(file, candidate));
  }

  private async readNow(file: string, candidate: string): Promise<RawFileContents> {
    let info;
    try {
      info = await stat(file);
    } catch (err) {
      if (isMissing(err)) {
        this.cache.delete(file);
        return contents({ ino: 0, offset: 0, size: 0, records: [], skipped: 0, derived: new Map() });
      }
      throw err;
    }
    let entry = this.cache.get(file);
    if (!entry || entry.ino !== info.ino || info.size < entry.offset) {
      entry = { ino: info.ino, offset: 0, size: 0, records: [], skipped: 0, derived: new Map() };
      this.cache.set(file, entry);
    }
    if (info.size > entry.offset) await this.readTail(file, candidate, entry, info.size);
    entry.size = info.size;
    return contents(entry);
  }

  forget(file: string): void {
    this.cache.delete(file);
  }

  private async readTail(file: string, candidate: string, entry: RawEntry, size: number): Promise<void> {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(size - entry.offset);
      const { bytesRead } = await handle.read(buf, 0, buf.length, entry.offset);
      const chunk = buf.subarray(0, bytesRead);
      const end = chunk.lastIndexOf(NEWLINE);
      if (end >= 0) {
        const parsed = parseCompleteLines(chunk.subarray(0, end + 1).toString('utf8'), (line) => decodeRecordLine(line, candidate));
        for (const item of parsed.items) entry.records.push(item);
        entry.skipped += parsed.skipped;
        entry.offset += end + 1;
      }
      // An unterminated tail is being written right now, or was cut by a crash. A cut line is never
      // valid JSON (the closing brace comes last), so a tail that parses is a whole record that only
      // lacks its newline (the next writer starts a fresh line); anything else waits for more bytes.
      const tail = chunk.subarray(end + 1);
      if (tail.length > 0) {
        const record = decodeRecordLine(tail.toString('utf8'), candidate);
        if (record) {
          entry.records.push(record);
          entry.offset += tail.length;
        }
      }
    } finally {
      await handle.close();
    }
  }
}

function contents(entry: RawEntry): RawFileContents {
  return {
    records: entry.records,
    size: entry.size,
    skipped: entry.skipped,
    derive<T>(name: string, compute: (records: readonly HistoryRecord[]) => T): T {
      const hit = entry.derived.get(name);
      if (hit && hit.count === entry.records.length) return hit.value as T;
      const value = compute(entry.records);
      entry.derived.set(name, { count: entry.records.length, value });
      return value;
    },
  };
}

/**
 * An aggregate file starts with a header line naming the size of the raw file it was computed
 * from; raw files only grow, so equal size means the aggregates are current.
 */
export interface AggregateFile {
  rawBytes: number | null;
  rows: AggregateRow[];
}

export function encodeAggregateHeader(rawBytes: number): string {
  return JSON.stringify({ rawBytes });
}

function decodeAggregateHeader(text: string): number | null {
  const first = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  try {
    const v = JSON.parse(first) as { rawBytes?: unknown };
    return typeof v === 'object' && v !== null && typeof v.rawBytes === 'number' ? v.rawBytes : null;
  } catch {
    return null;
  }
}

/**
 * Fast path: an aggregate file is written atomically, so its body is normally one JSON array per
 * line and parses as a single JSON document (several times faster than a parse per line). Anything
 * unexpected falls back to the line-by-line parser, which skips bad lines.
 */
function parseAggregateRows(text: string): AggregateRow[] {
  const bodyStart = text.startsWith('{') ? text.indexOf('\n') + 1 : 0;
  const body = text.slice(bodyStart).trimEnd();
  if (body === '') return [];
  try {
    const all = JSON.parse(`[${body.replaceAll('\n', ',')}]`) as unknown[];
    const rows: AggregateRow[] = [];
    for (const item of all) {
      const row = decodeAggregateTuple(item);
      if (!row) throw new SyntaxError('not an aggregate row');
      rows.push(row);
    }
    return rows;
  } catch {
    return parseCompleteLines(text.endsWith('\n') ? text : `${text}\n`, decodeAggregateLine).items;
  }
}

interface AggregateEntry extends AggregateFile {
  ino: number;
  size: number;
  mtimeMs: number;
}

export class AggregateFileReader {
  private readonly cache = new Lru<AggregateEntry>(128);

  /** The rows of an aggregate file, or null when it does not exist. */
  async read(file: string): Promise<AggregateFile | null> {
    let info;
    try {
      info = await stat(file);
    } catch (err) {
      if (isMissing(err)) {
        this.cache.delete(file);
        return null;
      }
      throw err;
    }
    const hit = this.cache.get(file);
    if (hit && hit.ino === info.ino && hit.size === info.size && hit.mtimeMs === info.mtimeMs) return hit;
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    const rows = parseAggregateRows(text);
    const entry = { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, rows, rawBytes: decodeAggregateHeader(text) };
    this.cache.set(file, entry);
    return entry;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }
}
