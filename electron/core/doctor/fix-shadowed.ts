// `doctor --fix` for shadowed-by-os-env: each rc statement that sets a Go variable is commented
// out (every physical line of it) with a marker, and the value goproxyctl manages takes over
// through the product's env script (which the managed block in the startup file sources) and the
// go env file, so new terminals and `go env` agree. Which value:
//   - a profile is active (`goproxyctl use`): the PROFILE's value. The stale rc line is what kept
//     the profile from taking effect, so the fix makes the profile win;
//   - no profile: the rc line's own value (what go sees today is preserved, only its place moves).
// Only statements the parser found to be simple, top-level and alone on their lines are touched
// (rc-scan.ts); anything else is reported with its line and why. Before anything is written each
// edited file is checked with the shell that reads it (`bash -n`, `zsh -n`, `fish --no-execute`),
// and afterwards new terminals are started to report what they really get. Everything is one
// apply-engine transaction: backed up, atomic, undoable with `goproxyctl undo`.
import { readFile } from 'node:fs/promises';
import { assignsSomething, leftAloneLines, PROFILE_MANAGED_VARS, shadowFixPlan } from '../../../shared/doctor/rules-env.js';
import type { RcAssignment } from '../../../shared/doctor/rc-scan.js';
import type { Finding } from '../../../shared/doctor/types.js';
import { joinToMessage } from '../../../shared/doctor/join.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { profileToGoEnv } from '../../../shared/profile/index.js';
import { ApplyRefusedError, applyFiles, type FileChange } from '../apply/apply-files.js';
import type { ApplyRecord } from '../apply/apply-journal.js';
import { renderEnvFish, renderEnvPs1, renderEnvSh } from '../apply/env-scripts.js';
import { GoEnvError, planGoEnv } from '../apply/go-env-write.js';
import { ManagedBlockError, removeManagedBlock, writeManagedBlock } from '../apply/managed-block.js';
import { productDirs, type ProductDirs } from '../apply/product-dirs.js';
import { checkingShellFor, rcEditRefusal } from '../apply/rc-syntax-check.js';
import { isMissing } from '../apply/resolve-link.js';
import { managedBlockFor, SHELLS, shellTarget, type ShellName } from '../apply/shells.js';
import { ProfileStore } from '../profiles/profile-store.js';
import { cleanGoEnv } from '../use/verify-apply.js';
import { checkNewTerminals, type TerminalCheck } from '../use/terminal-check.js';
import type { TerminalShell } from '../use/shell-env.js';
import type { Gathered } from './gather.js';
import { scanRcBytes } from './rc-parse.js';

/**
 * Put before every line commented out. Plain words only: no quote, backquote, `$`, `;`, brackets
 * or glob characters, so even if it ever ended up inside a string it would run nothing.
 */
export const MOVED_MARKER = '# goproxyctl doctor --fix disabled this line, goproxyctl undo restores it: ';

export interface FixOptions {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  dirs?: ProductDirs;
  goBinary?: string | null;
  /** Start new terminals afterwards to report what they get (default true). */
  verify?: boolean;
}

export interface FixResult {
  /** The variables whose rc lines were commented out, with the value goproxyctl now sets for them. */
  moved: Record<string, string>;
  /** Variables commented out that the active profile leaves unset (go's default applies). */
  cleared: string[];
  /** The active profile whose values won, or null (the rc value was kept). */
  profile: string | null;
  /** "file:line" (or "file:first-last" for a continued statement) of every statement commented out. */
  commented: string[];
  /** "file:line" of statements left as they are, with the managed block moved after them (a profile is active). */
  outrun: string[];
  /** Findings of the fixable kind that need a hand fix, with why (messages: each front end words them). */
  skipped: Message[];
  warnings: Message[];
  record: ApplyRecord | null;
  /** New terminals started after the fix, and what they got. */
  terminals: TerminalCheck[];
}

/** Comments out the given 1-based lines by prefixing the marker; every other byte is kept. */
export function commentOutLines(bytes: Buffer, lines: readonly number[]): Buffer {
  const wanted = new Set(lines);
  const parts: Buffer[] = [];
  let start = 0;
  let lineNo = 1;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  while (start < bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    const contentStart = lineNo === 1 && hasBom ? 3 : start;
    if (wanted.has(lineNo)) parts.push(bytes.subarray(start, contentStart), Buffer.from(MOVED_MARKER), bytes.subarray(contentStart, end));
    else parts.push(bytes.subarray(start, end));
    start = end;
    lineNo++;
  }
  return Buffer.concat(parts);
}

/** Every physical line of each statement. */
function statementLines(list: readonly RcAssignment[]): number[] {
  const lines: number[] = [];
  for (const a of list) for (let l = a.line; l <= a.endLine; l++) lines.push(l);
  return lines;
}

