// `goproxyctl doctor`: finds settings that shadow each other or break go's module downloads,
// explains each (English and Simplified Chinese), and with --fix moves shadowing rc-file lines
// into goproxyctl's managed block (undo with `goproxyctl undo`).
import { terminalSafeText } from '../../../shared/util/terminal-safe.js';
import path from 'node:path';
import { hasErrors, runDoctor, type Evidence, type Finding } from '../../../shared/doctor/index.js';
import { fixShadowedByOsEnv, type FixResult } from '../../core/doctor/fix-shadowed.js';
import { gatherDoctorSnapshot } from '../../core/doctor/gather.js';
import { describeTerminalChecks } from '../../core/use/terminal-check.js';
import { ProjectDirError } from '../../core/doctor/project-facts.js';
import { ApplyRefusedError } from '../../core/apply/apply-files.js';
import { EXIT, UsageError, writeJson, type CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'doctor',
  summary: 'cli.doctor.summary',
  usage: {
    lines: ['goproxyctl doctor [options]'],
    about: 'cli.doctor.about',
    options: {
      fix: { text: 'cli.doctor.option.fix' },
      project: { value: 'DIR', text: 'cli.doctor.option.project' },
    },
    examples: ['goproxyctl doctor', 'goproxyctl doctor --project . --fix'],
    exits: [
      [0, 'cli.doctor.exit.ok'],
      [1, 'cli.doctor.exit.failed'],
    ],
  },
  options: {
    fix: { type: 'boolean', default: false },
    project: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const lang = io.lang ?? 'en';
    const projects = (args.values.project as string[] | undefined) ?? [];
    let gathered;
    try {
      gathered = await gatherDoctorSnapshot({ env: io.env, projects: projects.map((p) => path.resolve(io.cwd, p)), signal: io.signal });
    } catch (err) {
      if (err instanceof ProjectDirError) throw new UsageError(err.message);
      throw err;
    }
    const findings = runDoctor(gathered.snapshot);
    let fix: FixResult | null = null;
    if (args.values.fix) {
      try {
        fix = await fixShadowedByOsEnv(findings, gathered, { env: io.env });
      } catch (err) {
        if (err instanceof ApplyRefusedError) throw new UsageError(`--fix changed nothing: ${err.message}`);
        throw err;
      }
    }
    const fixed = new Set([...Object.keys(fix?.moved ?? {}), ...(fix?.cleared ?? [])]);
    const remaining = findings.filter((f) => !(f.id === 'shadowed-by-os-env' && f.variable && fixed.has(f.variable)));
    // A new terminal that still does not get the fixed values means the fix did not take.
    const terminalsDiffer = fix?.terminals.some((t) => t.differences.length > 0) ?? false;
    const code = hasErrors(remaining) || terminalsDiffer ? EXIT.failed : EXIT.ok;
    if (args.values.json) {
      writeJson(io, {
        go: gathered.config.go ? { binary: gathered.config.go.binary, version: gathered.config.go.version } : null,
        findings,
        fix: fix && {
          moved: fix.moved,
          cleared: fix.cleared,
          profile: fix.profile,
          commented: fix.commented,
          outrun: fix.outrun,
          skipped: fix.skipped,
          warnings: fix.warnings,
          applyId: fix.record?.id ?? null,
          terminals: fix.terminals,
        },
      });
      return code;
    }
    io.stdout.write(terminalSafeText(formatFindings(findings, lang)) + '\n');
    if (fix) io.stdout.write(terminalSafeText(formatFix(fix)) + '\n');
    return code;
  },
};

function formatEvidence(e: Evidence): string {
  switch (e.kind) {
    case 'variable':
      return `${e.variable}=${e.value} (${e.source}${e.path ? `: ${e.path}` : ''})`;
    case 'file':
      return `${e.file}:${e.line}: ${e.text.trim()}`;
    case 'process-env':
      return `${e.variable}=${e.value} (this process's environment)`;
    case 'go-version':
      return `go ${e.version}`;
    case 'file-mode':
      return `${e.file} mode ${e.mode}`;
    case 'project':
      return `${e.dir}: ${e.detail}`;
  }
}

function formatFindings(findings: Finding[], lang: 'en' | 'zh'): string {
  if (findings.length === 0) return lang === 'zh' ? '未发现问题。' : 'No problems found.';
  return findings
    .map((f) => {
      const lines = [`[${f.severity}] ${f.id}${f.variable ? ` (${f.variable})` : ''}`, `  ${f.explanation[lang]}`];
      for (const e of f.evidence) lines.push(`    - ${formatEvidence(e)}`);
      if (f.fix) lines.push(`  ${lang === 'zh' ? '修复' : 'Fix'}${f.fix.automatic ? ' (--fix)' : ''}: ${f.fix[lang]}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

function formatFix(fix: FixResult): string {
  const lines: string[] = [''];
  const fixed = [...Object.keys(fix.moved), ...fix.cleared];
  if (fixed.length === 0) lines.push('--fix: nothing to fix automatically.');
  else {
    const where = fix.profile ? `the active profile "${fix.profile}" now decides ${fixed.join(', ')}` : `moved ${fixed.join(', ')} into the managed block`;
    lines.push(`--fix: ${where}; commented out ${fix.commented.length > 0 ? fix.commented.join(', ') : 'nothing'}.`);
    if (fix.outrun.length > 0) lines.push(`Left ${fix.outrun.join(', ')} as they are and moved goproxyctl's managed block after them, so the profile wins.`);
    if (fix.record) lines.push(`Undo with \`goproxyctl undo\` (apply ${fix.record.id}). Open a new terminal to pick up the change.`);
  }
  for (const s of fix.skipped) lines.push(`not fixed: ${s}`);
  for (const w of fix.warnings) lines.push(`! ${w}`);
  lines.push(...formatTerminals(fix.terminals));
  return lines.join('\n');
}

function formatTerminals(checks: FixResult['terminals']): string[] {
  const out: string[] = [];
  for (const c of checks) {
    if (!c.checked) out.push(`? a new ${c.shell} terminal could not be checked: ${c.note ?? 'unknown reason'}`);
    else if (c.differences.length === 0) out.push(`✓ a new ${c.shell} terminal gets the fixed values`);
  }
  for (const line of describeTerminalChecks(checks)) out.push(`✖ ${line}`);
  return out;
}
