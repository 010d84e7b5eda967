// After an apply: does go really use the profile? Checked where it matters:
//   - "clean": a fresh process (an IDE, a new service) with none of the Go variables in its
//     environment: `go env -json` must show the profile (the go env file works);
//   - "bash": a new terminal that reads the rc file: an `export GOPROXY=...` after our block wins
//     over it, and is named with its file and line;
//   - "current": the environment goproxyctl itself was started from (an older terminal).
// Every difference names the source that shadows the profile's value (readGoConfig's effective
// source and path), so the user knows what to remove.
import { readFile } from 'node:fs/promises';
import { whyNotMovable, type RcAssignment } from '../../../shared/doctor/rc-scan.js';
import { shadowFixPlan } from '../../../shared/doctor/rules-env.js';
import { GO_PROXY_VARS, type GoProxyVar } from '../../../shared/go/effective.js';
import { scanRcBytes, type ShDialect } from '../doctor/rc-parse.js';
import { readGoConfig, type GoConfigSnapshot } from '../goenv/read-config.js';
import { goEnvJson } from './go-env-json.js';
import { bashEnvAfter, type TerminalShell } from './shell-env.js';
import type { MismatchView } from '../../../shared/contract/state.js';
import { checkNewTerminals, type TerminalCheck } from './terminal-check.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

// The contract's view is the shape; the engine adds the rc line's text and the sentence (a message).
export type VerifyContext = MismatchView['context'];

export interface Mismatch extends MismatchView {
  /** The rc file line that sets it, when found. */
  lineText: string | null;
  /** One sentence for the user, with the fix. */
  message: Message;
}

export interface ContextResult {
  context: VerifyContext;
  checked: boolean;
  /** How the value was read: the real go, or (without go) the files go would read. */
  by: 'go env -json' | 'config files' | null;
  /** Why it could not be checked, when checked is false. */
  note: Message | null;
}

export interface VerifyReport {
  ok: boolean;
  contexts: ContextResult[];
  mismatches: Mismatch[];
  /** New terminals of every shell written, started after the apply, and what they really got. */
  terminals: TerminalCheck[];
}

export interface VerifyOptions {
  vars: Readonly<Record<string, string | null>>;
  env: NodeJS.ProcessEnv;
  goBinary: string | null;
  /** The bash startup file the apply wrote a block into; null when bash was not a target. */
  bashRc: string | null;
  bash: string | null;
  /** The sh script the rc blocks source, to suggest reloading it in the current terminal. */
  envScript?: string | null;
  cwd?: string;
  /** Shells whose startup files the apply wrote: a new terminal of each is started (when installed). */
  terminals?: readonly TerminalShell[];
  /** Startup files per shell, to name the line that overrides the profile in a new terminal. */
  startupFiles?: Partial<Record<TerminalShell, string[]>>;
}

/** The environment minus every Go variable (GOENV is kept: it says which env file go reads). */
export function cleanGoEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const name of GO_PROXY_VARS) if (name !== 'GOENV') delete clean[name];
  return clean;
}

