// `goproxyctl lint [PATH ...]`: GOPROXY/GOSUMDB/GOPRIVATE mistakes in Dockerfiles, Makefiles, CI
// YAML, compose files, shell scripts and .envrc files, as text, JSON or SARIF. --fix makes the
// certain edits (",", "|" between public mirrors; quoting a "|" list in shell) through the apply
// engine, so `goproxyctl undo` reverts them.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listOf, render, renderer } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';
import { toSarif } from '../../../shared/lint/sarif.js';
import type { LintResult } from '../../../shared/lint/types.js';
import { applyFiles, ApplyRefusedError, type FileChange } from '../../core/apply/apply-files.js';
import { productDirs } from '../../core/apply/product-dirs.js';
import { unifiedDiff } from '../../core/apply/unified-diff.js';
import { applyEdits, lintPaths, LintPathError, type LintReport } from '../../core/lint/index.js';
import { EXIT, UsageError, writeJson, type CliCommand, type CliIo } from '../command.js';
import { localeOfCli } from '../lang.js';

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
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(msg('lint.cli.bad-format', { formats: FORMATS.join(', ') }));
    if (args.values.json && format !== 'json') throw new UsageError(msg('lint.cli.json-and-format'));
    const locale = localeOfCli(io.lang);
    const say = renderer(locale);
    const paths = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => path.resolve(io.cwd, p));
    const display = (file: string): string => {
      const rel = path.relative(io.cwd, file);
      return rel === '' || rel.startsWith('..') ? file : rel;
    };
    const lint = async (): Promise<LintReport> => {
      try {
        return await lintPaths(paths, display);
      } catch (err) {
        if (err instanceof LintPathError) throw new UsageError(err.detail);
        throw err;
      }
    };
    let report = await lint();
    let fix: FixOutcome | null = null;
    if (args.values.fix) {
      fix = await fixFindings(report.findings, io, format === 'text');
      if (fix.files.length > 0) report = await lint();
    }
    const code = report.findings.length > 0 ? EXIT.failed : EXIT.ok;
    if (format === 'sarif') {
      // SARIF is read by code-scanning tools and shared with a team: English, whatever --lang says.
      writeJson(io, toSarif(report.findings, { toolVersion: toolVersion() }));
    } else if (format === 'json') {
      writeJson(io, {
        files: report.files,
        // why/fix in the command's language (English by default), their messages next to them for scripts.
        findings: report.findings.map(({ edits, whyMessage, fixMessage, ...f }) => ({
          ...f, why: say(whyMessage), whyMessage, fix: say(fixMessage), fixMessage, fixable: edits !== undefined,
        })),
        notes: report.notes.map(say),
        notesMessage: report.notes,
        fix,
      });
    } else {
      io.stdout.write(formatText(report, locale) + '\n');
      if (fix) io.stdout.write(say(fixLine(fix, locale)) + '\n');
    }
    return code;
  },
};

interface FixOutcome {
  diff: string;
  applyId: string | null;
  files: string[];
}

function fixLine(fix: FixOutcome, locale: Locale): Message {
  if (fix.files.length === 0) return msg('lint.cli.fix-nothing');
  const files = listOf(locale, fix.files);
  return fix.applyId ? msg('lint.cli.fix-changed-apply', { files, apply: fix.applyId }) : msg('lint.cli.fix-changed', { files });
}

async function fixFindings(findings: readonly LintResult[], io: CliIo, showDiff: boolean): Promise<FixOutcome> {
  const byFile = new Map<string, LintResult[]>();
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
    // The apply engine's refusal is its own sentence (electron/core/apply), quoted as it says it.
    if (err instanceof ApplyRefusedError) throw new UsageError(msg('lint.cli.fix-refused', { reason: err.message }));
    throw err;
  }
}

function formatText(report: LintReport, locale: Locale): string {
  const say = (message: Message): string => render(locale, message);
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(say(msg('lint.cli.finding', {
      place: `${f.file}:${f.line}:${f.column}`,
      severity: msg(`lint.cli.severity.${f.severity}`),
      rule: f.rule,
      assignment: `${f.variable}=${f.value}`,
    })));
    lines.push(`  ${say(f.whyMessage)}`);
    lines.push(`  ${say(msg(f.edits ? 'lint.cli.fix-automatic' : 'lint.cli.fix', { fix: f.fixMessage }))}`);
  }
  for (const note of report.notes) lines.push(say(msg('lint.cli.note', { note })));
  const files = report.files.length;
  const count = report.findings.length;
  lines.push(say(msg('lint.cli.checked', {
    files: msg(files === 1 ? 'lint.cli.files.one' : 'lint.cli.files.many', { count: files }),
    findings: msg(count === 1 ? 'lint.cli.findings.one' : 'lint.cli.findings.many', { count }),
  })));
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
