// `goproxyctl lint [PATH ...]`: GOPROXY/GOSUMDB/GOPRIVATE mistakes in Dockerfiles, Makefiles, CI
// YAML, compose files, shell scripts and .envrc files, as text, JSON or SARIF. --fix makes the
// certain edits (",", "|" between public mirrors; quoting a "|" list in shell) through the apply
// engine, so `goproxyctl undo` reverts them.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toSarif } from '../../../shared/lint/sarif.js';
import type { LintFinding } from '../../../shared/lint/types.js';
import { applyFiles, ApplyRefusedError, type FileChange } from '../../core/apply/apply-files.js';
import { productDirs } from '../../core/apply/product-dirs.js';
import { unifiedDiff } from '../../core/apply/unified-diff.js';
import { applyEdits, lintPaths, LintPathError, type LintReport } from '../../core/lint/index.js';
import { EXIT, UsageError, writeJson, type CliCommand, type CliIo } from '../command.js';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const command: CliCommand = {
  name: 'lint',
  summary: 'cli.lint.summary',
  usage: {
    lines: ['goproxyctl lint [PATH ...] [options]'],
    about: 'cli.lint.about',
    options: {
      format: { value: 'text|json|sarif', text: 'cli.lint.option.format' },
      fix: { text: 'cli.lint.option.fix' },
    },
    examples: ['goproxyctl lint', 'goproxyctl lint ci/ Dockerfile --format sarif > lint.sarif', 'goproxyctl lint --fix'],
    exits: [
      [0, 'cli.lint.exit.ok'],
      [1, 'cli.lint.exit.failed'],
    ],
  },
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    fix: { type: 'boolean', default: false },
  },
  async run(args, io) {
    const format = typeof args.values.format === 'string' ? args.values.format : args.values.json ? 'json' : 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (args.values.json && format !== 'json') throw new UsageError('--json and --format sarif/text disagree: give one of them');
    const lang = io.lang ?? 'en';
    const paths = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => path.resolve(io.cwd, p));
    const display = (file: string): string => {
      const rel = path.relative(io.cwd, file);
      return rel === '' || rel.startsWith('..') ? file : rel;
    };
    const lint = async (): Promise<LintReport> => {
      try {
        return await lintPaths(paths, display);
      } catch (err) {
        if (err instanceof LintPathError) throw new UsageError(err.message);
        throw err;
      }
    };
    let report = await lint();
    let fix: { diff: string; applyId: string | null; files: string[] } | null = null;
    if (args.values.fix) {
      fix = await fixFindings(report.findings, io, format === 'text');
      if (fix.files.length > 0) report = await lint();
    }
    const code = report.findings.length > 0 ? EXIT.failed : EXIT.ok;
    if (format === 'sarif') {
      writeJson(io, toSarif(report.findings, { toolVersion: toolVersion() }));
    } else if (format === 'json') {
      writeJson(io, { files: report.files, findings: report.findings.map(({ edits, ...f }) => ({ ...f, fixable: edits !== undefined })), notes: report.notes, fix });
    } else {
      io.stdout.write(formatText(report, lang) + '\n');
      if (fix) io.stdout.write(fix.files.length === 0 ? '--fix: nothing is certain enough to fix automatically.\n' : `--fix: changed ${fix.files.join(', ')}. Undo with \`goproxyctl undo\`${fix.applyId ? ` (apply ${fix.applyId})` : ''}.\n`);
    }
    return code;
  },
};

async function fixFindings(findings: readonly LintFinding[], io: CliIo, showDiff: boolean): Promise<{ diff: string; applyId: string | null; files: string[] }> {
  const byFile = new Map<string, LintFinding[]>();
  for (const f of findings) if (f.edits) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const changes: FileChange[] = [];
  const changed: string[] = [];
  let diff = '';
  for (const [file, list] of byFile) {
    const full = path.resolve(io.cwd, file);
    const bytes = await readFile(full);
    const before = bytes.toString('utf8');
    // Offsets are in the decoded text: a file that is not valid UTF-8 would not be written back byte for byte.
    if (!Buffer.from(before, 'utf8').equals(bytes)) continue;
    const after = applyEdits(before, list.flatMap((f) => f.edits ?? []));
    if (after === before) continue;
    diff += unifiedDiff(file, Buffer.from(before), Buffer.from(after));
    changes.push({ path: full, after: Buffer.from(after), role: 'lint-fix' });
    changed.push(file);
  }
  if (showDiff && diff !== '') io.stdout.write(diff + '\n');
  if (changes.length === 0) return { diff, applyId: null, files: [] };
  try {
    const record = await applyFiles(changes, { label: 'lint --fix', dirs: productDirs(io.env) });
    return { diff, applyId: record?.id ?? null, files: changed };
  } catch (err) {
    if (err instanceof ApplyRefusedError) throw new UsageError(`--fix changed nothing: ${err.message}`);
    throw err;
  }
}

function formatText(report: LintReport, lang: 'en' | 'zh'): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.variable}=${f.value}`);
    lines.push(`  ${f.why[lang]}`);
    lines.push(`  ${lang === 'zh' ? '修复' : 'fix'}${f.edits ? ' (--fix)' : ''}: ${f.fix[lang]}`);
  }
  for (const n of report.notes) lines.push(`note: ${n}`);
  const count = report.findings.length;
  lines.push(lang === 'zh'
    ? `检查了 ${report.files.length} 个文件，发现 ${count} 个问题。`
    : `${report.files.length} file${report.files.length === 1 ? '' : 's'} checked, ${count} finding${count === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

function toolVersion(): string {
  const require = createRequire(import.meta.url);
  for (const rel of ['../../../package.json', '../../../../package.json']) {
    try {
      return (require(rel) as { version: string }).version;
    } catch {
      // compiled (dist/electron/cli/commands) or source layout: try the other
    }
  }
  return '0.0.0';
}
