// Readers of one shell statement or one line, for rc-scan.ts: what a simple statement assigns
// (strictly: anything unusual is not simple), and what assignment-looking text a line holds
// wherever it sits (leniently: it is only reported, never edited). Pure.
import type { RcLayout, RcStatementSpan } from './rc-scan.js';

export interface Parsed {
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

export function simplePwshStatement(src: string): Parsed[] | null {
  if (src.includes('\n') || src.includes(';')) return null;
  const parsed = lineLevelPwsh(src.trim());
  return parsed.length > 0 ? parsed : null;
}

// Line-level readers: find assignment-looking text on one line wherever it sits (a conditional's
// body, a string, a heredoc), so it can be reported with its context. They never decide movability.

export function lineLevelSh(line: string): Parsed[] {
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

export function lineLevelFish(line: string): Parsed[] {
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

export function lineLevelPwsh(line: string): Parsed[] {
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