export async function verifyApply(opts: VerifyOptions): Promise<VerifyReport> {
  const names = Object.keys(opts.vars).filter((n): n is GoProxyVar => (GO_PROXY_VARS as readonly string[]).includes(n));
  const contexts: ContextResult[] = [];
  const mismatches: Mismatch[] = [];
  const by = opts.goBinary ? 'go env -json' : 'config files';

  const clean = cleanGoEnv(opts.env);
  mismatches.push(...(await compare('clean', clean, names, opts, null)));
  contexts.push({ context: 'clean', checked: true, by, note: null });

  if (opts.bashRc && opts.bash) {
    const shell = await bashEnvAfter(opts.bash, opts.bashRc, clean);
    if (shell.env) {
      mismatches.push(...(await compare('bash', shell.env, names, opts, opts.bashRc)));
      contexts.push({ context: 'bash', checked: true, by, note: null });
    } else contexts.push({ context: 'bash', checked: false, by: null, note: shell.errorMessage });
  } else {
    contexts.push({ context: 'bash', checked: false, by: null, note: opts.bashRc ? msg('apply.verify.shell-missing', { shell: 'bash' }) : msg('apply.verify.bash-not-written') });
  }

  // New terminals of every shell written: their own environment must hold the profile's values
  // (that is what the managed block is for), whatever go would read from the go env file.
  const expected: Record<string, string | null> = {};
  for (const n of names) expected[n] = opts.vars[n] ?? null;
  const terminals = await checkNewTerminals(opts.terminals ?? [], expected, clean, { bashRc: opts.bashRc });
  for (const t of terminals) {
    if (t.shell !== 'bash') contexts.push({ context: t.shell, checked: t.checked, by: t.checked ? 'config files' : null, note: t.noteMessage });
    for (const d of t.differences) {
      if (mismatches.some((m) => m.context === t.shell && m.variable === d.variable)) continue;
      mismatches.push(await terminalMismatch(t, d.variable as GoProxyVar, d.expected, d.actual, opts.startupFiles?.[t.shell] ?? []));
    }
  }

  // The current environment: only variables it sets itself can differ from a fresh process.
  const current = await compare('current', opts.env, names, opts, null);
  mismatches.push(...current.filter((m) => m.source === 'os-env'));
  contexts.push({ context: 'current', checked: true, by, note: null });

  return { ok: mismatches.length === 0, contexts, mismatches, terminals };
}

/** A new terminal whose own environment does not hold the profile's value: name the line, or say the block did not run. */
async function terminalMismatch(t: TerminalCheck, name: GoProxyVar, expected: string | null, actual: string | null, files: string[]): Promise<Mismatch> {
  const base = { context: t.shell, variable: name, expected, actual: actual ?? '', source: 'os-env', path: null, line: null, lineText: null };
  const gets = getsMessage(msg('apply.verify.where.terminal', { shell: t.shell }), name, actual === null ? msg('apply.verify.nothing') : JSON.stringify(actual), expected);
  for (const file of files) {
    const culprit = await culpritIn(file, name, t.shell === 'zsh' ? 'zsh' : 'bash', t.shell === 'fish');
    if (culprit) return { ...base, path: file, line: culprit.line, lineText: culprit.text, message: msg('apply.verify.mismatch', { gets, why: overrideAdvice(file, culprit, t.shell !== 'fish') }) };
  }
  const startup = files[0] ?? msg('apply.verify.startup-files');
  // What the shell printed is quoted as it printed it.
  const why = t.stderr ? msg('apply.verify.block-not-run-said', { shell: t.shell, said: t.stderr.split('\n')[0]!, file: startup }) : msg('apply.verify.block-not-run', { file: startup });
  return { ...base, path: files[0] ?? null, message: msg('apply.verify.mismatch', { gets, why }) };
}

/** "<where> gets NAME=<actual> instead of <expected>", as a message. */
function getsMessage(where: Message, name: string, actual: string | Message, expected: string | null): Message {
  return msg('apply.verify.gets', { where, variable: name, actual, expected: expected === null ? msg('apply.verify.unset') : JSON.stringify(expected) });
}

/** The assignment of `name` after goproxyctl's block (else the last one) in a startup file. */
async function culpritIn(file: string, name: string, dialect: ShDialect, fish: boolean): Promise<RcAssignment | null> {
  const bytes = await readFile(file).catch(() => null);
  if (bytes === null) return null;
  const { assignments } = await scanRcBytes(bytes, file, fish ? { syntax: 'fish' } : { syntax: 'sh', dialect }, [name]);
  const lines = assignments.filter((a) => a.action === 'set' && !a.inManagedBlock);
  const blockEnd = Math.max(0, ...assignments.filter((a) => a.inManagedBlock).map((a) => a.endLine));
  return [...lines].reverse().find((a) => a.line > blockEnd) ?? lines.at(-1) ?? null;
}

