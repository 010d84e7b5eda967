// Makefile and *.mk: variable assignments (=, :=, ::=, ?=, +=, `export`, target-specific), and
// recipes, which make expands ($(VAR), ${VAR}, $$) and hands to the shell line by line. A make
// variable that is not exported is a name of the build script, not of go's environment, so it is
// never called an unknown go variable; its value is still checked, since recipes pass it on.
import { isGoLikeName } from '../../../shared/lint/shell-facts.js';
import type { Assignment, LintFacts } from '../../../shared/lint/types.js';
import { readShell } from './shell.js';

const ASSIGN = /^((?:(?:export|override|private)\s+)*)([A-Za-z_][A-Za-z0-9_.-]*)\s*(::?=|:::=|\?=|\+=|!=|=)[ \t]*/;
const TARGET_ASSIGN = /^[^:=#\t][^:=#]*?:(?!=)\s*((?:(?:export|override|private)\s+)*)([A-Za-z_][A-Za-z0-9_]*)\s*(::?=|\?=|\+=|=)[ \t]*/;

interface Logical {
  text: string;
  /** File offset of each character of text. */
  map: number[];
  start: number;
}

export async function readMakefile(file: string, text: string): Promise<LintFacts> {
  const facts: LintFacts = { file, kind: 'makefile', text, assignments: [], pipeSplits: [], argsOutOfScope: [], goEnvWrites: [], removedFlags: [], notes: [] };
  const logical = logicalLines(text);
  const vars = new Map<string, string | null>();
  const exported = new Set<string>();
  let exportAll = false;
  const recipes: Logical[] = [];
  const pending: { a: Assignment; name: string }[] = [];
  let inRule = false;
  for (const l of logical) {
    if (l.text.startsWith('\t') && inRule) {
      recipes.push(l);
      continue;
    }
    const body = l.text.replace(/^\s+/, '');
    if (body === '' || body.startsWith('#')) continue;
    if (/^\.EXPORT_ALL_VARIABLES\s*:/.test(body)) exportAll = true;
    const exportOnly = /^export\s+([A-Za-z_][\w\s]*)$/.exec(body);
    if (exportOnly) {
      for (const n of exportOnly[1]!.trim().split(/\s+/)) exported.add(n);
      continue;
    }
    const m = ASSIGN.exec(body) ?? TARGET_ASSIGN.exec(body);
    if (m) {
      const name = m[2]!;
      const lead = l.text.length - body.length;
      const valueStart = lead + m[0].length;
      const raw = stripComment(l.text.slice(valueStart)).replace(/\s+$/, '');
      const literal = m[3] !== '!=' && !raw.includes('$');
      if (m[1]!.includes('export')) exported.add(name);
      const previous = vars.get(name);
      vars.set(name, !literal ? null : m[3] === '+=' && previous !== undefined ? (previous === null ? null : `${previous} ${raw}`) : m[3] === '?=' && previous !== undefined ? previous : raw);
      inRule = ASSIGN.exec(body) === null; // a target-specific assignment belongs to a rule
      if (isGoLikeName(name)) {
        const offsets = l.map.slice(valueStart, valueStart + raw.length);
        const contiguous = offsets.every((o, i) => i === 0 || o === offsets[i - 1]! + 1);
        pending.push({
          name,
          a: {
            variable: name,
            value: literal && m[3] !== '+=' ? raw : null,
            offset: l.map[valueStart] ?? l.start,
            ...(literal && contiguous && m[3] !== '+=' ? { valueOffsets: offsets } : {}),
            syntax: 'plain',
            quoted: false,
            where: 'make variable',
          },
        });
      }
      continue;
    }
    inRule = /^[^=#]*:/.test(body) && !/^(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|define|endef)\b/.test(body);
  }
  for (const { a, name } of pending) facts.assignments.push(exportAll || exported.has(name) ? a : { ...a, local: true });
  for (const r of recipes) {
    const { text: script, map } = expandRecipe(r, vars);
    const read = await readShell(script, (o) => map[o] ?? null, `line ${lineOf(text, r.start)}: recipe`);
    // `GOPROXY=$(GOPROXY) go build`: the make variable's own line was checked already.
    facts.assignments.push(...read.assignments.filter((a) => a.valueOffsets !== undefined || a.value === null || vars.get(a.variable) !== a.value));
    facts.pipeSplits.push(...read.pipeSplits);
    facts.removedFlags.push(...read.removedFlags);
    facts.notes.push(...read.notes);
  }
  return facts;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') n++;
  return n;
}

/** Lines joined across backslash-newline (kept in the text for recipes: the shell removes them). */
function logicalLines(text: string): Logical[] {
  const out: Logical[] = [];
  let cur: Logical = { text: '', map: [], start: 0 };
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === undefined || (ch === '\n' && !endsWithOddBackslashes(cur.text))) {
      out.push(cur);
      cur = { text: '', map: [], start: i + 1 };
      continue;
    }
    if (ch === '\r') continue;
    cur.text += ch;
    cur.map.push(i);
  }
  return out;
}

function endsWithOddBackslashes(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function stripComment(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '#') return s.slice(0, i);
  }
  return s;
}

/** What make hands to the shell: the recipe prefix removed, $$ → $, known variables substituted. */
function expandRecipe(r: Logical, vars: Map<string, string | null>): { text: string; map: (number | null)[] } {
  let i = /^\t[@+-]*/.exec(r.text)![0].length;
  let text = '';
  const map: (number | null)[] = [];
  while (i < r.text.length) {
    const ch = r.text[i]!;
    if (ch === '$') {
      const n = r.text[i + 1];
      if (n === '$') { text += '$'; map.push(r.map[i + 1]!); i += 2; continue; }
      const ref = makeReference(r.text, i);
      if (ref) {
        const value = ref.name !== null ? vars.get(ref.name) : undefined;
        // An unknown expansion stays an expansion for the shell reader (its value is not known).
        const replacement = typeof value === 'string' ? value : '${MAKE_EXPANSION}';
        for (let k = 0; k < replacement.length; k++) { text += replacement[k]; map.push(k === 0 ? r.map[i]! : null); }
        i = ref.end;
        continue;
      }
    }
    text += ch;
    map.push(r.map[i]!);
    i++;
  }
  return { text, map };
}

/** A make reference at text[i] ("$"): $(NAME), ${NAME}, $X, or a function call with nested references. */
function makeReference(text: string, i: number): { name: string | null; end: number } | null {
  const open = text[i + 1];
  if (open !== '(' && open !== '{') return /[A-Za-z_]/.test(open ?? '') ? { name: open!, end: i + 2 } : null;
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === open) depth++;
    else if (text[j] === close && --depth === 0) {
      const inner = text.slice(i + 2, j);
      return { name: /^[A-Za-z_][\w.-]*$/.test(inner) ? inner : null, end: j + 1 };
    }
  }
  return null;
}
