// Finds the lines of a shell startup file that set (or unset) Go variables, with their line
// numbers: sh/bash/zsh `export NAME=value` (also `declare -x`, `typeset -x`), fish `set -x` /
// `set -gx` / `set -Ux` / `--export`, PowerShell `$env:NAME = value`. Pure: the caller reads the
// file (as Latin-1, so offsets are bytes) and says which syntax it uses. Lines inside our managed
// block and lines inside functions (which run only when called) are marked, not dropped.

export type RcSyntax = 'sh' | 'fish' | 'pwsh';

export interface RcAssignment {
  file: string;
  /** 1-based. */
  line: number;
  variable: string;
  /** The value the shell would assign, or null for an unset or a value with expansions ($, `). */
  value: string | null;
  action: 'set' | 'unset';
  /** The line as written (without its line ending). */
  text: string;
  syntax: RcSyntax;
  inManagedBlock: boolean;
  inFunction: boolean;
  /** The statement is the whole line (nothing else on it but a comment), so the line can be commented out safely. */
  wholeLine: boolean;
}

const BEGIN = '>>> goproxyctl >>>';
const END = '<<< goproxyctl <<<';

export function scanRcText(text: string, file: string, syntax: RcSyntax, variables: readonly string[]): RcAssignment[] {
  const found: RcAssignment[] = [];
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let inBlock = false;
  let fnDepth = 0;
  lines.forEach((raw, i) => {
    const line = i === 0 ? raw.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '') : raw;
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) {
      if (trimmed.includes(BEGIN)) inBlock = true;
      else if (trimmed.includes(END)) inBlock = false;
      return;
    }
    const opensFunction = syntax === 'fish' ? /^function\s/.test(trimmed) : /^(function\s+[\w:.-]+|[\w:.-]+\s*\(\s*\))\s*(\{|$)/.test(trimmed);
    const parsed = syntax === 'sh' ? parseSh(trimmed) : syntax === 'fish' ? parseFish(trimmed) : parsePwsh(trimmed);
    const depthBefore = fnDepth;
    if (syntax === 'fish') {
      if (opensFunction) fnDepth++;
      else if (fnDepth > 0 && /^(if|for|while|switch|begin)\b/.test(trimmed)) fnDepth++;
      else if (fnDepth > 0 && /^end\b/.test(trimmed)) fnDepth--;
    } else if (opensFunction || fnDepth > 0) {
      fnDepth = Math.max(0, fnDepth + braceDelta(trimmed));
      if (opensFunction && !trimmed.includes('{')) fnDepth++; // `f()` with "{" on the next line
    }
    for (const a of parsed) {
      if (!variables.includes(a.variable)) continue;
      found.push({
        file,
        line: i + 1,
        variable: a.variable,
        value: a.value,
        action: a.action,
        text: line,
        syntax,
        inManagedBlock: inBlock,
        inFunction: depthBefore > 0 || opensFunction,
        wholeLine: a.wholeLine && !opensFunction,
      });
    }
  });
  return found;
}

interface Parsed {
  variable: string;
  value: string | null;
  action: 'set' | 'unset';
  wholeLine: boolean;
}

function parseSh(line: string): Parsed[] {
  const words = shWords(line);
  if (words === null) return [];
  const results: Parsed[] = [];
  // Statements separated by ";" or "&&": look at each one.
  let start = 0;
  const statements: { words: ShWord[]; whole: boolean }[] = [];
  words.forEach((w, i) => {
    if (w.op) {
      statements.push({ words: words.slice(start, i), whole: false });
      start = i + 1;
    }
  });
  statements.push({ words: words.slice(start), whole: start === 0 });
  for (const st of statements) {
    const [cmd, ...args] = st.words;
    if (!cmd || cmd.op) continue;
    let rest = args;
    if (cmd.text === 'export' || cmd.raw === 'export') rest = args.filter((a) => !a.raw.startsWith('-'));
    else if ((cmd.raw === 'declare' || cmd.raw === 'typeset') && args.some((a) => /^-\w*x/.test(a.raw))) rest = args.filter((a) => !a.raw.startsWith('-'));
    else if (cmd.raw === 'unset') {
      for (const a of args) if (!a.raw.startsWith('-')) results.push({ variable: a.raw, value: null, action: 'unset', wholeLine: st.whole && args.length === 1 });
      continue;
    } else continue;
    for (const a of rest) {
      const eq = a.raw.indexOf('=');
      if (eq <= 0) continue;
      const variable = a.raw.slice(0, eq);
      if (!/^[A-Za-z_]\w*$/.test(variable)) continue;
      results.push({ variable, value: a.expands ? null : a.text.slice(a.text.indexOf('=') + 1), action: 'set', wholeLine: st.whole && rest.length === 1 });
    }
  }
  return results;
}

