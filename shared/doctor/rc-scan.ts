// Finds where a shell startup file sets (or unsets) Go variables, and whether each place may be
// edited: sh/bash/zsh `export NAME=value` (also `declare -x`, `typeset -x`), fish `set -x` /
// `set -gx` / `set -Ux` / `--export`, PowerShell `$env:NAME = value`. Pure: the caller reads the
// file (as Latin-1, so one character is one byte) and hands over its layout: the top-level
// statements a real parser found (electron/core/doctor/rc-parse.ts). Only a simple top-level
// statement that is alone on its line(s) is `movable`; anything else (inside a conditional, a
// function, a multi-line string, a heredoc, a continued command, sharing its line) is reported
// with its context and never edited.

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

/** Why an assignment is left alone, in both languages; null when it is movable. */
export function whyNotMovable(a: RcAssignment): { en: string; zh: string } | null {
  if (a.movable) return null;
  if (a.inManagedBlock) return { en: "it is in goproxyctl's own managed block", zh: '它位于 goproxyctl 自己的管理区块中' };
  if (a.action === 'unset') return { en: 'it unsets the variable', zh: '它取消设置该变量' };
  const byContext: Record<RcContext, { en: string; zh: string } | null> = {
    'top-level': null,
    'shares-line': { en: 'it shares its statement or line with other commands or assignments', zh: '它与其他命令或赋值共用一条语句或同一行' },
    function: { en: 'it is inside a function, which runs only when called', zh: '它位于函数内，只在函数被调用时执行' },
    conditional: { en: 'it is inside a condition (if, case, && or ||), so it runs only sometimes', zh: '它位于条件语句中（if、case、&& 或 ||），只在某些情况下执行' },
    loop: { en: 'it is inside a loop', zh: '它位于循环内' },
    subshell: { en: 'it is inside a subshell ( ... ) or a command substitution', zh: '它位于子 shell ( ... ) 或命令替换中' },
    group: { en: 'it is inside a { ... } or begin ... end block', zh: '它位于 { ... } 或 begin ... end 代码块中' },
    string: { en: 'it is text inside a multi-line quoted string, not a command', zh: '它是多行引号字符串中的文本，并不是命令' },
    heredoc: { en: 'it is text inside a here-document, not a command', zh: '它是 here-document 中的文本，并不是命令' },
    continuation: { en: 'it continues a command from the line before (a trailing backslash)', zh: '它是上一行命令的续行（行尾反斜杠）' },
    'after-bom': { en: 'the file starts with a byte-order mark, which the shell reads as part of this line\'s first word', zh: '文件以字节顺序标记（BOM）开头，shell 会把它当作这一行第一个词的一部分' },
    unparsable: { en: 'the file does not parse as shell code, so goproxyctl does not edit it', zh: '该文件无法按 shell 语法解析，goproxyctl 不会编辑它' },
  };
  if (a.context === 'unparsable' && a.parseError) {
    return { en: `the file could not be parsed (${a.parseError}), so goproxyctl does not edit it`, zh: `无法解析该文件（${a.parseError}），goproxyctl 不会编辑它` };
  }
  const reason = byContext[a.context];
  if (reason) return reason;
  return { en: 'its value uses shell expansions ($, `, globs)', zh: '它的值使用了 shell 展开（$、`、通配符）' };
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

interface Parsed {
  variable: string;
  value: string | null;
  action: 'set' | 'unset';
}

const NAME = /^[A-Za-z_]\w*$/;

/**
 * A statement (as the parser delimited it) that is nothing but `export NAME=value...` (or
 * `declare -x`/`typeset -x`/`unset`), possibly continued with backslash-newline and followed by a
 * comment; null for anything else (operators, redirections, substitutions, multi-line strings).
 * Values with expansions come back as null. Bash, zsh and sh agree on everything accepted here.
 */
export function simpleShStatement(src: string): Parsed[] | null {
  const words: { raw: string; text: string; literal: boolean }[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#' || c === ';') {
      // Only a trailing ";" and a trailing comment (to the end of its line, the statement's last).
      const rest = c === ';' ? src.slice(i + 1).replace(/^[ \t\r]*(#[^\n]*)?/, '') : src.slice(src.indexOf('\n', i) < 0 ? n : src.indexOf('\n', i));
      if (rest.trim() !== '') return null;
      break;
    }
    if ('&|<>()\n`'.includes(c)) return null;
    let text = '';
    let literal = true;
    const from = i;
    while (i < n && !' \t\r\n;&|<>()'.includes(src[i]!)) {
      const ch = src[i]!;
      if (ch === '\\') {
        const next = src[i + 1];
        if (next === '\n') {
          i += 2;
          continue;
        }
        if (next === undefined || next === '\r') return null;
        text += next;
        i += 2;
      } else if (ch === "'") {
        const close = src.indexOf("'", i + 1);
        if (close < 0 || src.slice(i + 1, close).includes('\n')) return null;
        text += src.slice(i + 1, close);
        i = close + 1;
      } else if (ch === '"') {
        let j = i + 1;
        while (j < n && src[j] !== '"') {
          const d = src[j]!;
          if (d === '\n') return null;
          if (d === '\\') {
            const next = src[j + 1] ?? '';
            if (next === '\n') return null;
            if ('$`"\\'.includes(next)) {
              text += next;
              j += 2;
              continue;
            }
          }
          if (d === '$' || d === '`' || d === '!') literal = false;
          text += d;
          j++;
        }
        if (j >= n) return null;
        i = j + 1;
      } else {
        if ('$`*?[]{}~!'.includes(ch)) literal = false;
        text += ch;
        i++;
      }
    }
    words.push({ raw: src.slice(from, i), text, literal });
  }
  const [cmd, ...args] = words;
  if (!cmd) return null;
  const plain = /^([A-Za-z_]\w*)=/.exec(cmd.raw);
  if (plain) {
    // `NAME=value` alone changes an exported variable (e.g. one our env script exported earlier);
    // `NAME=value cmd` only sets it for that command.
    if (args.length > 0) return null;
    return [{ variable: plain[1]!, value: cmd.literal ? cmd.text.slice(plain[0].length) : null, action: 'set' }];
  }
  if (cmd.raw === 'unset') {
    const names = args.filter((a) => !/^-[vf]*$/.test(a.raw));
    if (!names.every((a) => NAME.test(a.raw))) return null;
    return names.map((a) => ({ variable: a.raw, value: null, action: 'unset' as const }));
  }
  let rest = args;
  if (cmd.raw === 'declare' || cmd.raw === 'typeset') {
    const flags = args.filter((a) => a.raw.startsWith('-'));
    if (flags.length === 0 || !flags.every((f) => /^-[gx]+$/.test(f.raw)) || !flags.some((f) => f.raw.includes('x'))) return null;
    rest = args.filter((a) => !a.raw.startsWith('-'));
  } else if (cmd.raw !== 'export') return null;
  const results: Parsed[] = [];
  for (const a of rest) {
    const eq = a.raw.indexOf('=');
    if (eq < 0 && NAME.test(a.raw)) continue; // `export NAME`: marks an existing variable, sets nothing
    if (eq <= 0 || !NAME.test(a.raw.slice(0, eq))) return null;
    results.push({ variable: a.raw.slice(0, eq), value: a.literal ? a.text.slice(eq + 1) : null, action: 'set' });
  }
  return results.length > 0 ? results : null;
}

/** fish: `set` with --export (-x) or --erase (-e), one variable, nothing else in the statement. */
export function simpleFishStatement(src: string): Parsed[] | null {
  const joined = src.replace(/\\\r?\n/g, '');
  if (/[\n;|&()<>]/.test(joined.replace(/\s*#[^\n]*$/, '').replace(/'[^']*'|"[^"]*"/g, ''))) return null;
  const parsed = lineLevelFish(joined.trim());
  return parsed.length > 0 ? parsed : null;
}

function simplePwshStatement(src: string): Parsed[] | null {
  if (src.includes('\n') || src.includes(';')) return null;
  const parsed = lineLevelPwsh(src.trim());
  return parsed.length > 0 ? parsed : null;
}

// Line-level readers: find assignment-looking text on one line wherever it sits (a conditional's
// body, a string, a heredoc), so it can be reported with its context. They never decide movability.

function lineLevelSh(line: string): Parsed[] {
  const words = shWords(line);
  if (words === null) return [];
  const results: Parsed[] = [];
  let start = 0;
  const statements: ShWord[][] = [];
  words.forEach((w, i) => {
    if (w.op) {
      statements.push(words.slice(start, i));
      start = i + 1;
    }
  });
  statements.push(words.slice(start));
  for (const st of statements) {
    // Skip keywords that introduce a command (then, do, else, `{`, `!`) to reach it.
    let k = 0;
    while (k < st.length && (['then', 'do', 'else', '{', '!', '(', 'time'].includes(st[k]!.raw) || /^\(?[^=]*\)$/.test(st[k]!.raw))) k++; // also a case pattern `a)`
    const [cmd, ...args] = st.slice(k);
    if (!cmd || cmd.op) continue;
    const plain = /^([A-Za-z_]\w*)=/.exec(cmd.raw);
    if (plain && args.length === 0) {
      results.push({ variable: plain[1]!, value: cmd.expands ? null : cmd.text.slice(cmd.text.indexOf('=') + 1), action: 'set' });
      continue;
    }
    let rest = args;
    if (cmd.raw === 'export' || cmd.raw === 'local' || cmd.raw === 'readonly') rest = args.filter((a) => !a.raw.startsWith('-'));
    else if ((cmd.raw === 'declare' || cmd.raw === 'typeset') && args.some((a) => /^-\w*x/.test(a.raw))) rest = args.filter((a) => !a.raw.startsWith('-'));
    else if (cmd.raw === 'unset') {
      for (const a of args) if (!a.raw.startsWith('-')) results.push({ variable: a.raw, value: null, action: 'unset' });
      continue;
    } else continue;
    if (cmd.raw === 'local') continue; // a function's own variable: never reaches go
    for (const a of rest) {
      const eq = a.raw.indexOf('=');
      if (eq <= 0) continue;
      const variable = a.raw.slice(0, eq);
      if (!NAME.test(variable)) continue;
      results.push({ variable, value: a.expands ? null : a.text.slice(a.text.indexOf('=') + 1), action: 'set' });
    }
  }
  return results;
}

interface ShWord {
  raw: string;
  text: string;
  expands: boolean;
  op: boolean;
}

/** Splits one line of sh into words and operators, leniently (an open quote ends the line). */
function shWords(line: string): ShWord[] | null {
  const words: ShWord[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === ';' || c === '&' || c === '|') {
      let j = i + 1;
      while (j < line.length && (line[j] === '&' || line[j] === '|' || line[j] === ';')) j++;
      words.push({ raw: line.slice(i, j), text: line.slice(i, j), expands: false, op: true });
      i = j;
      continue;
    }
    let text = '';
    let expands = false;
    const from = i;
    while (i < line.length && !' \t;&|'.includes(line[i]!)) {
      const ch = line[i]!;
      if (ch === "'" || ch === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== ch) {
          if (ch === '"' && line[j] === '\\' && j + 1 < line.length) {
            text += line[j + 1];
            j += 2;
            continue;
          }
          if (ch === '"' && (line[j] === '$' || line[j] === '`')) expands = true;
          text += line[j];
          j++;
        }
        i = Math.min(j + 1, line.length);
      } else if (ch === '\\') {
        if (i + 1 < line.length) text += line[i + 1];
        i += 2;
      } else {
        if (ch === '$' || ch === '`') expands = true;
        text += ch;
        i++;
      }
    }
    words.push({ raw: line.slice(from, i), text, expands, op: false });
  }
  return words;
}

function lineLevelFish(line: string): Parsed[] {
  const words = fishWords(line);
  if (words === null) return [];
  let k = 0;
  while (k < words.length && ['and', 'or', 'not', 'begin', 'else', 'builtin', 'command'].includes(words[k]!.raw)) k++;
  if (words[k]?.raw === 'if' || words[k]?.raw === 'while') k++;
  if (words[k]?.text !== 'set') return [];
  const args = words.slice(k + 1);
  const flags = args.filter((w) => w.raw.startsWith('-'));
  const rest = args.filter((w) => !w.raw.startsWith('-'));
  const has = (short: string, long: string): boolean => flags.some((f) => f.raw === `--${long}` || (/^-[a-zA-Z]+$/.test(f.raw) && f.raw.includes(short)));
  const name = rest[0];
  if (!name || !NAME.test(name.text)) return [];
  if (has('e', 'erase')) return [{ variable: name.text, value: null, action: 'unset' }];
  if (!has('x', 'export')) return [];
  const values = rest.slice(1);
  // A fish list exports joined with spaces (or ":" for PATH-like names, not ours).
  const expands = values.some((v) => v.expands);
  return [{ variable: name.text, value: expands ? null : values.map((v) => v.text).join(' '), action: 'set' }];
}

function fishWords(line: string): { raw: string; text: string; expands: boolean }[] | null {
  const words: { raw: string; text: string; expands: boolean }[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ' || line[i] === '\t') {
      i++;
      continue;
    }
    if (line[i] === '#' || line[i] === ';') break;
    const from = i;
    let text = '';
    let expands = false;
    while (i < line.length && !' \t;#'.includes(line[i]!)) {
      const ch = line[i]!;
      if (ch === "'" || ch === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== ch) {
          if (line[j] === '\\' && (ch === '"' ? '"$\\' : "'\\").includes(line[j + 1] ?? '')) {
            text += line[j + 1];
            j += 2;
            continue;
          }
          if (ch === '"' && line[j] === '$') expands = true;
          text += line[j];
          j++;
        }
        if (j >= line.length) return null;
        i = j + 1;
      } else if (ch === '\\') {
        text += line[i + 1] ?? '';
        i += 2;
      } else {
        if (ch === '$' || ch === '(' || ch === '*' || ch === '{' || ch === '~') expands = true;
        text += ch;
        i++;
      }
    }
    words.push({ raw: line.slice(from, i), text, expands });
  }
  return words;
}

function lineLevelPwsh(line: string): Parsed[] {
  const m = /^\$env:([A-Za-z_]\w*)\s*=\s*(.*)$/i.exec(line);
  if (!m) {
    const rm = /^Remove-Item\s+(?:-Path\s+|-LiteralPath\s+)?Env:\\?([A-Za-z_]\w*)/i.exec(line);
    return rm ? [{ variable: rm[1]!, value: null, action: 'unset' }] : [];
  }
  const variable = m[1]!;
  const rhs = m[2]!.trim();
  const single = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(rhs);
  if (single) return [{ variable, value: single[1]!.replace(/''/g, "'"), action: 'set' }];
  const double = /^"([^"`$]*)"\s*(#.*)?$/.exec(rhs);
  if (double) return [{ variable, value: double[1]!, action: 'set' }];
  if (rhs === '$null' || rhs === "''" || rhs === '""') return [{ variable, value: null, action: 'unset' }];
  return [{ variable, value: null, action: 'set' }];
}

/**
 * PowerShell profiles are scanned line by line (goproxyctl only writes its block there, it never
 * comments lines out of them): each line is its own statement unless it opens a brace block.
 */
export function pwshLayout(text: string): RcLayout {
  const statements: RcStatementSpan[] = [];
  let offset = 0;
  let depth = 0;
  let open: RcStatementSpan | null = null;
  text.split('\n').forEach((line, i) => {
    const start = offset;
    offset += line.length + 1;
    const body = line.replace(/#.*$/, '');
    const before = depth;
    for (const ch of body) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    depth = Math.max(0, depth);
    if (before === 0) {
      if (body.trim() === '') return;
      open = { firstLine: i + 1, lastLine: i + 1, start, end: start + line.length };
      statements.push(open);
    } else if (open) {
      open.lastLine = i + 1;
      open.end = start + line.length;
    }
  });
  return { ok: true, statements };
}
