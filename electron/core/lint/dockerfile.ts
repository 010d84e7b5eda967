// Dockerfile / Containerfile: ARG and ENV (both ENV forms, quotes, ${VAR} expansion), RUN (shell
// form through the shell reader, exec form word by word), build stages, and ARG scope: an ARG
// declared before the first FROM is visible to FROM lines only, unless a stage re-declares it.
// Parsed with the dockerfile-ast package (it loads fine under Node's ESM through its CommonJS
// named exports).
import { DockerfileParser, type Instruction, type Property } from 'dockerfile-ast';
import { isGoLikeName } from '../../../shared/lint/shell-facts.js';
import { lineIndex } from '../../../shared/lint/positions.js';
import type { Assignment, LintFacts } from '../../../shared/lint/types.js';
import { readShell } from './shell.js';

/** The settings for which an ARG outside every stage is a mistake (not e.g. GO_VERSION for FROM). */
interface Position {
  line: number;
  character: number;
}

const GO_SETTINGS = new Set(['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS', 'GO111MODULE', 'GOAUTH', 'GOTOOLCHAIN']);

export async function readDockerfile(file: string, text: string): Promise<LintFacts> {
  const facts: LintFacts = { file, kind: 'dockerfile', text, assignments: [], pipeSplits: [], argsOutOfScope: [], goEnvWrites: [], removedFlags: [], notes: [] };
  const lines = lineIndex(text);
  const offsetOf = (p: Position): number => lines.startOf(p.line + 1) + p.character;
  const dockerfile = DockerfileParser.parse(text);
  const globalArgs = new Map<string, { offset: number; value: string | null }>();
  const redeclared = new Set<string>();
  let stage: { name: string; scope: Map<string, string | null>; fromOffset: number } | null = null;
  let stageCount = 0;

  const outOfScopeRefs = (raw: string, at: number): void => {
    if (stage === null) return;
    for (const m of raw.matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
      const name = m[1]!;
      if (globalArgs.has(name) && GO_SETTINGS.has(name) && !stage.scope.has(name)) {
        facts.argsOutOfScope.push({ variable: name, declaredAt: globalArgs.get(name)!.offset, offset: at + (m.index ?? 0), stage: stage.name });
      }
    }
  };
  const resolve = (raw: string): string | null => {
    let unknown = false;
    const out = raw.replace(/\$\{([A-Za-z_]\w*)(?::?[-+][^}]*)?\}|\$([A-Za-z_]\w*)/g, (_all, a: string | undefined, b: string | undefined) => {
      const v = stage?.scope.get((a ?? b)!);
      if (v === undefined || v === null) unknown = true;
      return v ?? '';
    });
    return unknown ? null : out;
  };

  for (const instr of dockerfile.getInstructions()) {
    const keyword = instr.getKeyword();
    const start = offsetOf(instr.getRange().start);
    if (keyword === 'FROM') {
      stageCount++;
      const as = /\sAS\s+(\S+)/i.exec(instr.getRawArgumentsContent() ?? '');
      stage = { name: as ? as[1]! : `#${stageCount}`, scope: new Map(), fromOffset: start };
      continue;
    }
    if (keyword === 'ARG') {
      for (const p of propertiesOf(instr)) {
        const name = p.getName();
        const value = p.getValue();
        if (stage === null) {
          globalArgs.set(name, { offset: offsetOf(p.getNameRange().start), value });
        } else {
          if (globalArgs.has(name)) redeclared.add(name);
          stage.scope.set(name, value ?? globalArgs.get(name)?.value ?? null);
        }
        if (value !== null && isGoLikeName(name)) facts.assignments.push(propertyAssignment(p, text, offsetOf, stage === null ? 'ARG (before FROM)' : 'ARG'));
      }
      continue;
    }
    if (keyword === 'ENV') {
      for (const p of propertiesOf(instr)) {
        const name = p.getName();
        const range = p.getValueRange();
        const raw = range ? text.slice(offsetOf(range.start), offsetOf(range.end)) : '';
        const at = range ? offsetOf(range.start) : offsetOf(p.getNameRange().start);
        outOfScopeRefs(raw, at);
        if (!raw.includes('$')) {
          stage?.scope.set(name, p.getValue());
          if (isGoLikeName(name) && p.getValue() !== null) facts.assignments.push(propertyAssignment(p, text, offsetOf, 'ENV'));
          continue;
        }
        const value = resolve(p.getValue() ?? '');
        stage?.scope.set(name, value);
        // `ENV GOPROXY=$GOPROXY` after `ARG GOPROXY=...`: the ARG's value was checked already.
        const sameArg = new RegExp(`^\\$\\{?${name}\\}?$`).test(raw.replace(/^"|"$/g, ''));
        if (isGoLikeName(name) && !sameArg) facts.assignments.push({ variable: name, value, offset: at, syntax: 'plain', quoted: raw.startsWith('"'), where: 'ENV' });
      }
      continue;
    }
    if (keyword === 'RUN') {
      const argsRange = instr.getArgumentsRange();
      if (!argsRange) continue;
      const argStart = offsetOf(argsRange.start);
      const argText = text.slice(argStart, offsetOf(argsRange.end));
      outOfScopeRefs(argText, argStart);
      const exec = execForm(argText);
      const script = exec ?? argText.replace(/^(\s*--\S+)+/, (flags) => ' '.repeat(flags.length));
      const read = await readShell(script, exec ? (o) => (o === 0 ? argStart : null) : (o) => argStart + o, `line ${lines.lineOf(start)}: RUN`);
      // Variables a RUN line sets for its own commands are shell words, except the stage's ENV.
      facts.assignments.push(...read.assignments);
      facts.pipeSplits.push(...read.pipeSplits);
      facts.removedFlags.push(...read.removedFlags);
      facts.notes.push(...read.notes);
      for (const w of read.goEnvWrites) facts.goEnvWrites.push(w);
    }
  }
  for (const [name, arg] of globalArgs) {
    if (!GO_SETTINGS.has(name) || redeclared.has(name) || stageCount === 0) continue;
    if (facts.argsOutOfScope.some((o) => o.variable === name)) continue;
    facts.argsOutOfScope.push({ variable: name, declaredAt: arg.offset, offset: arg.offset, stage: stage?.name ?? '#1' });
  }
  return facts;
}

