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
  summary: 'Apply a profile: the go env file and your shells, verified with go, undoable',
  usage: `Usage: goproxyctl use <profile-id> [--shells bash,zsh,fish,pwsh] [--dry-run] [--json]

Writes the profile's Go variables with \`go env -w\` semantics (the go env file; \`-u\` for the ones
it leaves unset), and a managed block in each shell's startup file that loads goproxyctl's own
env script, so terminals agree with go. Then checks, with the real go, what a new process and a
new bash terminal get, and names whatever still overrides the profile (an export in ~/.bashrc,
a variable in your current shell). \`goproxyctl undo\` restores every file byte for byte.

Options:
  --shells LIST  which shells to write (default: the profile's, else your login shell plus every
                 shell whose startup file exists)
  --dry-run      show the changes as a diff per file, write nothing
  --json         machine-readable output

Exit codes: 0 applied and new processes and terminals get the profile (a difference only in the
shell you ran this from is reported, not an error); 1 the files were written but something still
overrides the profile for new processes or terminals (\`goproxyctl doctor --fix\` moves it), or the
apply failed; 2 bad input (unknown profile, invalid value, unwritable file: nothing is written then).`,
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
