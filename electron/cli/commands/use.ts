// `goproxyctl use <profile-id>`: switch go (the go env file) and new terminals (a managed block in
// each rc file) to a profile, as one undoable apply, then check with the real go that it took.
import { selfCommand } from '../../core/cli-install/index.js';
import { SHELLS, type ShellName } from '../../core/apply/index.js';
import { commitUse, planUse, UseInputError, type UsePlan, type UseResult } from '../../core/use/index.js';
import { explainGoVars } from '../../../shared/profile/explain-vars.js';
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
    if (args.positionals.length !== 1) throw new UsageError('give exactly one profile id, e.g. `goproxyctl use china`');
    const shells = parseShells(args.values.shells);
    let use: UsePlan;
    try {
      use = await planUse({ profileId: args.positionals[0]!, shells, env: io.env, cwd: io.cwd, helperArgv: helperArgv() });
    } catch (err) {
      if (err instanceof UseInputError) throw new UsageError(err.message);
      throw err;
    }
    if (args.values['dry-run']) {
      if (args.values.json) writeJson(io, { ...describePlan(use), dryRun: true });
      else io.stdout.write(terminalSafeText(renderDryRun(use)));
      return EXIT.ok;
    }
    let result: UseResult;
    try {
      result = await commitUse(use, { signal: io.signal }); // Ctrl-C ends a wait for another writer
    } catch (err) {
      if (err instanceof UseInputError) throw new UsageError(err.message);
      throw err;
    }
    if (args.values.json) writeJson(io, { ...describePlan(use), dryRun: false, applyId: result.record?.id ?? null, verification: result.verification });
    else renderApplied(io, use, result);
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

function parseShells(raw: FlagValue): ShellName[] | undefined {
  if (raw === undefined) return undefined;
  const names = String(raw).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(SHELLS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`--shells takes a comma-separated list of ${SHELLS.join(', ')}${unknown.length > 0 ? ` ("${unknown.join('", "')}" is not one)` : ''}`);
  }
  return [...new Set(names)] as ShellName[];
}

/** How go should run this CLI as a GOAUTH helper: the launcher that started it, else this node and this script. */
function helperArgv(): string[] {
  return selfCommand(process.env, process);
}

function describePlan(use: UsePlan) {
  return {
    profile: { id: use.profile.id, name: use.profile.name },
    vars: use.vars,
    /** One line per variable: what it makes go do with this profile's patterns. */
    explained: explainGoVars(use.vars),
    go: use.goBinary ? { binary: use.goBinary, version: use.goVersion } : null,
    shells: use.plan.shells,
    files: use.plan.files.map((f) => ({ path: f.path, role: f.role, changed: f.changed, diff: f.diff })),
    notes: use.notes,
  };
}

function renderDryRun(use: UsePlan): string {
  const changed = use.plan.files.filter((f) => f.changed);
  const lines = [`Dry run: \`goproxyctl use ${terminalSafe(use.profile.id)}\` (${terminalSafe(use.profile.name)}) would change ${changed.length} file${changed.length === 1 ? '' : 's'}; nothing was written.`, ''];
  for (const f of changed) lines.push(f.diff.endsWith('\n') ? f.diff : `${f.diff}\n`);
  lines.push(...whatEachDoes(use));
  for (const n of use.notes) lines.push(`note: ${n}`);
  return lines.join('\n') + '\n';
}

function renderApplied(io: CliIo, use: UsePlan, result: UseResult): void {
  // The profile's id and name may come from a subscription: shown terminal-safe, like every line here.
  const id = terminalSafe(use.profile.id);
  const name = terminalSafe(use.profile.name);
  const out = (line: string): void => void io.stdout.write(terminalSafeText(line));
  const written = result.record?.files ?? [];
  out(
    written.length > 0
      ? `Applied ${id} (${name}): wrote ${written.map((f) => terminalSafe(f.path)).join(', ')}. \`goproxyctl undo\` reverts it.\n`
      : `${id} (${name}) is already applied: nothing to change.\n`,
  );
  out(whatEachDoes(use).join('\n') + '\n');
  for (const n of use.notes) out(`note: ${terminalSafe(n)}\n`);
  const v = result.verification;
  for (const c of v.contexts) if (!c.checked) out(`not checked (${c.context}): ${terminalSafe(String(c.note))}\n`);
  if (v.ok) out(`✔ verified with ${use.goBinary ? 'go env -json' : 'the files go reads (go is not installed)'}: new processes and new terminals get the profile.\n`);
  for (const m of v.mismatches) out(`✖ ${terminalSafe(m.message)}.\n`);
}

function whatEachDoes(use: UsePlan): string[] {
  return ['What each variable does:', ...explainGoVars(use.vars).map((l) => `  ${l}`)];
}
