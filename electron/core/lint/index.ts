// `goproxyctl lint` and `doctor --project`: read each file with its own syntax, run the shared
// rules, and (for --fix) turn the certain edits into new file contents.
import { readFile } from 'node:fs/promises';
import { lintFacts } from '../../../shared/lint/rules.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import type { LintFacts, LintFileKind, LintResult, TextEdit } from '../../../shared/lint/types.js';
import { discoverFiles, type FoundFile } from './discover.js';
import { readDockerfile } from './dockerfile.js';
import { readMakefile } from './makefile.js';
import { readShell } from './shell.js';
import { readYaml } from './yaml-files.js';

export { discoverFiles, fileKindOf, LintPathError } from './discover.js';

export interface LintReport {
  files: { file: string; kind: LintFileKind }[];
  findings: LintResult[];
  /** What could not be read (syntax errors), one message each. */
  notes: Message[];
}

export async function readFacts(file: string, kind: LintFileKind, text: string): Promise<LintFacts> {
  switch (kind) {
    case 'dockerfile':
      return readDockerfile(file, text);
    case 'makefile':
      return readMakefile(file, text);
    case 'shell': {
      const read = await readShell(text, (o) => o, 'script', /\.zsh$/i.test(file) ? 'zsh' : 'bash');
      return { file, kind, text, assignments: read.assignments, pipeSplits: read.pipeSplits, argsOutOfScope: [], goEnvWrites: [], removedFlags: read.removedFlags, notes: read.notes };
    }
    default:
      return readYaml(file, text, kind);
  }
}

export async function lintText(file: string, kind: LintFileKind, text: string): Promise<{ findings: LintResult[]; notes: Message[] }> {
  const facts = await readFacts(file, kind, text);
  return { findings: lintFacts(facts), notes: facts.notes.map((note) => msg('lint.note.in-file', { file, note })) };
}

/** `display` turns a path into the name shown in findings (relative to the working directory). */
export async function lintPaths(paths: readonly string[], display: (file: string) => string = (f) => f): Promise<LintReport> {
  const files: FoundFile[] = await discoverFiles(paths);
  const report: LintReport = { files: files.map((f) => ({ file: display(f.file), kind: f.kind })), findings: [], notes: [] };
  for (const f of files) {
    const text = await readFile(f.file, 'utf8');
    const { findings, notes } = await lintText(display(f.file), f.kind, text);
    report.findings.push(...findings);
    report.notes.push(...notes);
  }
  return report;
}

/** The text with every certain edit made; overlapping edits keep the first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  const seen = new Set<string>();
  for (const e of sorted) {
    const key = `${e.start}:${e.end}:${e.text}`;
    if (e.start < at || seen.has(key)) continue;
    seen.add(key);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
