// Finds where a shell startup file sets (or unsets) Go variables, and whether each place may be
// edited: sh/bash/zsh `export NAME=value` (also `declare -x`, `typeset -x`), fish `set -x` /
// `set -gx` / `set -Ux` / `--export`, PowerShell `$env:NAME = value`. Pure: the caller reads the
// file (as Latin-1, so one character is one byte) and hands over its layout: the top-level
// statements a real parser found (electron/core/doctor/rc-parse.ts). Only a simple top-level
// statement that is alone on its line(s) is `movable`; anything else (inside a conditional, a
// function, a multi-line string, a heredoc, a continued command, sharing its line) is reported
// with its context and never edited.

import { lineLevelFish, lineLevelPwsh, lineLevelSh, simpleFishStatement, simplePwshStatement, simpleShStatement } from './rc-statements.js';
import { render } from '../i18n/catalog.js';
import { msg, type Message } from '../i18n/message.js';

export type RcSyntax = 'sh' | 'fish' | 'pwsh';

/** Where an assignment sits, which decides whether it may be commented out. */
export type RcContext =
  | 'top-level' // a statement of its own, at the top of the file
  | 'shares-line' // the statement holds other commands or assignments, or shares its line
  | 'function' // runs only when the function is called
  | 'conditional' // if/elif/else, case, `&&`/`||`
  | 'loop' // while/until/for/select
  | 'subshell' // ( ... ): never reaches the shell itself
  | 'group' // { ... } or fish begin ... end
  | 'string' // text inside a multi-line quoted string: not a command at all
  | 'heredoc' // text inside a here-document
  | 'continuation' // part of a command continued from an earlier line
  | 'after-bom' // the first line of a file with a byte-order mark: sh and fish read the BOM as part of its first word
  | 'unparsable'; // the file does not parse: nothing in it is touched

export interface RcAssignment {
  file: string;
  /** 1-based line the statement starts on. */
  line: number;
  /** 1-based last physical line of the statement (== line unless it is continued over several lines). */
  endLine: number;
  variable: string;
  /** The value the shell would assign, or null for an unset or a value with expansions ($, `, globs). */
  value: string | null;
  action: 'set' | 'unset';
  /** The first line as written (without its line ending). */
  text: string;
  syntax: RcSyntax;
  inManagedBlock: boolean;
  context: RcContext;
  /** Safe to comment out (every line from line to endLine) and move: top-level, alone, literal. */
  movable: boolean;
  /** Why the file does not parse (context 'unparsable'). */
  parseError?: string;
}

/** A top-level statement as a parser saw it (1-based lines, inclusive). */
export interface RcStatementSpan {
  firstLine: number;
  lastLine: number;
  /** Offsets into the text (characters == bytes, Latin-1), end exclusive. */
  start: number;
  end: number;
}

/** What a real parser says about a file: its top-level statements, or why it does not parse. */
export type RcLayout = { ok: true; statements: RcStatementSpan[] } | { ok: false; error: string };

const BEGIN = '>>> goproxyctl >>>';
const END = '<<< goproxyctl <<<';
const BOM = /^(\uFEFF|\u00EF\u00BB\u00BF)/;

export function scanRcText(text: string, file: string, syntax: RcSyntax, variables: readonly string[], layout: RcLayout): RcAssignment[] {
  const lines = text.split('\n').map((l, i) => {
    const noCr = l.endsWith('\r') ? l.slice(0, -1) : l;
    return i === 0 ? noCr.replace(BOM, '') : noCr;
  });
  const blockLines = managedBlockLineSet(lines);
  // bash, zsh and fish do not skip a byte-order mark: `<BOM>export X=1` is a command named
  // "<BOM>export", so the first line is not the assignment it looks like (PowerShell skips it).
  const bomLine = syntax !== 'pwsh' && BOM.test(text) ? 1 : 0;
  const found: RcAssignment[] = [];
  const covered = new Set<number>();
  const add = (a: Omit<RcAssignment, 'file' | 'syntax' | 'inManagedBlock' | 'movable' | 'text'>): void => {
    if (!variables.includes(a.variable)) return;
    const inManagedBlock = blockLines.has(a.line);
    const movable = !inManagedBlock && a.context === 'top-level' && a.action === 'set' && a.value !== null;
    found.push({ ...a, file, syntax, text: lines[a.line - 1] ?? '', inManagedBlock, movable });
  };

  // 1. Simple top-level statements, straight from the parser's spans.
  if (layout.ok) {
    for (const st of layout.statements) {
      const simple = syntax === 'sh' ? simpleShStatement(text.slice(st.start, st.end)) : syntax === 'fish' ? simpleFishStatement(text.slice(st.start, st.end)) : simplePwshStatement(text.slice(st.start, st.end));
      if (simple === null) continue;
      for (let l = st.firstLine; l <= st.lastLine; l++) covered.add(l);
      const alone = aloneOnItsLines(st, layout.statements) && simple.length === 1;
      const context = st.firstLine === bomLine ? 'after-bom' : alone ? 'top-level' : 'shares-line';
      for (const p of simple) add({ line: st.firstLine, endLine: st.lastLine, variable: p.variable, value: p.value, action: p.action, context });
    }
  }

  // 2. Every other line that looks like an assignment: reported with where it sits, never movable.
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (covered.has(lineNo)) return;
    const trimmed = line.trim();
    if (trimmed.startsWith('#') && !(syntax === 'pwsh' && trimmed.startsWith('<#'))) return;
    const parsed = syntax === 'sh' ? lineLevelSh(trimmed) : syntax === 'fish' ? lineLevelFish(trimmed) : lineLevelPwsh(trimmed);
    if (parsed.length === 0) return;
    const context = layout.ok ? contextOf(lineNo, lines, layout.statements, text, syntax) : 'unparsable';
    for (const p of parsed) add({ line: lineNo, endLine: lineNo, variable: p.variable, value: p.value, action: p.action, context, ...(layout.ok ? {} : { parseError: layout.error }) });
  });
  return found.sort((a, b) => a.line - b.line);
}

