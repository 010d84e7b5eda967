// The top-level statements of a fish file, for rc-scan.ts. fish is not sh (blocks close with
// `end`, quotes and escapes differ, `(...)` is command substitution), so the sh parser cannot read
// it, and there is no fish parser for JavaScript short of fish itself (which is not always
// installed when the doctor runs, and whose --no-execute only says yes or no). The questions asked
// here are narrow: where does each top-level statement start and end, and does every block,
// quote and substitution close. That needs quotes, escapes, comments, backslash continuation,
// `(...)` nesting and the block keywords (if/function/begin/while/for/switch ... end), nothing more.
import type { RcLayout, RcStatementSpan } from './rc-scan.js';

const OPENERS = new Set(['if', 'function', 'begin', 'while', 'for', 'switch']);
/** Keywords after which the next word is again a command. */
const PREFIXES = new Set(['and', 'or', 'not', 'else', 'begin', 'if', 'while', 'time', 'builtin', 'command', 'exec']);

export function fishLayout(text: string): RcLayout {
  const statements: RcStatementSpan[] = [];
  let line = 1;
  let depth = 0;
  let parens = 0;
  let atCommand = true;
  let current: RcStatementSpan | null = null;
  let i = 0;
  const n = text.length;
  const endStatement = (end: number): void => {
    if (current && depth === 0 && parens === 0) {
      current.end = end;
      statements.push(current);
      current = null;
    }
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      endStatement(i);
      atCommand = true; // a new line starts a new command, at the top, in a block or in ( ... )
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      line++;
      i += 2;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;(]/.test(text[i - 1]!))) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (!current) current = { firstLine: line, lastLine: line, start: i, end: i };
    current.lastLine = line;
    if (c === ';' || c === '&' || c === '|') {
      if (c === ';' || (c === '&' && text[i + 1] !== '&' && text[i - 1] !== '&')) endStatement(i + 1);
      atCommand = true;
      i++;
      continue;
    }
    if (c === '(') {
      parens++;
      atCommand = true;
      i++;
      continue;
    }
    if (c === ')') {
      parens--;
      if (parens < 0) return { ok: false, error: `line ${line}: ")" without "("` };
      atCommand = false;
      i++;
      continue;
    }
    // A word: quotes, escapes and plain characters up to a separator.
    const wordStart = i;
    let plain = true;
    while (i < n && !/[\s;&|()]/.test(text[i]!)) {
      const ch = text[i]!;
      if (ch === "'" || ch === '"') {
        plain = false;
        const quoteLine = line;
        let j = i + 1;
        while (j < n && text[j] !== ch) {
          if (text[j] === '\\') j++;
          else if (ch === '"' && text[j] === '$' && text[j + 1] === '(') return { ok: false, error: `line ${line}: command substitution inside a double-quoted string is not supported here` };
          if (text[j] === '\n') line++;
          j++;
        }
        if (j >= n) return { ok: false, error: `line ${quoteLine}: the quote ${ch} is never closed` };
        i = j + 1;
      } else if (ch === '\\') {
        plain = false;
        if (text[i + 1] === '\n') line++;
        i += 2;
      } else i++;
    }
    if (current) current.lastLine = line;
    const word = text.slice(wordStart, i);
    if (atCommand && plain) {
      if (word === 'end') {
        depth--;
        if (depth < 0) return { ok: false, error: `line ${line}: "end" without a block to close` };
        atCommand = false;
        continue;
      }
      if (word === 'else') {
        // `else if` continues the same block.
        const next = /^[ \t]+if(?=[\s;])/.exec(text.slice(i));
        if (next) i += next[0].length;
        atCommand = true;
        continue;
      }
      if (OPENERS.has(word)) depth++;
      atCommand = PREFIXES.has(word);
      continue;
    }
    atCommand = false;
  }
  if (depth > 0) return { ok: false, error: `line ${line}: a block (if/function/begin/while/for/switch) is never closed with "end"` };
  if (parens > 0) return { ok: false, error: `line ${line}: "(" is never closed` };
  endStatement(n);
  return { ok: true, statements };
}
