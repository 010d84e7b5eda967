// What go's checksum-database client (golang.org/x/mod/sumdb client.go, tlog, note) checks in a
// lookup answer, with go's error texts: the answer is "<id>\n<go.sum lines>\n\n<signed tree note>",
// the note must carry a valid Ed25519 signature by the GOSUMDB verifier key, the record must be in
// the tree (id < N), and the record's hash must be the one the tree's tiles hold. Pure (no I/O):
// the caller fetches the tile named by tileFor().
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { checkVerifierKey } from '../../../shared/go/gosumdb.js';

export const TILE_HEIGHT = 8;
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SignedTree {
  size: number;
  hash: Buffer;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** note.Open with one verifier: the tree it signs, or go's error ("note has no verifiable signatures"...). */
export function openTreeNote(note: string, verifierKey: string): Checked<SignedTree> {
  const checked = checkVerifierKey(verifierKey);
  if (!checked.ok) return { ok: false, error: checked.error };
  const [name, hashHex, key64] = verifierKey.split('+') as [string, string, string];
  const key = Buffer.from(key64, 'base64');
  if (!note.endsWith('\n')) return { ok: false, error: 'malformed note' };
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, error: 'malformed note' };
  const text = note.slice(0, split + 1);
  const sigLines = note.slice(split + 2).split('\n').slice(0, -1);
  let verified = false;
  for (const line of sigLines) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m) return { ok: false, error: 'malformed note' };
    const sig = Buffer.from(m[2]!, 'base64');
    if (sig.length < 5 || m[1] !== name || sig.subarray(0, 4).toString('hex') !== hashHex.toLowerCase()) continue;
    const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, key.subarray(1)]), format: 'der', type: 'spki' });
    if (!verifySignature(null, Buffer.from(text, 'utf8'), publicKey, sig.subarray(4))) return { ok: false, error: 'invalid signature' };
    verified = true;
  }
  if (!verified) return { ok: false, error: `reading tree note: note has no verifiable signatures\nnote:\n${note}` };
  const m = /^go\.sum database tree\n(\d+)\n([A-Za-z0-9+/]{43}=)\n/.exec(text);
  if (!m) return { ok: false, error: 'malformed tree note' };
  return { ok: true, value: { size: Number(m[1]), hash: Buffer.from(m[2]!, 'base64') } };
}

export interface LookupRecord {
  id: number;
  /** The go.sum lines, each ending in "\n". */
  text: string;
  tree: SignedTree;
}

/** tlog.ParseRecord, then the signed tree after it. */
export function parseLookup(body: string, verifierKey: string): Checked<LookupRecord> {
  const nl = body.indexOf('\n');
  const id = nl < 0 ? NaN : Number(body.slice(0, nl));
  const end = body.indexOf('\n\n', nl + 1);
  if (!Number.isSafeInteger(id) || id < 0 || end < 0) return { ok: false, error: 'malformed record data' };
  const text = body.slice(nl + 1, end + 1);
  const tree = openTreeNote(body.slice(end + 2), verifierKey);
  if (!tree.ok) return tree;
  if (id >= tree.value.size) return { ok: false, error: `cannot authenticate record data in server response` };
  return { ok: true, value: { id, text, tree: tree.value } };
}

export function recordHash(text: string): Buffer {
  return createHash('sha256').update(Buffer.from([0])).update(text, 'utf8').digest();
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(Buffer.from([1])).update(left).update(right).digest();
}

/** The level-0 tile holding record id, as wide as the tree allows (tlog.Tile.Path). */
export function tileFor(id: number, treeSize: number): { path: string; index: number; width: number } {
  return tileAt(0, Math.floor(id / (1 << TILE_HEIGHT)), treeSize);
}

/** Tile `index` of tile level `tileLevel` (hashes of tree level 8·tileLevel), as wide as the tree allows. */
export function tileAt(tileLevel: number, index: number, treeSize: number): { path: string; index: number; width: number } {
  const hashesAtLevel = Math.floor(treeSize / 2 ** (TILE_HEIGHT * tileLevel));
  const width = Math.min(1 << TILE_HEIGHT, hashesAtLevel - index * (1 << TILE_HEIGHT));
  let n = index;
  let s = String(n % 1000).padStart(3, '0');
  while (n >= 1000) {
    n = Math.floor(n / 1000);
    s = `x${String(n % 1000).padStart(3, '0')}/${s}`;
  }
  return { path: `tile/${TILE_HEIGHT}/${tileLevel}/${s}${width === 1 << TILE_HEIGHT ? '' : `.p/${width}`}`, index, width };
}

/** RFC 6962 tree hash of leaf hashes (the whole tree when it fits one tile). */
function treeHashOf(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(treeHashOf(leaves.slice(0, k)), treeHashOf(leaves.slice(k)));
}

/** The record's hash must be at its place in its level-0 tile (the tree hash is checked by treeHashFromTiles). */
export function checkRecordInTile(record: LookupRecord, tile: Buffer): string | null {
  const { width, index } = tileFor(record.id, record.tree.size);
  if (tile.length !== width * 32) return `tile has ${tile.length} bytes, want ${width * 32}`;
  const at = record.id - index * (1 << TILE_HEIGHT);
  if (!tile.subarray(at * 32, at * 32 + 32).equals(recordHash(record.text))) return 'cannot authenticate record data in server response';
  return null;
}

/**
 * The signed tree hash recomputed from tiles, as tlog.TreeHash over a TileHashReader does: the
 * complete subtrees that make up the tree (largest first), each read from the tile of its level,
 * folded right to left. `readTile` returns a tile's bytes (it must be as wide as tileAt says).
 */
export async function treeHashFromTiles(size: number, readTile: (tileLevel: number, index: number) => Promise<Buffer>): Promise<Buffer> {
  const subtrees: { level: number; n: number }[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(size)); level >= 0; level--) {
    if (size - start >= 2 ** level) {
      subtrees.push({ level, n: start / 2 ** level });
      start += 2 ** level;
    }
  }
  const hashes: Buffer[] = [];
  for (const { level, n } of subtrees) {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const within = level - tileLevel * TILE_HEIGHT;
    const first = n * 2 ** within;
    const tile = await readTile(tileLevel, Math.floor(first / (1 << TILE_HEIGHT)));
    const offset = first % (1 << TILE_HEIGHT);
    const leaves = Array.from({ length: 2 ** within }, (_, i) => tile.subarray((offset + i) * 32, (offset + i) * 32 + 32));
    if (leaves.some((h) => h.length !== 32)) throw new Error('tile too short');
    hashes.push(treeHashOf(leaves));
  }
  let root = hashes.pop()!;
  while (hashes.length > 0) root = nodeHash(hashes.pop()!, root);
  return root;
}

/** The hash the record logs for "<path> <version>" (the zip) or "<path> <version>/go.mod", or null. */
export function loggedHash(record: LookupRecord, path: string, version: string): string | null {
  const prefix = `${path} ${version} `;
  const line = record.text.split('\n').find((l) => l.startsWith(prefix));
  return line ? line.slice(prefix.length) : null;
}
