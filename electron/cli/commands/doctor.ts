// `goproxyctl doctor`: finds settings that shadow each other or break go's module downloads,
// explains each in the command's language (the doctor's findings are messages, rendered here), and
// with --fix moves shadowing rc-file lines into goproxyctl's managed block (undo with `goproxyctl undo`).
import { terminalSafeText } from '../../../shared/util/terminal-safe.js';
import path from 'node:path';
import { hasErrors, renderFindingText, runDoctor, type Evidence, type Finding, type FindingText } from '../../../shared/doctor/index.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';
import { sourceWords } from '../../../shared/doctor/source-words.js';
import { localeOfCli } from '../lang.js';
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
    const locale = localeOfCli(io.lang);
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
        if (err instanceof ApplyRefusedError) throw new UsageError(render(locale, msg('ops.doctor.cli.fix-refused', { reason: err.message })));
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
        findings: findings.map((f) => findingJson(f, locale)),
        fix: fix && {
          moved: fix.moved,
          cleared: fix.cleared,
          profile: fix.profile,
          commented: fix.commented,
          outrun: fix.outrun,
          skipped: fix.skipped.map((m) => render(locale, m)),
          skippedMessage: fix.skipped,
          warnings: fix.warnings.map((m) => render(locale, m)),
          warningsMessage: fix.warnings,
          applyId: fix.record?.id ?? null,
          terminals: fix.terminals,
        },
      });
      return code;
    }
    io.stdout.write(terminalSafeText(formatFindings(findings, locale)) + '\n');
    if (fix) io.stdout.write(terminalSafeText(formatFix(fix, locale)) + '\n');
    return code;
  },
};

/** A finding for --json: texts rendered in the command's language, each with its message next to it (`<field>Message`). */
function findingJson(f: Finding, locale: Locale): Record<string, unknown> {
  const text = (t: FindingText): { text: string; message: Message } => ({ text: renderFindingText(locale, t), message: t });
  const explanation = text(f.explanation);
  const fixText = f.fix ? text(f.fix.text) : null;
  return {
    ...f,
    title: render(locale, f.title),
    titleMessage: f.title,
    explanation: explanation.text,
    ...(explanation.message ? { explanationMessage: explanation.message } : {}),
    evidence: f.evidence.map((e) => (e.kind === 'project' ? { ...e, detail: render(locale, e.detail), detailMessage: e.detail } : e)),
    fix: f.fix && fixText && { automatic: f.fix.automatic, text: fixText.text, ...(fixText.message ? { textMessage: fixText.message } : {}) },
  };
}

function evidenceMessage(e: Evidence): Message {
  switch (e.kind) {
    case 'variable':
      return msg('ops.doctor.evidence.variable', { variable: e.variable, value: e.value, source: sourceWords(e.source, e.path) });
    case 'file':
      return msg('ops.doctor.evidence.file', { file: e.file, line: e.line, text: e.text.trim() });
    case 'process-env':
      return msg('ops.doctor.evidence.process-env', { variable: e.variable, value: e.value });
    case 'go-version':
      return msg('ops.doctor.evidence.go-version', { version: e.version });
    case 'file-mode':
      return msg('ops.doctor.evidence.file-mode', { file: e.file, mode: e.mode });
    case 'project':
      return msg('ops.doctor.evidence.project', { dir: e.dir, detail: e.detail });
  }
}

function formatFindings(findings: Finding[], locale: Locale): string {
  const say = (m: Message): string => render(locale, m);
  if (findings.length === 0) return say(msg('ops.doctor.cli.clean'));
  return findings
    .map((f) => {
      const severity = msg(`ops.doctor.severity.${f.severity}`);
      const heading = f.variable ? msg('ops.doctor.cli.heading-variable', { severity, title: f.title, variable: f.variable }) : msg('ops.doctor.cli.heading', { severity, title: f.title });
      const lines = [say(heading), `  ${renderFindingText(locale, f.explanation)}`];
      for (const e of f.evidence) lines.push(`    - ${say(evidenceMessage(e))}`);
      if (f.fix) lines.push(`  ${say(msg(f.fix.automatic ? 'ops.doctor.cli.fix-auto' : 'ops.doctor.cli.fix', { fix: renderFindingText(locale, f.fix.text) }))}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

function formatFix(fix: FixResult, locale: Locale): string {
  const say = (m: Message): string => render(locale, m);
  const lines: string[] = [''];
  const fixed = [...Object.keys(fix.moved), ...fix.cleared];
  if (fixed.length === 0) lines.push(say(msg('ops.doctor.cli.fix-nothing')));
  else {
    const vars = fixed.join(', ');
    const commented = fix.commented.length > 0 ? fix.commented.join(', ') : msg('ops.doctor.cli.nothing');
    lines.push(say(fix.profile ? msg('ops.doctor.cli.fixed-profile', { profile: fix.profile, vars, commented }) : msg('ops.doctor.cli.fixed-moved', { vars, commented })));
    if (fix.outrun.length > 0) lines.push(say(msg('ops.doctor.cli.outrun', { lines: fix.outrun.join(', ') })));
    if (fix.record) lines.push(say(msg('ops.doctor.cli.undo', { id: fix.record.id })));
  }
  for (const s of fix.skipped) lines.push(say(msg('ops.doctor.cli.not-fixed', { what: s })));
  for (const w of fix.warnings) lines.push(say(msg('ops.doctor.cli.warning', { what: w })));
  lines.push(...formatTerminals(fix.terminals, locale));
  return lines.join('\n');
}

function formatTerminals(checks: FixResult['terminals'], locale: Locale): string[] {
  const out: string[] = [];
  for (const c of checks) {
    if (!c.checked) out.push(render(locale, msg('ops.doctor.cli.terminal-unchecked', { shell: c.shell, note: c.note ?? msg('ops.doctor.cli.terminal-unknown-reason') })));
    else if (c.differences.length === 0) out.push(render(locale, msg('ops.doctor.cli.terminal-ok', { shell: c.shell })));
  }
  // What a new terminal still gets wrong: the apply engine's sentences (use's verify), in English for now.
  for (const line of describeTerminalChecks(checks)) out.push(`✖ ${line}`);
  return out;
}