interface ShWord {
  /** As written. */
  raw: string;
  /** After quote removal. */
  text: string;
  /** Contains an unquoted or double-quoted $ or a backtick: the value is not literal. */
  expands: boolean;
  /** A control operator (; && || | &) rather than a word. */
  op: boolean;
}

/** Splits one line of sh into words and operators; null when a quote is left open (a multi-line value). */
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
      while (j < line.length && (line[j] === '&' || line[j] === '|')) j++;
      words.push({ raw: line.slice(i, j), text: line.slice(i, j), expands: false, op: true });
      i = j;
      continue;
    }
    let text = '';
    let expands = false;
    const from = i;
    while (i < line.length && !' \t;&|'.includes(line[i]!)) {
      const ch = line[i]!;
      if (ch === "'") {
        const close = line.indexOf("'", i + 1);
        if (close < 0) return null;
        text += line.slice(i + 1, close);
        i = close + 1;
      } else if (ch === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"') {
          if (line[j] === '\\' && j + 1 < line.length && '$`"\\'.includes(line[j + 1]!)) {
            text += line[j + 1];
            j += 2;
            continue;
          }
          if (line[j] === '$' || line[j] === '`') expands = true;
          text += line[j];
          j++;
        }
        if (j >= line.length) return null;
        i = j + 1;
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

function parseFish(line: string): Parsed[] {
  const words = fishWords(line);
  if (words === null || words[0]?.text !== 'set') return [];
  const flags = words.slice(1).filter((w) => w.raw.startsWith('-'));
  const rest = words.slice(1).filter((w) => !w.raw.startsWith('-'));
  const has = (short: string, long: string): boolean => flags.some((f) => f.raw === `--${long}` || (/^-[a-zA-Z]+$/.test(f.raw) && f.raw.includes(short)));
  const name = rest[0];
  if (!name) return [];
  if (has('e', 'erase')) return [{ variable: name.text, value: null, action: 'unset', wholeLine: true }];
  if (!has('x', 'export')) return [];
  const values = rest.slice(1);
  // A fish list exports joined with spaces (or ":" for PATH-like names, not ours).
  const expands = values.some((v) => v.expands);
  return [{ variable: name.text, value: expands ? null : values.map((v) => v.text).join(' '), action: 'set', wholeLine: true }];
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
        if (ch === '$' || ch === '(' || ch === '*' || ch === '{') expands = true;
        text += ch;
        i++;
      }
    }
    words.push({ raw: line.slice(from, i), text, expands });
  }
  return words;
}

function parsePwsh(line: string): Parsed[] {
  const m = /^\$env:([A-Za-z_]\w*)\s*=\s*(.*)$/i.exec(line);
  if (!m) {
    const rm = /^Remove-Item\s+(?:-Path\s+|-LiteralPath\s+)?Env:\\?([A-Za-z_]\w*)/i.exec(line);
    return rm ? [{ variable: rm[1]!, value: null, action: 'unset', wholeLine: true }] : [];
  }
  const variable = m[1]!;
  const rhs = m[2]!.trim();
  const single = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(rhs);
  if (single) return [{ variable, value: single[1]!.replace(/''/g, "'"), action: 'set', wholeLine: true }];
  const double = /^"([^"`$]*)"\s*(#.*)?$/.exec(rhs);
  if (double) return [{ variable, value: double[1]!, action: 'set', wholeLine: true }];
  if (rhs === '$null' || rhs === "''" || rhs === '""') return [{ variable, value: null, action: 'unset', wholeLine: true }];
  return [{ variable, value: null, action: 'set', wholeLine: !rhs.includes(';') }];
}

/** Net "{" minus "}" outside quotes (for function bodies). */
function braceDelta(line: string): number {
  let delta = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (ch === '{') delta++;
    else if (ch === '}') delta--;
  }
  return delta;
}
