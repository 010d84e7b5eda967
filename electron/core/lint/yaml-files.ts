// YAML files that set Go variables: GitHub Actions (env at every level, `run:`), GitLab CI
// (`variables:`, `script:`/`before_script:`/`after_script:`), docker-compose (`environment:`,
// `build.args`), Travis (`env:` strings are shell, the phases are shell), goreleaser (`env:`
// lists, hooks). Parsed with the yaml package's Document API, which keeps each node's source range.
import { isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { msg } from '../../../shared/i18n/message.js';
import { isGoLikeName } from '../../../shared/lint/shell-facts.js';
import type { Assignment, LintFacts, LintFileKind } from '../../../shared/lint/types.js';
import { readShell } from './shell.js';

type YamlKind = Extract<LintFileKind, 'github-actions' | 'gitlab-ci' | 'docker-compose' | 'travis' | 'goreleaser'>;

interface Grammar {
  /** Keys whose value is a map (or a list of NAME=value) of environment variables. */
  env: ReadonlySet<string>;
  /** Keys whose value is shell (a string or a list of strings). */
  shell: ReadonlySet<string>;
  /** Strings in an env list are shell (Travis runs `export` on them). */
  envStringsAreShell?: boolean;
  /** Values may reference other variables ($VAR), so a value with "$" is not known. */
  dollarExpands?: boolean;
}

const GRAMMARS: Record<YamlKind, Grammar> = {
  'github-actions': { env: new Set(['env']), shell: new Set(['run']) },
  'gitlab-ci': { env: new Set(['variables']), shell: new Set(['script', 'before_script', 'after_script']), dollarExpands: true },
  'docker-compose': { env: new Set(['environment', 'args']), shell: new Set(), dollarExpands: true },
  travis: {
    env: new Set(['env', 'global', 'jobs', 'matrix']),
    shell: new Set(['before_install', 'install', 'before_script', 'script', 'after_success', 'after_failure', 'after_script', 'before_deploy', 'after_deploy', 'before_cache']),
    envStringsAreShell: true,
  },
  goreleaser: { env: new Set(['env']), shell: new Set(['hooks', 'pre', 'post', 'cmd']) },
};

export async function readYaml(file: string, text: string, kind: YamlKind): Promise<LintFacts> {
  const facts: LintFacts = { file, kind, text, assignments: [], pipeSplits: [], argsOutOfScope: [], goEnvWrites: [], removedFlags: [], notes: [] };
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length > 0) {
    facts.notes.push(msg('lint.note.bad-yaml', { error: doc.errors[0]!.message.split('\n')[0]! }));
    return facts;
  }
  const grammar = GRAMMARS[kind];
  const shellJobs: { node: Scalar; where: string }[] = [];

  const visit = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      for (const item of node.items) {
        const key = isScalar(item.key) ? String(item.key.value) : null;
        if (key === null) continue;
        const here = [...path, key];
        if (grammar.env.has(key) && !(kind === 'travis' && key !== 'env' && path[path.length - 1] !== 'env')) {
          envBlock(item.value, here.join('.'));
          continue;
        }
        if (grammar.shell.has(key)) {
          // A GitHub step with `shell: python` (or pwsh, cmd...) runs no shell script.
          const shell = kind === 'github-actions' ? node.get('shell') : undefined;
          if (typeof shell !== 'string' || /^(bash|sh|zsh)\b/.test(shell)) shellBlock(item.value, here.join('.'));
          continue;
        }
        visit(item.value, here);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, String(i)]));
    }
  };

  const envBlock = (node: unknown, where: string): void => {
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isScalar(item.key)) continue;
        const name = String(item.key.value);
        if (kind === 'travis' && isSeq(item.value)) { envBlock(item.value, `${where}.${name}`); continue; }
        if (!isGoLikeName(name)) continue;
        let value: unknown = item.value;
        if (isMap(value)) value = value.get('value', true); // GitLab: NAME: { value: ..., description: ... }
        facts.assignments.push(scalarAssignment(name, value, text, grammar, where, item.key.range?.[0] ?? 0));
      }
    } else if (isSeq(node)) {
      for (const item of node.items) envBlock(item, where);
    } else if (isScalar(node) && typeof node.value === 'string') {
      if (grammar.envStringsAreShell) shellJobs.push({ node, where });
      else listEntry(node, where);
    }
  };

  const listEntry = (node: Scalar, where: string): void => {
    const s = String(node.value);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(s);
    if (!m || !isGoLikeName(m[1]!)) return;
    const map = scalarOffsets(node, text);
    const value = s.slice(m[0].length);
    const known = !(value.includes('${{') || (grammar.dollarExpands && value.includes('$')) || value.includes('{{'));
    const offsets = map?.slice(m[0].length);
    facts.assignments.push({
      variable: m[1]!,
      value: known ? value : null,
      offset: offsets?.[0] ?? node.range?.[0] ?? 0,
      ...(known && offsets ? { valueOffsets: offsets } : {}),
      syntax: 'plain',
      quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE',
      where,
    });
  };

  const shellBlock = (node: unknown, where: string): void => {
    if (isScalar(node) && typeof node.value === 'string') shellJobs.push({ node, where });
    else if (isSeq(node)) node.items.forEach((item) => shellBlock(item, where));
    else if (isMap(node)) {
      const cmd = node.get('cmd', true);
      if (cmd !== undefined) shellBlock(cmd, where);
      else visit(node, where.split('.'));
    }
  };

  visit(doc.contents, []);
  for (const { node, where } of shellJobs) {
    // `${{ matrix.go }}` is not shell: GitHub replaces it before the shell runs. Masked as an
    // expansion of the same length ($GGG...), so offsets stay and the value counts as unknown.
    const raw = String(node.value);
    const script = kind === 'github-actions' ? raw.replace(/\$\{\{[\s\S]*?\}\}/g, (e) => '$' + 'G'.repeat(e.length - 1)) : raw;
    const map = scalarOffsets(node, text);
    const read = await readShell(script, (o) => (map ? (map[o] ?? (o === script.length ? (map[o - 1] ?? -1) + 1 : null)) : o === 0 ? (node.range?.[0] ?? 0) : null), where);
    facts.assignments.push(...read.assignments);
    facts.pipeSplits.push(...read.pipeSplits);
    facts.removedFlags.push(...read.removedFlags);
    facts.notes.push(...read.notes);
  }
  return facts;
}

