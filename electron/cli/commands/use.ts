// `goproxyctl use <profile-id>`: switch go (the go env file) and new terminals (a managed block in
// each rc file) to a profile, as one undoable apply, then check with the real go that it took.
import { selfCommand } from '../../core/cli-install/index.js';
import { SHELLS, type ShellName } from '../../core/apply/index.js';
import { commitUse, planUse, UseInputError, type UsePlan, type UseResult, type VerifyReport } from '../../core/use/index.js';
import { explainGoVars } from '../../../shared/profile/explain-vars.js';
import { profileNameIn } from '../../../shared/ui/profile-text.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';
import { localeOfCli } from '../lang.js';
import { terminalSafe, terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { EXIT, UsageError, writeJson, type CliCommand, type CliIo, type FlagValue } from '../command.js';

export const command: CliCommand = {
  name: 'use',
  summary: 'cli.use.summary',
  usage: {
    lines: ['goproxyctl use <profile-id> [options]'],
    about: 'cli.use.about',
    options: {
      shells: { value: 'LIST', text: 'cli.use.option.shells' },
      'dry-run': { text: 'cli.use.option.dry-run' },
    },
    examples: ['goproxyctl use china --dry-run', 'goproxyctl use china --shells bash,zsh'],
    exits: [
      [0, 'cli.use.exit.ok'],
      [1, 'cli.use.exit.failed'],
      [2, 'cli.use.exit.usage'],
    ],
  },
  options: {
    shells: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  allowPositionals: true,
  async run(args, io) {
    const locale = localeOfCli(io.lang);
    if (args.positionals.length !== 1) throw new UsageError(render(locale, msg('apply.use.one-profile')));
    const shells = parseShells(args.values.shells, locale);
    let use: UsePlan;
    try {
      use = await planUse({ profileId: args.positionals[0]!, shells, env: io.env, cwd: io.cwd, helperArgv: helperArgv() });
    } catch (err) {
      if (err instanceof UseInputError) throw new UsageError(render(locale, err.detail));
      throw err;
    }
    if (args.values['dry-run']) {
      if (args.values.json) writeJson(io, { ...describePlan(use, locale), dryRun: true });
      else io.stdout.write(terminalSafeText(renderDryRun(use, locale)));
      return EXIT.ok;
    }
    let result: UseResult;
    try {
      result = await commitUse(use, { signal: io.signal }); // Ctrl-C ends a wait for another writer
    } catch (err) {
      if (err instanceof UseInputError) throw new UsageError(render(locale, err.detail));
      throw err;
    }
    if (args.values.json) writeJson(io, { ...describePlan(use, locale), dryRun: false, applyId: result.record?.id ?? null, verification: verificationJson(result.verification, locale) });
    else renderApplied(io, use, result, locale);
    return overriddenForNewSessions(result) ? EXIT.failed : EXIT.ok;
  },
};

/**
 * The point of `use` is what the next `go get` sees. A new process or a new terminal that still
 * gets another value means the goal was not reached (exit 1); the shell goproxyctl runs in keeps
 * its old environment until reloaded, which the output explains but which is not a failure.
 */
function overriddenForNewSessions(result: UseResult): boolean {
  return result.verification.mismatches.some((m) => m.context !== 'current');
}

function parseShells(raw: FlagValue, locale: Locale): ShellName[] | undefined {
  if (raw === undefined) return undefined;
  const names = String(raw).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(SHELLS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    const shellList = SHELLS.join(', ');
    throw new UsageError(render(locale, unknown.length > 0 ? msg('apply.use.bad-shells-named', { shells: shellList, unknown: `"${unknown.join('", "')}"` }) : msg('apply.use.bad-shells', { shells: shellList })));
  }
  return [...new Set(names)] as ShellName[];
}

/** How go should run this CLI as a GOAUTH helper: the launcher that started it, else this node and this script. */
function helperArgv(): string[] {
  return selfCommand(process.env, process);
}

function describePlan(use: UsePlan, locale: Locale) {
  const explained = explainGoVars(use.vars);
  return {
    profile: { id: use.profile.id, name: use.profile.name },
    vars: use.vars,
    /** One line per variable: what it makes go do with this profile's patterns (in the command's language), and the messages. */
    explained: explained.map((m) => render(locale, m)),
    explainedMessage: explained,
    go: use.goBinary ? { binary: use.goBinary, version: use.goVersion } : null,
    shells: use.plan.shells,
    files: use.plan.files.map((f) => ({ path: f.path, role: f.role, changed: f.changed, diff: f.diff })),
    notes: use.notes.map((n) => render(locale, n)),
    notesMessage: use.notes,
  };
}

function renderDryRun(use: UsePlan, locale: Locale): string {
  const say = (m: Message): string => render(locale, m);
  const changed = use.plan.files.filter((f) => f.changed);
  const id = terminalSafe(use.profile.id);
  const name = terminalSafe(profileNameIn(locale, use.profile));
  const lines = [say(changed.length === 1 ? msg('apply.use.dry-run.one', { id, name }) : msg('apply.use.dry-run.many', { id, name, count: changed.length })), ''];
  for (const f of changed) lines.push(f.diff.endsWith('\n') ? f.diff : `${f.diff}\n`);
  lines.push(...whatEachDoes(use, locale));
  for (const n of use.notes) lines.push(say(msg('apply.use.note', { note: n })));
  return lines.join('\n') + '\n';
}

function renderApplied(io: CliIo, use: UsePlan, result: UseResult, locale: Locale): void {
  // The profile's id and name may come from a subscription: shown terminal-safe, like every line here.
  const id = terminalSafe(use.profile.id);
  const name = terminalSafe(profileNameIn(locale, use.profile));
  const out = (m: Message): void => void io.stdout.write(terminalSafeText(render(locale, m)) + '\n');
  const written = result.record?.files ?? [];
  out(written.length > 0 ? msg('apply.use.applied', { id, name, files: written.map((f) => terminalSafe(f.path)).join(', ') }) : msg('apply.use.already', { id, name }));
  io.stdout.write(terminalSafeText(whatEachDoes(use, locale).join('\n')) + '\n');
  for (const n of use.notes) out(msg('apply.use.note', { note: n }));
  const v = result.verification;
  for (const c of v.contexts) if (!c.checked && c.note) out(msg('apply.use.not-checked', { context: contextMessage(c.context), why: c.note }));
  if (v.ok) out(msg(use.goBinary ? 'apply.use.verified-go' : 'apply.use.verified-files'));
  for (const m of v.mismatches) out(msg('apply.use.mismatch', { mismatch: m.message }));
}

function contextMessage(context: VerifyReport['contexts'][number]['context']): Message {
  return context === 'clean' || context === 'current' ? msg(`apply.verify.context.${context}`) : msg('apply.verify.context.shell', { shell: context });
}

/** --json: the report with every sentence rendered in the command's language, and the message next to it. */
function verificationJson(v: VerifyReport, locale: Locale) {
  return {
    ...v,
    contexts: v.contexts.map((c) => ({ ...c, note: c.note && render(locale, c.note), noteMessage: c.note })),
    mismatches: v.mismatches.map((m) => ({ ...m, message: render(locale, m.message), messageMessage: m.message })),
  };
}

function whatEachDoes(use: UsePlan, locale: Locale): string[] {
  return [render(locale, msg('apply.vars.heading')), ...explainGoVars(use.vars).map((l) => `  ${render(locale, l)}`)];
}
