// Go variables set by a shell script (a RUN line, a `run:` block, a recipe, a .envrc): export and
// prefix assignments, `env NAME=...`, `go env -w NAME=...`, `docker build --build-arg NAME=...`;
// `NAME=a|b` split into a pipeline by the shell; go commands with flags go no longer has.
import { shellCommands, type ShCommand, type ShWord } from './shell-words.js';
import type { Assignment, PipeSplit, RemovedFlag } from './types.js';

export interface ShellFacts {
  assignments: Assignment[];
  pipeSplits: PipeSplit[];
  /** Offsets (in the file) of each `go env -w`, with the variables it writes. */
  goEnvWrites: { offset: number; variables: string[] }[];
  removedFlags: RemovedFlag[];
}

/** Names lint looks at: go's variables and look-alikes (GO_PROXY, GONOSUMCHECK). */
export function isGoLikeName(name: string): boolean {
  return /^GO[A-Z0-9_]*$/.test(name);
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const PROXY_ENTRY = /^(?:https?:\/\/|file:\/\/|direct$|off$|[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[:/]|$))/i;

/**
 * `toFile` maps an offset of `script` to the file (null when the reader cannot map it back,
 * e.g. folded YAML): such values are still checked, but never fixed.
 */
export function shellFacts(script: string, toFile: (offset: number) => number | null, where: string): ShellFacts {
  const facts: ShellFacts = { assignments: [], pipeSplits: [], goEnvWrites: [], removedFlags: [] };
  const commands = shellCommands(script);
  const at = (offset: number): number => toFile(offset) ?? toFile(0) ?? 0;
  const assign = (word: ShWord, how: string): void => {
    const m = ASSIGNMENT.exec(word.raw);
    if (!m || !isGoLikeName(m[1]!)) return;
    const eq = word.text.indexOf('=');
    const map = word.map.slice(eq + 1).map((o) => toFile(o));
    const mapped = map.every((o): o is number => o !== null);
    facts.assignments.push({
      variable: m[1]!,
      value: word.expands ? null : word.text.slice(eq + 1),
      offset: at(word.map[eq + 1] ?? word.start),
      ...(mapped && !word.expands && contiguousOrQuoted(word, eq) ? { valueOffsets: map } : {}),
      syntax: 'shell',
      quoted: word.quoted,
      where: `${where}: ${how}`,
    });
  };
  commands.forEach((cmd, index) => {
    const words = cmd.words;
    const split = pipeSplitAt(commands, index, toFile);
    const splitWord = split ? words[words.length - 1] : undefined;
    let k = 0;
    while (k < words.length && ASSIGNMENT.test(words[k]!.raw)) {
      if (words[k] !== splitWord) assign(words[k]!, 'assignment');
      k++;
    }
    if (split) {
      facts.pipeSplits.push({ ...split, offset: at(split.scriptOffset) });
      facts.assignments.push({ variable: split.variable, value: split.intended, offset: at(split.scriptOffset), syntax: 'shell', quoted: false, where: `${where}: assignment` });
    }
    const name = words[k]?.text;
    if (name === undefined) return;
    const rest = words.slice(k + 1);
    if (['export', 'declare', 'typeset', 'readonly', 'local'].includes(name)) {
      for (const w of rest) if (ASSIGNMENT.test(w.raw) && w !== splitWord) assign(w, name);
      return;
    }
    if (name === 'env') {
      let j = 0;
      while (j < rest.length && (rest[j]!.raw.startsWith('-') || ASSIGNMENT.test(rest[j]!.raw))) {
        if (ASSIGNMENT.test(rest[j]!.raw)) assign(rest[j]!, 'env');
        j++;
      }
      goCommand(rest.slice(j));
      return;
    }
    if (name === 'docker' || name === 'podman' || name === 'buildah') {
      rest.forEach((w, j) => {
        if (w.text === '--build-arg' && rest[j + 1]) assign(rest[j + 1]!, '--build-arg');
        else if (w.text.startsWith('--build-arg=')) assign({ ...w, raw: w.raw.slice(12), text: w.text.slice(12), map: w.map.slice(12) }, '--build-arg');
      });
      return;
    }
    goCommand(words.slice(k));
  });
  return facts;

  function goCommand(ws: ShWord[]): void {
    const [cmd, ...args] = ws;
    if (!cmd || !/(^|\/)go(1\.\d+(\.\d+)?)?$/.test(cmd.text)) return;
    if (args[0]?.text === 'env' && args.some((a) => a.text === '-w')) {
      const set = args.filter((a) => ASSIGNMENT.test(a.raw));
      for (const a of set) assign(a, 'go env -w');
      facts.goEnvWrites.push({ offset: at(cmd.start), variables: set.map((a) => ASSIGNMENT.exec(a.raw)![1]!) });
    }
    for (const a of args) if (/^--?insecure(=.*)?$/.test(a.text)) facts.removedFlags.push({ flag: a.text, offset: at(a.start) });
  }
}

/** The value is a plain word or one quoted run, so wrapping or editing it keeps its meaning. */
function contiguousOrQuoted(word: ShWord, eq: number): boolean {
  const value = word.raw.slice(word.raw.indexOf('=') + 1);
  return /^[^'"\\$`]*$/.test(value) || /^'[^']*'$/.test(value) || /^"[^"\\$`]*"$/.test(value) || eq < 0;
}

/** `NAME=a` followed by `| b | c`, where b and c look like GOPROXY entries. */
function pipeSplitAt(commands: ShCommand[], index: number, toFile: (o: number) => number | null): (Omit<PipeSplit, 'offset'> & { scriptOffset: number }) | null {
  const cmd = commands[index]!;
  const last = cmd.words[cmd.words.length - 1];
  if (cmd.after !== '|' || !last) return null;
  const m = ASSIGNMENT.exec(last.raw);
  if (!m || !isGoLikeName(m[1]!) || last.expands) return null;
  // The assignment must be the command's own (export NAME=a, or a prefix with nothing after it).
  const before = cmd.words.slice(0, -1);
  if (!before.every((w) => ASSIGNMENT.test(w.raw) || ['export', 'declare', 'typeset', 'readonly', 'local', 'env'].includes(w.text) || w.raw.startsWith('-'))) return null;
  const parts = [last.text.slice(last.text.indexOf('=') + 1)];
  let plain = !last.quoted;
  let endWord: ShWord | null = null;
  for (let j = index + 1; j < commands.length; j++) {
    const next = commands[j]!;
    const first = next.words[0];
    if (!first || !PROXY_ENTRY.test(first.text)) break;
    parts.push(first.text);
    plain = plain && !first.quoted && !first.expands;
    endWord = first;
    if (next.after !== '|' || next.words.length > 1) break;
  }
  if (endWord === null) return null;
  const valueStart = last.map[last.text.indexOf('=') + 1] ?? last.end;
  const start = toFile(valueStart);
  const end = toFile(endWord.end - 1);
  const span = plain && start !== null && end !== null ? { start, end: end + 1 } : undefined;
  return { variable: m[1]!, intended: parts.join('|'), scriptOffset: valueStart, ...(span ? { span } : {}) };
}