/**
 * The same advice `goproxyctl doctor` gives (shadowFixPlan, with this profile active):
 * `doctor --fix` only for a line it really handles, by commenting it out or, in a file that holds
 * goproxyctl's block, by moving the block after it.
 */
function overrideAdvice(file: string, culprit: RcAssignment, holdsBlock: boolean): Message {
  const at = { file, line: culprit.line, text: culprit.text.trim() };
  const why = whyNotMovable(culprit);
  if (why === null) return msg('apply.verify.override.remove', at);
  // The doctor's reason (shared/doctor/rc-scan.ts) is not a catalogue message yet: quoted in English.
  const reason = why.en;
  if (shadowFixPlan([culprit], true, holdsBlock ? [file] : []) !== null) return msg('apply.verify.override.fix-moves', { ...at, why: reason });
  return msg('apply.verify.override.by-hand', { ...at, why: reason });
}

async function compare(context: VerifyContext, env: NodeJS.ProcessEnv, names: GoProxyVar[], opts: VerifyOptions, rcFile: string | null): Promise<Mismatch[]> {
  const snapshot = await readGoConfig(env, { goBinary: opts.goBinary });
  const fromGo = opts.goBinary ? await goEnvJson(opts.goBinary, names, env, opts.cwd) : null;
  const found: Mismatch[] = [];
  for (const name of names) {
    const expected = opts.vars[name] ?? null;
    const eff = snapshot.effective[name];
    const actual = fromGo ? (fromGo[name] ?? '') : eff.value;
    if (!differs(expected, actual, eff.source)) continue;
    const culprit = rcFile && eff.source === 'os-env' ? await culpritIn(rcFile, name, 'bash', false) : null;
    found.push(describe(context, name, expected, actual, snapshot, rcFile, culprit, opts.envScript ?? null));
  }
  return found;
}

/**
 * A set variable must have exactly the profile's value. An unset one (null) must not be set by
 * anyone above go's own defaults: its value then comes from go (default, go.env, or GOPRIVATE).
 */
function differs(expected: string | null, actual: string, source: string): boolean {
  if (expected !== null) return actual !== expected;
  return source === 'os-env' || source === 'env-file';
}

function describe(
  context: VerifyContext,
  name: GoProxyVar,
  expected: string | null,
  actual: string,
  snapshot: GoConfigSnapshot,
  rcFile: string | null,
  culprit: RcAssignment | null,
  envScript: string | null,
): Mismatch {
  const eff = snapshot.effective[name];
  const base = { context, variable: name, expected, actual, source: eff.source, path: eff.path ?? null, line: null, lineText: null };
  const where = msg(context === 'clean' ? 'apply.verify.where.clean' : context === 'bash' ? 'apply.verify.where.bash' : 'apply.verify.where.current');
  const gets = getsMessage(where, name, JSON.stringify(actual), expected);
  const because = (why: Message): Message => msg('apply.verify.mismatch', { gets, why });
  if (eff.source === 'os-env') {
    if (context === 'bash' && rcFile) {
      // The last assignment after our block is the one that wins in the shell.
      if (culprit) return { ...base, path: rcFile, line: culprit.line, lineText: culprit.text.trim(), message: because(overrideAdvice(rcFile, culprit, true)) };
      return { ...base, path: rcFile, message: because(msg('apply.verify.rc-env', { file: rcFile })) };
    }
    if (context === 'current') {
      return { ...base, message: because(envScript ? msg('apply.verify.current-reload', { script: envScript }) : msg('apply.verify.current-unset', { variable: name })) };
    }
    return { ...base, message: because(msg('apply.verify.os-env')) };
  }
  if (eff.source === 'env-file') return { ...base, message: because(msg('apply.verify.env-file', { path: eff.path ?? '', variable: name })) };
  if (eff.source === 'goroot-env') return { ...base, message: because(msg('apply.verify.goroot-env', { path: eff.path ?? '$GOROOT/go.env' })) };
  return { ...base, message: msg('apply.verify.mismatch-from', { gets, source: eff.source }) };
}
