// The managed block in a shell rc file, as pure functions on BYTES. The file is never decoded as
// UTF-8 (rc files hold Latin-1, GBK, stray bytes): lines are found by the byte 0x0A and compared
// as ASCII, and every byte outside our block is copied unchanged. Guarantees:
//   - the file's line ending (CRLF or LF) on every user line, its BOM and a missing final newline
//     are preserved; the block itself uses the file's line ending, except for shells that do not
//     strip CR (bash, zsh: `lfOnly`), whose block lines always end with LF, or `. file\r` would
//     look for a file whose name ends in CR;
//   - removeManagedBlock(writeManagedBlock(f, b)) equals f, byte for byte;
//   - writing again replaces the block in place (same position, nothing else moves).
// A missing final newline is kept by mirroring it: the block is then appended after a line
// break of our own and itself ends without one, so removal takes that line break away again.
import { msg } from '../../../shared/i18n/message.js';
import { MessageError } from '../../../shared/i18n/message-error.js';
export const BEGIN_MARKER = '>>> goproxyctl >>>';
export const END_MARKER = '<<< goproxyctl <<<';

export interface ManagedBlock {
  /** The shell's line-comment token ("#" for sh, bash, zsh, fish and PowerShell). */
  comment: string;
  /** The lines between the markers, without line endings. */
  lines: readonly string[];
  /** Line ending for a file that has none yet (default "\n"). */
  newline?: '\n' | '\r\n';
  /** The block's lines end with LF even in a CRLF file (for shells that read CR as part of a word). */
  lfOnly?: boolean;
}

export class ManagedBlockError extends MessageError {
  override name = 'ManagedBlockError';
}

interface Line {
  start: number; // first byte of the line (after the BOM on line 0)
  contentEnd: number; // end of the text, before "\r\n" or "\n"
  end: number; // after the line ending (== contentEnd when the file ends without one)
}

interface BlockSpan {
  begin: Line;
  end: Line;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function writeManagedBlock(file: Uint8Array, block: ManagedBlock): Buffer {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const spans = findBlocks(bytes, block.comment);
  const eol = block.lfOnly ? '\n' : (detectNewline(bytes) ?? block.newline ?? '\n');
  const text = Buffer.from([`${block.comment} ${BEGIN_MARKER}`, ...block.lines, `${block.comment} ${END_MARKER}`].join(eol), 'utf8');
  const first = spans[0];
  if (first) {
    // Replace the first block in place (keeping whatever ending its end marker had) and drop any
    // further copies a bad merge or a hand edit left behind.
    const rest = removeSpans(bytes.subarray(first.end.contentEnd), spans.slice(1).map((s) => shift(s, -first.end.contentEnd)));
    return Buffer.concat([bytes.subarray(0, first.begin.start), text, rest]);
  }
  const bodyStart = hasBom(bytes) ? BOM.length : 0;
  if (bytes.length === bodyStart) return Buffer.concat([bytes, text, Buffer.from(eol)]);
  if (bytes[bytes.length - 1] === 0x0a) return Buffer.concat([bytes, text, Buffer.from(eol)]);
  return Buffer.concat([bytes, Buffer.from(eol), text]);
}

export function removeManagedBlock(file: Uint8Array, comment = '#'): Buffer {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  return removeSpans(bytes, findBlocks(bytes, comment));
}

/** The text between the markers of the first block (as Latin-1, byte for byte), or null. */
export function readManagedBlock(file: Uint8Array, comment = '#'): string[] | null {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const span = findBlocks(bytes, comment)[0];
  if (!span) return null;
  const lines = splitLines(bytes);
  const from = lines.findIndex((l) => l.start === span.begin.start);
  const to = lines.findIndex((l) => l.start === span.end.start);
  return lines.slice(from + 1, to).map((l) => bytes.toString('latin1', l.start, l.contentEnd));
}

function removeSpans(bytes: Buffer, spans: BlockSpan[]): Buffer {
  const parts: Buffer[] = [];
  let cursor = 0;
  for (const span of spans) {
    let cut = span.begin.start;
    // An end marker without a line ending sits at the end of the file: the line break before the
    // begin marker is the one writeManagedBlock added, so it goes too. It was written with the
    // block's own line ending, which the begin marker line still carries.
    if (span.end.end === span.end.contentEnd && cut > cursor) {
      cut -= span.begin.end - span.begin.contentEnd;
    }
    parts.push(bytes.subarray(cursor, cut));
    cursor = span.end.end;
  }
  parts.push(bytes.subarray(cursor));
  return Buffer.concat(parts);
}

function findBlocks(bytes: Buffer, comment: string): BlockSpan[] {
  const begin = `${comment} ${BEGIN_MARKER}`;
  const end = `${comment} ${END_MARKER}`;
  const spans: BlockSpan[] = [];
  let open: Line | null = null;
  for (const line of splitLines(bytes)) {
    const text = bytes.toString('latin1', line.start, line.contentEnd).trim();
    if (text === begin) {
      if (open) throw new ManagedBlockError(msg('apply.block.unclosed-before-next', { begin, end }));
      open = line;
    } else if (text === end) {
      if (!open) throw new ManagedBlockError(msg('apply.block.unopened', { begin, end }));
      spans.push({ begin: open, end: line });
      open = null;
    }
  }
  if (open) throw new ManagedBlockError(msg('apply.block.unclosed', { begin, end }));
  return spans;
}

function splitLines(bytes: Buffer): Line[] {
  const lines: Line[] = [];
  let start = hasBom(bytes) ? BOM.length : 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0) {
      lines.push({ start, contentEnd: bytes.length, end: bytes.length });
      break;
    }
    const contentEnd = nl > start && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
    lines.push({ start, contentEnd, end: nl + 1 });
    start = nl + 1;
  }
  return lines;
}

/** The file's line ending, judged by its first line break; null when it has none. */
export function detectNewline(bytes: Uint8Array): '\n' | '\r\n' | null {
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) return null;
  return nl > 0 && bytes[nl - 1] === 0x0d ? '\r\n' : '\n';
}

function hasBom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function shift(span: BlockSpan, by: number): BlockSpan {
  const move = (l: Line): Line => ({ start: l.start + by, contentEnd: l.contentEnd + by, end: l.end + by });
  return { begin: move(span.begin), end: move(span.end) };
}
