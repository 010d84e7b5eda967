// The framing check a module zip passes before the relay caches or serves it: an end-of-central-
// directory record (zip64 too), a central directory that lies inside the file, and every entry
// under "<module>@<version>/" (golang.org/x/mod/zip: CheckZip's prefix rule). Reads only the tail
// and the central directory, never the entries' data, so a 500 MB zip costs a few reads.
import { open, type FileHandle } from 'node:fs/promises';

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
// go's limit on a module zip (golang.org/x/mod/zip MaxZipFile).
export const MAX_ZIP_BYTES = 500 << 20;
const MAX_CENTRAL_DIRECTORY = 64 << 20;

/** null when the zip is well framed for module@version, else one sentence saying what is wrong. */
export async function checkModuleZipFile(file: string, module: string, version: string): Promise<string | null> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(file, 'r');
    const { size } = await fh.stat();
    return await checkZip((offset, length) => readAt(fh!, offset, length), size, module, version);
  } catch (err) {
    return `the zip could not be read (${(err as Error).message})`;
  } finally {
    await fh?.close();
  }
}

/** The same check on a zip in memory. */
export function checkModuleZipBuffer(zip: Buffer, module: string, version: string): Promise<string | null> {
  return checkZip((offset, length) => Promise.resolve(zip.subarray(offset, offset + length)), zip.length, module, version);
}

type ReadAt = (offset: number, length: number) => Promise<Buffer>;

async function checkZip(read: ReadAt, size: number, module: string, version: string): Promise<string | null> {
  if (size < EOCD_MIN) return 'not a zip: shorter than an end-of-central-directory record';
  if (size > MAX_ZIP_BYTES) return `the zip is larger than go's ${MAX_ZIP_BYTES}-byte limit for a module`;
  const tailStart = Math.max(0, size - EOCD_MIN - MAX_COMMENT);
  const tail = await read(tailStart, size - tailStart);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + EOCD_MIN + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not a zip: no end-of-central-directory record (truncated download?)';
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  const eocdAbs = tailStart + eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    if (eocdAbs < 20) return 'zip64 archive without its locator';
    const locator = await read(eocdAbs - 20, 20);
    if (locator.readUInt32LE(0) !== EOCD64_LOCATOR) return 'zip64 archive without its locator';
    const recordAt = Number(locator.readBigUInt64LE(8));
    if (recordAt + 56 > size) return 'zip64 end record outside the file';
    const record = await read(recordAt, 56);
    if (record.readUInt32LE(0) !== EOCD64) return 'bad zip64 end record';
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > eocdAbs) return 'the central directory runs past the end of the zip';
  if (cdSize > MAX_CENTRAL_DIRECTORY) return 'the central directory is implausibly large';
  const cd = await read(cdOffset, cdSize);
  const prefix = `${module}@${version}/`;
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) return `bad central directory entry ${n}`;
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const localOffset = cd.readUInt32LE(at + 42);
    if (at + 46 + nameLength > cd.length) return `bad central directory entry ${n}`;
    const name = cd.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (!name.startsWith(prefix)) return `the zip has a file outside ${prefix}: ${JSON.stringify(name.slice(0, 200))}`;
    if (name.split('/').some((e) => e === '..')) return `the zip has a path with "..": ${JSON.stringify(name.slice(0, 200))}`;
    if (localOffset !== 0xffffffff && localOffset >= cdOffset) return `entry ${JSON.stringify(name.slice(0, 200))} points outside the file data`;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}
