// A POSIX-shell word splitter for lint: simple commands, their words (quotes removed, with the
// offset of every character so a fix can edit the source) and the operator after each command.
// The reader first checks that the script parses with a real shell parser (mvdan/sh); this only
// has to find words and operators, which is what makes `GOPROXY=a|b` a pipeline in sh.

export interface ShWord {
  /** As written. */
  raw: string;
  /** After quote removal; expansions kept as written. */
  text: string;
  start: number;
  end: number;
  /** Has a $ or ` expansion outside single quotes: the value is not known. */
  expands: boolean;
  /** Some part of it was quoted or escaped. */
  quoted: boolean;
  /** The input offset of each character of `text`. */
  map: number[];
}

export interface ShCommand {
  words: ShWord[];
  /** The operator that ends the command: "|", "||", "&&", ";", "&", "\n", "(", ")" or "" at the end. */
  after: string;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'time', 'esac']);

export function shellCommands(src: string): ShCommand[] {
  const commands: ShCommand[] = [];
  let words: ShWord[] = [];
  let pendingHeredocs: { delim: string; stripTabs: boolean }[] = [];
  let skipNextWord = false;
  let i = 0;
  const end = (op: string): void => {
    while (words.length > 0 && KEYWORDS.has(words[0]!.raw)) words.shift();
    if (words.length > 0 || op === '|') commands.push({ words, after: op });
    words = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (c === '\n') {
      end('\n');
      i++;
      if (pendingHeredocs.length > 0) {
        i = skipHeredocs(src, i, pendingHeredocs);
        pendingHeredocs = [];
      }
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '||' || two === '&&' || two === ';;' || two === '|&') { end(two === '|&' ? '|' : two); i += 2; continue; }
    if (c === '|' || c === ';' || c === '&' || c === '(' || c === ')') { end(c); i++; continue; }
    if (c === '<' || c === '>') {
      if (src.startsWith('<<', i) && src[i + 2] !== '<') {
        let j = i + 2;
        const stripTabs = src[j] === '-';
        if (stripTabs) j++;
        while (src[j] === ' ' || src[j] === '\t') j++;
        const w = readWord(src, j);
        pendingHeredocs.push({ delim: w.word.text, stripTabs });
        i = w.next;
        continue;
      }
      i++;
      while (src[i] === '>' || src[i] === '&' || src[i] === '|' || src[i] === '<') i++;
      if (/[0-9-]/.test(src[i] ?? '') && src[i - 1] === '&') { while (/[0-9-]/.test(src[i] ?? '')) i++; continue; }
      skipNextWord = true;
      continue;
    }
    const { word, next } = readWord(src, i);
    i = next;
    if ((src[i] === '>' || src[i] === '<') && /^\d+$/.test(word.raw)) continue; // a file descriptor number
    if (skipNextWord) { skipNextWord = false; continue; }
    words.push(word);
  }
  end('');
  return commands;
}

function skipHeredocs(src: string, from: number, docs: { delim: string; stripTabs: boolean }[]): number {
  let i = from;
  for (const doc of docs) {
    while (i < src.length) {
      const nl = src.indexOf('\n', i);
      const lineEnd = nl < 0 ? src.length : nl;
      let line = src.slice(i, lineEnd).replace(/\r$/, '');
      if (doc.stripTabs) line = line.replace(/^\t+/, '');
      i = nl < 0 ? src.length : nl + 1;
      if (line === doc.delim) break;
    }
  }
  return i;
}

const WORD_END = new Set([' ', '\t', '\r', '\n', '|', '&', ';', '(', ')', '<', '>']);

function readWord(src: string, from: number): { word: ShWord; next: number } {
  let i = from;
  let text = '';
  const map: number[] = [];
  let expands = false;
  let quoted = false;
  const put = (ch: string, at: number): void => { text += ch; map.push(at); };
  const putRange = (a: number, b: number): void => { for (let k = a; k < b; k++) put(src[k]!, k); };
  while (i < src.length && !WORD_END.has(src[i]!)) {
    const ch = src[i]!;
    if (ch === "'") {
      quoted = true;
      const close = src.indexOf("'", i + 1);
      const stop = close < 0 ? src.length : close;
      putRange(i + 1, stop);
      i = stop + 1;
    } else if (ch === '"') {
      quoted = true;
      let j = i + 1;
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          if (n === '\n') { j += 2; continue; }
          if ('$`"\\'.includes(n)) { put(n, j + 1); j += 2; continue; }
        }
        if (src[j] === '$' || src[j] === '`') {
          expands = true;
          const e = expansionEnd(src, j);
          putRange(j, e);
          j = e;
          continue;
        }
        put(src[j]!, j);
        j++;
      }
      i = j + 1;
    } else if (ch === '\\') {
      if (src[i + 1] === '\n') { i += 2; continue; }
      quoted = true;
      if (i + 1 < src.length) put(src[i + 1]!, i + 1);
      i += 2;
    } else if (ch === '$' || ch === '`') {
      const e = expansionEnd(src, i);
      if (e > i + 1 || ch === '`') expands = true;
      putRange(i, e);
      i = e;
    } else {
      put(ch, i);
      i++;
    }
  }
  return { word: { raw: src.slice(from, Math.min(i, src.length)), text, start: from, end: Math.min(i, src.length), expands, quoted, map }, next: i };
}

/** The end of an expansion starting at src[i] ("$" or "`"): $name, ${...}, $(...), $((...)), `...`. */
function expansionEnd(src: string, i: number): number {
  if (src[i] === '`') {
    const close = src.indexOf('`', i + 1);
    return close < 0 ? src.length : close + 1;
  }
  const n = src[i + 1];
  if (n === '{' || n === '(') {
    const open = n;
    const close = n === '{' ? '}' : ')';
    let depth = 0;
    let quote: string | null = null;
    for (let j = i + 1; j < src.length; j++) {
      const ch = src[j]!;
      if (quote) {
        if (ch === quote) quote = null;
        else if (ch === '\\' && quote === '"') j++;
        continue;
      }
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '\\') j++;
      else if (ch === open) depth++;
      else if (ch === close && --depth === 0) return j + 1;
    }
    return src.length;
  }
  let j = i + 1;
  if (n !== undefined && /[@*#?$!0-9-]/.test(n)) return j + 1;
  while (j < src.length && /\w/.test(src[j]!)) j++;
  return j;
}
