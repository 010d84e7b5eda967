// Shell scripts (*.sh, .envrc, RUN lines, `run:` blocks, recipes): mvdan/sh (the sh-syntax
// package) checks that the script parses and splits it into top-level statements; the shared
// word splitter then finds the Go variables inside each statement.
import { LangVariant, parse, ParseError } from 'sh-syntax';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { shellFacts, type ShellFacts } from '../../../shared/lint/shell-facts.js';

export interface ShellRead extends ShellFacts {
  notes: Message[];
}

/** `toFile` maps an offset of `script` back to the file (null when it cannot). */
/** `zsh` for .zsh files (mvdan/sh parses zsh's own syntax too); bash otherwise. */
export async function readShell(script: string, toFile: (offset: number) => number | null, where: string, dialect: 'bash' | 'zsh' = 'bash'): Promise<ShellRead> {
  const out: ShellRead = { assignments: [], pipeSplits: [], goEnvWrites: [], removedFlags: [], notes: [] };
  const add = (f: ShellFacts): void => {
    out.assignments.push(...f.assignments);
    out.pipeSplits.push(...f.pipeSplits);
    out.goEnvWrites.push(...f.goEnvWrites);
    out.removedFlags.push(...f.removedFlags);
  };
  let statements: { start: number; end: number }[];
  try {
    const file = await parse(script, { keepComments: false, variant: dialect === 'zsh' ? LangVariant.LangZsh : LangVariant.LangBash });
    const toChar = byteToCharOffsets(script);
    statements = file.Stmts.map((s) => ({ start: toChar(s.Pos.Offset), end: toChar(s.End.Offset) }));
  } catch (err) {
    if (!(err instanceof ParseError) && !(err instanceof SyntaxError)) throw err;
    out.notes.push(msg('lint.note.bad-shell', { where, error: err.message }));
    add(shellFacts(script, toFile, where));
    return out;
  }
  for (const s of statements) add(shellFacts(script.slice(s.start, s.end), (o) => toFile(s.start + o), where));
  return out;
}

/** mvdan/sh reports UTF-8 byte offsets; JavaScript strings index UTF-16 code units. */
function byteToCharOffsets(text: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (b) => b;
  const starts: number[] = [];
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    starts.push(bytes);
    const code = text.codePointAt(i)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (code >= 0x10000) { starts.push(bytes); i++; }
    bytes += size;
  }
  return (b) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
