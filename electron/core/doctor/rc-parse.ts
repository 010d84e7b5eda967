// The layout of a shell startup file (its top-level statements) from a real parser: mvdan/sh
// (the `sh-syntax` WASM build) for bash, zsh and POSIX sh; the small fish scanner for fish; lines
// for PowerShell. rc-scan.ts decides from this layout what may be edited. A file that does not
// parse gets { ok: false }: nothing in it is edited, and the user is told why.
import { LangVariant, parse } from 'sh-syntax';
import { fishLayout } from '../../../shared/doctor/fish-layout.js';
import { shellAccepts } from '../apply/rc-syntax-check.js';
import { scanRcText, type RcAssignment, type RcLayout, type RcSyntax } from '../../../shared/doctor/rc-scan.js';
import { pwshLayout } from '../../../shared/doctor/rc-statements.js';

/** Which sh dialect a file is written in: the shell that reads it. */
export type ShDialect = 'bash' | 'zsh' | 'posix';

export interface RcSource {
  syntax: RcSyntax;
  /** For syntax 'sh': which shell reads the file (zsh has syntax bash rejects, and the reverse). */
  dialect?: ShDialect;
  /**
   * Also ask the shell itself (bash -n, zsh -n, fish --no-execute, found on this environment's
   * PATH): the parser is more lenient in places (`f() {` followed by CR), and a file the shell
   * cannot read is not edited.
   */
  checkWith?: NodeJS.ProcessEnv;
}

// One parse at a time: every call instantiates the Go WASM runtime, which is not built to run
// several instances interleaved in one event loop.
let queue: Promise<unknown> = Promise.resolve();

/** The layout of `text` (the file's bytes as Latin-1: one character per byte, offsets are bytes). */
export async function rcLayout(text: string, source: RcSource): Promise<RcLayout> {
  if (source.syntax === 'fish') return fishLayout(text);
  if (source.syntax === 'pwsh') return pwshLayout(text);
  const run = queue.then(() => shLayout(text, source.dialect ?? 'bash'));
  queue = run.catch(() => undefined);
  return run;
}

async function shLayout(text: string, dialect: ShDialect): Promise<RcLayout> {
  // The parser counts offsets in UTF-8 bytes. Every byte outside ASCII becomes "x" (a word
  // character, as the shells treat such bytes) so offsets stay byte offsets; a leading BOM
  // becomes spaces, NUL bytes "x". A CR becomes "x" too: bash and zsh read it as part of the word
  // before it (the parser would skip it as blank), so in a CRLF file `fi\r` closes nothing and a
  // heredoc's `EOF\r` ends nothing, and the layout must say so, as the shells do.
  const ascii = text.replace(/^\u00EF\u00BB\u00BF/, '   ').replace(/[\u0080-\u00ff\0\r]/g, 'x');
  const variant = dialect === 'zsh' ? LangVariant.LangZsh : dialect === 'posix' ? LangVariant.LangPOSIX : LangVariant.LangBash;
  try {
    const file = await parse(ascii, { variant, keepComments: false });
    return {
      ok: true,
      statements: file.Stmts.map((s) => ({ firstLine: s.Pos.Line, lastLine: s.End.Line, start: s.Pos.Offset, end: s.End.Offset })),
    };
  } catch (err) {
    const e = err as { Text?: string; Pos?: { Line: number }; message?: string };
    const where = e.Pos?.Line ? `line ${e.Pos.Line}: ` : '';
    return { ok: false, error: `${where}${e.Text ?? e.message ?? String(err)}`.replace(/^\d+:\d+: /, '') };
  }
}

/** Go-variable assignments in a file's bytes, each with its context and whether it may be moved. */
export async function scanRcBytes(bytes: Buffer, file: string, source: RcSource, variables: readonly string[]): Promise<{ layout: RcLayout; assignments: RcAssignment[] }> {
  // Latin-1 keeps one character per byte (rc files may hold any bytes); values are re-read as UTF-8.
  const text = bytes.toString('latin1');
  let layout = await rcLayout(text, source);
  const shell = source.syntax === 'fish' ? 'fish' : source.syntax === 'sh' && source.dialect !== 'posix' ? (source.dialect ?? 'bash') : null;
  if (layout.ok && shell && source.checkWith) {
    const verdict = await shellAccepts(shell, bytes, source.checkWith);
    if (verdict && !verdict.accepted) layout = { ok: false, error: `${shell} cannot read it: ${verdict.message}` };
  }
  const assignments = scanRcText(text, file, source.syntax, variables, layout).map((a) => ({
    ...a,
    value: a.value === null ? null : Buffer.from(a.value, 'latin1').toString('utf8'),
    text: Buffer.from(a.text, 'latin1').toString('utf8'),
  }));
  return { layout, assignments };
}