function propertiesOf(instr: Instruction): Property[] {
  const withProps = instr as Instruction & { getProperties?: () => Property[]; getProperty?: () => Property | null };
  if (withProps.getProperties) return withProps.getProperties();
  const one = withProps.getProperty?.();
  return one ? [one] : [];
}

/** A literal ARG/ENV value; its characters map back to the file when it has no escapes. */
function propertyAssignment(p: Property, text: string, offsetOf: (pos: Position) => number, where: string): Assignment {
  const range = p.getValueRange()!;
  const start = offsetOf(range.start);
  const raw = text.slice(start, offsetOf(range.end));
  const value = p.getValue() ?? '';
  const quoted = /^(["']).*\1$/s.test(raw);
  const inner = quoted ? raw.slice(1, -1) : raw;
  const base = quoted ? start + 1 : start;
  const mappable = inner === value;
  return {
    variable: p.getName(),
    value,
    offset: start,
    ...(mappable ? { valueOffsets: [...value].map((_, i) => base + i) } : {}),
    syntax: 'plain',
    quoted,
    where,
  };
}

/** RUN ["go", "env", "-w", "GOPROXY=..."]: the words single-quoted for the shell reader, or null for the shell form. */
function execForm(args: string): string | null {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return null;
  try {
    const words = JSON.parse(trimmed) as unknown;
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) return null;
    const list = words;
    if (/(^|\/)(ba|da|z)?sh$/.test(list[0] ?? '') && list[1] === '-c' && list[2] !== undefined) return list[2];
    return list.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  } catch {
    return null;
  }
}
