// Reads a file the user named (a profile document to import or subscribe to) without trusting it:
// a fifo nobody writes to would block the read forever, /dev/zero never ends, and a directory or
// a 20 GB file are mistakes. So the path is stat'ed first and refused unless it is a regular
// file no larger than the cap; it is then opened non-blocking, and the opened descriptor is
// checked again (the path may have been swapped between the stat and the open) before a read
// that stops at the cap whatever the file does meanwhile (it may grow while we read).
// Messages name the file and the problem; the caller adds the fix that fits its command.
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export class BoundedFileError extends Error {
  override name = 'BoundedFileError';
}

export async function readBoundedFile(file: string, maxBytes: number, opts: { signal?: AbortSignal } = {}): Promise<Buffer> {
  const before = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new BoundedFileError(`cannot read ${file} (${err.code ?? err.message})`, { cause: err });
  });
  refuseUnlessSmallRegular(file, before, maxBytes);
  // O_NONBLOCK: opening a fifo for reading otherwise waits for a writer; O_NOCTTY: a terminal
  // device must never become our controlling terminal.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY).catch((err: NodeJS.ErrnoException) => {
    throw new BoundedFileError(`cannot read ${file} (${err.code ?? err.message})`, { cause: err });
  });
  try {
    const opened = await handle.stat();
    if (opened.dev !== before.dev || opened.ino !== before.ino) throw new BoundedFileError(`${file} was replaced while it was being read; try again`);
    refuseUnlessSmallRegular(file, opened, maxBytes);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      opts.signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new BoundedFileError(tooLarge(file, maxBytes));
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function refuseUnlessSmallRegular(file: string, st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new BoundedFileError(`${file} is ${kindOf(st)}, not a regular file`);
  if (st.size > maxBytes) throw new BoundedFileError(tooLarge(file, maxBytes));
}

function tooLarge(file: string, maxBytes: number): string {
  return `${file} is larger than ${maxBytes / (1 << 20) >= 1 ? `${maxBytes / (1 << 20)} MiB` : `${maxBytes} bytes`}`;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (fifo)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}
