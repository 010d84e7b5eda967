// The transparency log behind a checksum database, as golang.org/x/mod/sumdb/tlog defines it:
// RFC 6962 hashing (leaf = SHA-256(0x00 || record text), node = SHA-256(0x01 || left || right)),
// the tree hash of an unbalanced tree (split at the largest power of two below n), and tiles of
// height 8 served at tile/8/<L>/<N>[.p/<W>] (data tiles at tile/8/data/...).
import { createHash } from 'node:crypto';

export const TILE_HEIGHT = 8;
const HASH_SIZE = 32;

export function recordHash(data: Buffer): Buffer {
  return createHash('sha256').update(Buffer.from([0x00])).update(data).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(Buffer.from([0x01])).update(left).update(right).digest();
}

/** tlog.FormatRecord: "<id>\n<text>\n" (text ends in a newline, so the record ends with a blank line). */
export function formatRecord(id: number, text: string): string {
  return `${id}\n${text}\n`;
}

export interface Tile {
  height: number;
  /** -1: the record data tile. */
  level: number;
  index: number;
  width: number;
}

/** tlog.ParseTilePath for "tile/H/L/[xNNN/]NNN[.p/W]", or null. */
export function parseTilePath(p: string): Tile | null {
  const m = /^tile\/(\d+)\/(data|\d+)\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d+))?$/.exec(p);
  if (!m) return null;
  const height = Number(m[1]);
  const index = m[3]!.split('/').reduce((n, part) => n * 1000 + Number(part.replace(/^x/, '')), 0);
  const width = m[4] === undefined ? 1 << height : Number(m[4]);
  if (height < 1 || height > 30 || width < 1 || width > 1 << height || (m[4] !== undefined && width === 1 << height)) return null;
  return { height, level: m[2] === 'data' ? -1 : Number(m[2]), index, width };
}

/** tlog.Tile.Path. */
export function tilePath(t: Tile): string {
  let n = t.index;
  let s = String(n % 1000).padStart(3, '0');
  while (n >= 1000) {
    n = Math.floor(n / 1000);
    s = `x${String(n % 1000).padStart(3, '0')}/${s}`;
  }
  const partial = t.width !== 1 << t.height ? `.p/${t.width}` : '';
  return `tile/${t.height}/${t.level === -1 ? 'data' : t.level}/${s}${partial}`;
}

/** A fixed log: every complete subtree's hash, by level. */
export class TransparencyLog {
  /** levels[k][j]: the hash of leaves j·2^k .. (j+1)·2^k - 1. */
  private readonly levels: Buffer[][];
  readonly size: number;
  readonly rootHash: Buffer;

  constructor(readonly records: readonly string[]) {
    this.size = records.length;
    this.levels = [records.map((r) => recordHash(Buffer.from(r, 'utf8')))];
    for (let k = 0; this.levels[k]!.length > 1; k++) {
      const below = this.levels[k]!;
      const up: Buffer[] = [];
      for (let j = 0; j + 1 < below.length; j += 2) up.push(nodeHash(below[j]!, below[j + 1]!));
      this.levels.push(up);
    }
    this.rootHash = this.subtreeHash(0, this.size);
  }

  /** RFC 6962 MTH of leaves [lo, hi). */
  private subtreeHash(lo: number, hi: number): Buffer {
    const n = hi - lo;
    if (n === 0) return Buffer.alloc(HASH_SIZE);
    if ((n & (n - 1)) === 0 && lo % n === 0) return this.levels[Math.log2(n)]![lo / n]!;
    let k = 1;
    while (k * 2 < n) k *= 2;
    return nodeHash(this.subtreeHash(lo, lo + k), this.subtreeHash(lo + k, hi));
  }

  /** The bytes of a hash tile, or null when the tree does not have all of its hashes (404). */
  tileData(t: Tile): Buffer | null {
    if (t.level < 0) return this.dataTile(t);
    const level = this.levels[t.level * t.height];
    const start = t.index * (1 << t.height);
    if (!level || start + t.width > level.length) return null;
    return Buffer.concat(level.slice(start, start + t.width));
  }

  /** The record data tile: the formatted records start..start+W-1, back to back. */
  private dataTile(t: Tile): Buffer | null {
    const start = t.index * (1 << t.height);
    if (start + t.width > this.size) return null;
    return Buffer.from(this.records.slice(start, start + t.width).map((text, i) => formatRecord(start + i, text)).join(''), 'utf8');
  }
}