export async function fixShadowedByOsEnv(findings: readonly Finding[], gathered: Gathered, opts: FixOptions): Promise<FixResult> {
  const platform = opts.platform ?? process.platform;
  const dirs = opts.dirs ?? productDirs(opts.env, platform);
  const profile = await activeProfileVars(gathered.snapshot.activeProfile ?? null, opts.env, platform, dirs);
  const result: FixResult = { moved: {}, cleared: [], profile: null, commented: [], outrun: [], skipped: [], warnings: [], record: null, terminals: [] };
  const byFile = new Map<string, RcAssignment[]>();
  /** Files whose managed block must end up last, after statements it has to win over. */
  const blockLast = new Set<string>();
  const shells = new Set<ShellName>();
  /** What goproxyctl sets for each fixed variable; null unsets it. */
  const values: Record<string, string | null> = {};
  for (const f of findings.filter((x) => x.id === 'shadowed-by-os-env' && x.variable)) {
    const name = f.variable!;
    const shown = gathered.snapshot.rcAssignments.filter((a) => a.variable === name && a.action === 'set' && !a.inManagedBlock);
    const lines = shown.filter(assignsSomething);
    const text = leftAloneLines(shown.filter((a) => !assignsSomething(a)));
    const fromProfile = profile !== null && (PROFILE_MANAGED_VARS as readonly string[]).includes(name) && name in profile.vars;
    const plan = shadowFixPlan(lines, fromProfile, gathered.snapshot.blockFiles ?? []);
    if (!plan) {
      const alone = leftAloneLines(shown);
      result.skipped.push(
        alone.length > 0
          ? msg(alone.length > 1 ? 'ops.doctor.fix.left-alone-many' : 'ops.doctor.fix.left-alone-one', { variable: name, lines: joinToMessage(alone, 'ops.doctor.list') })
          : f.fix
            ? msg('ops.doctor.fix.by-hand', { variable: name, fix: f.fix.text })
            : msg('ops.doctor.fix.needs-hand', { variable: name }),
      );
      continue;
    }
    if (text.length > 0) result.warnings.push(msg('ops.doctor.fix.left-alone-note', { variable: name, lines: joinToMessage(text, 'ops.doctor.list') }));
    values[name] = fromProfile ? profile.vars[name]! : lines[0]!.value!;
    if (fromProfile) result.profile = profile.id;
    for (const l of plan.comment) {
      byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
      result.commented.push(l.endLine > l.line ? `${l.file}:${l.line}-${l.endLine}` : `${l.file}:${l.line}`);
    }
    for (const l of plan.outrun) {
      blockLast.add(l.file);
      result.outrun.push(`${l.file}:${l.line}`);
    }
    for (const l of lines) {
      const rc = gathered.rcFiles.find((r) => r.file === l.file);
      if (rc) shells.add(rc.shell);
    }
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === null) result.cleared.push(name);
    else result.moved[name] = value;
  }
  if (Object.keys(values).length === 0) return result;

  const changes = new Map<string, FileChange & { before: Buffer | null; shell: ShellName | null }>();
  const current = async (file: string): Promise<Buffer | null> => {
    const pending = changes.get(file);
    if (pending) return Buffer.from(pending.after!);
    return readFile(file).catch((err: unknown) => {
      if (isMissing(err)) return null;
      throw err;
    });
  };
  for (const [file, list] of byFile) {
    const before = await current(file);
    if (before === null) throw new ApplyRefusedError([`${file} disappeared while the doctor ran; run \`goproxyctl doctor --fix\` again`]);
    const rc = gathered.rcFiles.find((r) => r.file === file);
    // The file as it is now must still have these statements where the doctor saw them.
    const now = await scanRcBytes(before, file, { syntax: rc?.syntax ?? 'sh', ...(rc?.dialect ? { dialect: rc.dialect } : {}), checkWith: opts.env }, Object.keys(values));
    const stale = list.filter((a) => !now.assignments.some((b) => b.movable && b.line === a.line && b.endLine === a.endLine && b.variable === a.variable));
    if (stale.length > 0) throw new ApplyRefusedError([`${file} changed while the doctor ran; run \`goproxyctl doctor --fix\` again`]);
    changes.set(file, { path: file, before, after: commentOutLines(before, statementLines(list)), role: 'startup-file:doctor-fix', shell: rc?.shell ?? null });
  }

  // The managed block (or fish's own conf.d file) in each affected shell, so the env script is loaded.
  for (const shell of shells) {
    const target = shellTarget(shell, opts.env, platform, dirs);
    for (const file of target.startupFiles) {
      const before = changes.get(file)?.before ?? (await current(file));
      const base = (await current(file)) ?? Buffer.alloc(0);
      // In place, or (to win over statements below it) removed and appended at the end.
      let after: Buffer;
      try {
        after = target.ownsStartupFile
          ? Buffer.from(target.loader.join('\n') + '\n')
          : writeManagedBlock(blockLast.has(file) ? removeManagedBlock(base) : base, managedBlockFor(target, platform));
      } catch (err) {
        if (err instanceof ManagedBlockError) throw new ApplyRefusedError([`${file}: ${err.message}`]);
        throw err;
      }
      changes.set(file, { path: file, before, after, role: `startup-file:${shell}`, shell });
    }
  }

  // Never leave a file its shell cannot read: check every edited startup file with that shell.
  const refusals: string[] = [];
  for (const c of changes.values()) {
    const checker = c.shell ? checkingShellFor(c.shell) : null;
    const refusal = checker ? await rcEditRefusal(c.path, checker, c.before, c.after!, opts.env) : null;
    if (refusal) refusals.push(refusal);
  }
  if (refusals.length > 0) throw new ApplyRefusedError(refusals);

  // Every env script that exists or is now loaded gets the new values, keeping what it already sets.
  const scripts = new Map<string, { kind: 'sh' | 'fish' | 'ps1'; needed: boolean }>();
  for (const shell of SHELLS) {
    const t = shellTarget(shell, opts.env, platform, dirs);
    const prev = scripts.get(t.envScript);
    scripts.set(t.envScript, { kind: t.envScriptKind, needed: (prev?.needed ?? false) || shells.has(shell) });
  }
  const envChanges: FileChange[] = [];
  for (const [file, { kind, needed }] of scripts) {
    const before = await readFile(file).catch(() => null);
    if (before === null && !needed) continue;
    const vars: Record<string, string | null> = {};
    const syntax = kind === 'sh' ? 'sh' : kind === 'fish' ? 'fish' : 'pwsh';
    const existing = before ? await scanRcBytes(before, file, { syntax }, otherVars(before.toString('utf8')).concat(Object.keys(values))) : null;
    for (const a of existing?.assignments ?? []) vars[a.variable] = a.action === 'unset' ? null : a.value;
    Object.assign(vars, values);
    const text = kind === 'sh' ? renderEnvSh(vars) : kind === 'fish' ? renderEnvFish(vars) : renderEnvPs1(vars);
    envChanges.push({ path: file, after: Buffer.from(text, 'utf8'), role: 'env-script' });
  }

  try {
    const goEnv = await planGoEnv(values, { env: opts.env, platform, ...(opts.goBinary !== undefined ? { goBinary: opts.goBinary } : {}) });
    // The apply engine's notes are its own words (not yet messages): carried as they are.
    result.warnings.push(...goEnv.warnings.map((text) => msg('ops.doctor.fix.note', { text })));
    if (goEnv.location.path !== null && goEnv.after !== null) envChanges.push({ path: goEnv.location.path, after: goEnv.after, role: 'go-env' });
  } catch (err) {
    if (!(err instanceof GoEnvError)) throw err;
    result.warnings.push(msg('ops.doctor.fix.go-env-not-updated', { error: err.message }));
  }

  const label = `doctor --fix shadowed-by-os-env (${Object.keys(values).join(', ')})${result.profile ? ` for profile ${result.profile}` : ''}`;
  result.record = await applyFiles([...[...changes.values()].map(({ path, after, role }) => ({ path, after, ...(role ? { role } : {}) })), ...envChanges], { label, dirs });

  if (opts.verify !== false && platform !== 'win32') {
    const terminals = [...shells].filter((s): s is TerminalShell => s === 'bash' || s === 'zsh' || s === 'fish');
    result.terminals = await checkNewTerminals(terminals, values, cleanGoEnv(opts.env), { bashRc: shellTarget('bash', opts.env, platform, dirs).startupFiles[0] ?? null });
  }
  return result;
}

/** The active profile's Go variables, or null when none is active (or it cannot be read). */
async function activeProfileVars(id: string | null, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, dirs: ProductDirs): Promise<{ id: string; vars: Record<string, string | null> } | null> {
  if (id === null) return null;
  try {
    const profile = await new ProfileStore({ env, platform, dirs }).get(id);
    return { id, vars: profileToGoEnv(profile) };
  } catch {
    return null; // a damaged store or a deleted profile: keep what go sees, as without a profile
  }
}

/** Names our env scripts set, so rewriting one keeps variables this fix does not touch. */
function otherVars(script: string): string[] {
  const names = new Set<string>();
  for (const m of script.matchAll(/^(?:export|unset|set -gx|set -e|\$env:|Remove-Item -LiteralPath Env:)\s*([A-Za-z_]\w*)/gm)) names.add(m[1]!);
  return [...names];
}
