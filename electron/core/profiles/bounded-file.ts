// Reads a file the user named (a profile document to import or subscribe to) without trusting it:
// a fifo nobody writes to would block the read forever, /dev/zero never ends, and a directory or
// a 20 GB file are mistakes. So the path is stat'ed first and refused unless it is a regular
// file no larger than the cap; it is then opened non-blocking, and the opened descriptor is
// checked again (the path may have been swapped between the stat and the open) before a read
// that stops at the cap whatever the file does meanwhile (it may grow while we read).
// Messages name the file and the problem; the caller adds the fix that fits its command.
import { msg, type Message } from '../../../shared/i18n/message.js';
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { MessageError } from '../../../shared/i18n/message-error.js';

export class BoundedFileError extends MessageError {
  override name = 'BoundedFileError';
}

export async function readBoundedFile(file: string, maxBytes: number, opts: { signal?: AbortSignal } = {}): Promise<Buffer> {
  const before = await stat(file).catch((err: NodeJS.ErrnoException) => {
    throw new BoundedFileError(msg('apply.file.cannot-read', { file, error: err.code ?? err.message }), { cause: err });
  });
  refuseUnlessSmallRegular(file, before, maxBytes);
  // O_NONBLOCK: opening a fifo for reading otherwise waits for a writer; O_NOCTTY: a terminal
  // device must never become our controlling terminal.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY).catch((err: NodeJS.ErrnoException) => {
    throw new BoundedFileError(msg('apply.file.cannot-read', { file, error: err.code ?? err.message }), { cause: err });
  });
  try {
    const opened = await handle.stat();
    if (opened.dev !== before.dev || opened.ino !== before.ino) throw new BoundedFileError(msg('apply.file.replaced', { file }));
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
  if (!st.isFile()) throw new BoundedFileError(msg('apply.file.not-regular', { file, kind: kindOf(st) }));
  if (st.size > maxBytes) throw new BoundedFileError(tooLarge(file, maxBytes));
}

function tooLarge(file: string, maxBytes: number): Message {
  return maxBytes / (1 << 20) >= 1 ? msg('apply.file.too-large-mib', { file, size: maxBytes / (1 << 20) }) : msg('apply.file.too-large-bytes', { file, size: maxBytes });
}

function kindOf(st: Stats): Message {
  if (st.isDirectory()) return msg('apply.file.kind.directory');
  if (st.isFIFO()) return msg('apply.file.kind.fifo');
  if (st.isCharacterDevice()) return msg('apply.file.kind.char-device');
  if (st.isBlockDevice()) return msg('apply.file.kind.block-device');
  if (st.isSocket()) return msg('apply.file.kind.socket');
  return msg('apply.file.kind.other');
}
