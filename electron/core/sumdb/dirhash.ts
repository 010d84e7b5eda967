// go.sum hashes ("h1:") as golang.org/x/mod/sumdb/dirhash computes them, for comparing what a
// proxy served with what the checksum database logged: Hash1 over "<sha256 hex>  <name>\n" of the
// files sorted by name (zip entries keep their "<path>@<version>/" prefix; a go.mod is "go.mod").
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

function hash1(files: { name: string; data: Buffer }[]): string {
  const summary = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (f.name.includes('\n')) throw new Error('dirhash: filenames with newlines are not supported');
    summary.update(`${createHash('sha256').update(f.data).digest('hex')}  ${f.name}\n`);
  }
  return `h1:${summary.digest('base64')}`;
}

export function hashGoMod(mod: Buffer | string): string {
  return hash1([{ name: 'go.mod', data: Buffer.isBuffer(mod) ? mod : Buffer.from(mod, 'utf8') }]);
}

/** dirhash.HashZip; throws on a zip it cannot read (go would reject it too). */
export function hashZip(zip: Buffer): string {
  return hash1(zipEntries(zip));
}

/** The files of a (non-zip64) zip, from its central directory: stored or deflated entries. */
function zipEntries(zip: Buffer): { name: string; data: Buffer }[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zip: not a valid zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: not a valid zip file');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + compressed);
    files.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}