/** The text of a YAML scalar's value (string, number, boolean); null for null and anything not a scalar. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return null;
}

function scalarAssignment(name: string, node: unknown, text: string, grammar: Grammar, where: string, keyOffset: number): Assignment {
  const value = isScalar(node) ? scalarText(node.value) : null;
  if (!isScalar(node) || value === null) {
    return { variable: name, value: null, offset: keyOffset, syntax: 'plain', quoted: false, where };
  }
  const known = !(value.includes('${{') || (grammar.dollarExpands && value.includes('$')));
  const map = typeof node.value === 'string' ? scalarOffsets(node, text) : null;
  return {
    variable: name,
    value: known ? value : null,
    offset: node.range?.[0] ?? keyOffset,
    ...(known && map ? { valueOffsets: map } : {}),
    syntax: 'plain',
    quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE',
    where,
  };
}

/**
 * The file offset of each character of a string scalar, when every character is written as
 * itself: plain and quoted one-line scalars without escapes, and literal blocks (`|`). Folded
 * and escaped scalars give null: they are checked, never edited.
 */
export function scalarOffsets(node: Scalar, text: string): number[] | null {
  const range = node.range;
  const value = node.value;
  if (!range || typeof value !== 'string') return null;
  const src = text.slice(range[0], range[1]);
  if (node.type === 'PLAIN' || node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') {
    const inner = node.type === 'PLAIN' ? src : src.slice(1, -1);
    if (inner !== value) return null;
    const base = range[0] + (node.type === 'PLAIN' ? 0 : 1);
    return [...Array(value.length).keys()].map((i) => base + i);
  }
  if (node.type !== 'BLOCK_LITERAL') return null;
  const headerEnd = src.indexOf('\n');
  if (headerEnd < 0) return null;
  const valueLines = value.split('\n');
  const map: number[] = [];
  let lineStart = range[0] + headerEnd + 1;
  const indent = blockIndent(text.slice(lineStart, range[1]));
  for (const [k, line] of valueLines.entries()) {
    const nl = text.indexOf('\n', lineStart);
    const srcLine = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
    if (line !== '' && srcLine.slice(indent) !== line) return null;
    for (let j = 0; j < line.length; j++) map.push(lineStart + indent + j);
    if (k < valueLines.length - 1) map.push(nl < 0 ? text.length : nl);
    lineStart = nl < 0 ? text.length : nl + 1;
  }
  return map;
}

function blockIndent(body: string): number {
  const first = body.split('\n').find((l) => l.trim() !== '');
  return first === undefined ? 0 : first.length - first.trimStart().length;
}