/** Why an assignment is left alone, as a message; null when it is movable. */
export function whyNotMovableMessage(a: RcAssignment): Message | null {
  if (a.movable) return null;
  if (a.inManagedBlock) return msg('ops.doctor.unmovable.managed-block');
  if (a.action === 'unset') return msg('ops.doctor.unmovable.unset');
  if (a.context === 'unparsable' && a.parseError) return msg('ops.doctor.unmovable.parse-error', { error: a.parseError });
  if (a.context === 'top-level') return msg('ops.doctor.unmovable.expansion');
  return msg(`ops.doctor.unmovable.${a.context}`);
}

/** The same reason in both languages, for callers that still word their sentences in both (use's verify). */
export function whyNotMovable(a: RcAssignment): { en: string; zh: string } | null {
  const why = whyNotMovableMessage(a);
  return why === null ? null : { en: render('en', why), zh: render('zh-CN', why) };
}

function managedBlockLineSet(lines: readonly string[]): Set<number> {
  const inside = new Set<number>();
  let open = false;
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t.startsWith('#') && t.includes(BEGIN)) open = true;
    if (open) inside.add(i + 1);
    if (t.startsWith('#') && t.includes(END)) open = false;
  });
  return inside;
}

function aloneOnItsLines(st: RcStatementSpan, all: readonly RcStatementSpan[]): boolean {
  return all.every((o) => o === st || o.lastLine < st.firstLine || o.firstLine > st.lastLine);
}

/** The context of a line that is not a simple top-level statement. */
function contextOf(lineNo: number, lines: readonly string[], statements: readonly RcStatementSpan[], text: string, syntax: RcSyntax): RcContext {
  const st = statements.find((s) => s.firstLine <= lineNo && lineNo <= s.lastLine);
  // In a file that parsed, a non-blank, non-comment line outside every statement is a heredoc body.
  if (!st) return 'heredoc';
  const compound = compoundKind(text.slice(st.start, st.end), syntax);
  if (compound) return compound;
  if (lineNo > st.firstLine) return endsWithContinuation(lines[lineNo - 2] ?? '') ? 'continuation' : 'string';
  return syntax === 'sh' && /(&&|\|\|)/.test(text.slice(st.start, st.end)) ? 'conditional' : 'shares-line';
}

function endsWithContinuation(line: string): boolean {
  const m = /\\+$/.exec(line);
  return m !== null && m[0].length % 2 === 1;
}

/** The kind of compound command a statement is, from its first word; null for a plain command. */
function compoundKind(statement: string, syntax: RcSyntax): RcContext | null {
  const s = statement.replace(/^[\s!]+/, '');
  const word = /^[^\s;&|()<>]+/.exec(s)?.[0] ?? s.slice(0, 1);
  if (syntax === 'fish') {
    if (word === 'function') return 'function';
    if (word === 'if' || word === 'switch' || word === 'and' || word === 'or' || word === 'not') return 'conditional';
    if (word === 'while' || word === 'for') return 'loop';
    if (word === 'begin') return 'group';
    return null;
  }
  if (syntax === 'pwsh') return /^function\b/i.test(s) ? 'function' : /^(if|switch)\b/i.test(s) ? 'conditional' : null;
  if (word === 'if' || word === 'case' || word === '[[' || word === '[' || word === 'test') return 'conditional';
  if (word === 'while' || word === 'until' || word === 'for' || word === 'select' || word === 'repeat') return 'loop';
  if (word === 'function' || /^[^\s=()]+\s*\(\s*\)/.test(s)) return 'function';
  if (s.startsWith('(')) return 'subshell';
  if (word === '{' || s.startsWith('{')) return 'group';
  return null;
}
