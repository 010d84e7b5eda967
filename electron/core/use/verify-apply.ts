// After an apply: does go really use the profile? Checked where it matters:
//   - "clean": a fresh process (an IDE, a new service) with none of the Go variables in its
//     environment: `go env -json` must show the profile (the go env file works);
//   - "bash": a new terminal that reads the rc file: an `export GOPROXY=...` after our block wins
//     over it, and is named with its file and line;
//   - "current": the environment goproxyctl itself was started from (an older terminal).
// Every difference names the source that shadows the profile's value (readGoConfig's effective
// source and path), so the user knows what to remove.
import { readFile } from 'node:fs/promises';
import { GO_PROXY_VARS, type GoProxyVar } from '../../../shared/go/effective.js';
import { BEGIN_MARKER, END_MARKER } from '../apply/index.js';
import { readGoConfig, type GoConfigSnapshot } from '../goenv/read-config.js';
import { findEnvAssignments, managedBlockLines } from './env-assignments.js';
import { goEnvJson } from './go-env-json.js';
import { bashEnvAfter } from './shell-env.js';

export type VerifyContext = 'clean' | 'bash' | 'current';

export interface Mismatch {
  context: VerifyContext;
  variable: string;
  /** The profile's value; null: the profile leaves it unset (go's default). */
  expected: string | null;
  actual: string;
  /** Where the winning value comes from (readGoConfig's effective source). */
  source: string;
  /** The file that sets it, when known (the go env file, $GOROOT/go.env, an rc file). */
  path: string | null;
  /** The rc file line that sets it, when found. */
  line: number | null;
  lineText: string | null;
  /** One sentence for the user, with the fix. */
  message: string;
}

export interface ContextResult {
  context: VerifyContext;
  checked: boolean;
  /** How the value was read: the real go, or (without go) the files go would read. */
  by: 'go env -json' | 'config files' | null;
  /** Why it could not be checked, when checked is false. */
  note: string | null;
}

export interface VerifyReport {
  ok: boolean;
  contexts: ContextResult[];
  mismatches: Mismatch[];
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
    } else contexts.push({ context: 'bash', checked: false, by: null, note: shell.error });
  } else {
    contexts.push({ context: 'bash', checked: false, by: null, note: opts.bashRc ? 'bash is not installed' : 'bash was not among the shells written' });
  }

  // The current environment: only variables it sets itself can differ from a fresh process.
  const current = await compare('current', opts.env, names, opts, null);
  mismatches.push(...current.filter((m) => m.source === 'os-env'));
  contexts.push({ context: 'current', checked: true, by, note: null });

  return { ok: mismatches.length === 0, contexts, mismatches };
}

async function compare(context: VerifyContext, env: NodeJS.ProcessEnv, names: GoProxyVar[], opts: VerifyOptions, rcFile: string | null): Promise<Mismatch[]> {
  const snapshot = await readGoConfig(env, { goBinary: opts.goBinary });
  const fromGo = opts.goBinary ? await goEnvJson(opts.goBinary, names, env, opts.cwd) : null;
  const rcText = rcFile ? await readFile(rcFile).then((b) => b.toString('latin1'), () => null) : null;
  const found: Mismatch[] = [];
  for (const name of names) {
    const expected = opts.vars[name] ?? null;
    const eff = snapshot.effective[name];
    const actual = fromGo ? (fromGo[name] ?? '') : eff.value;
    if (!differs(expected, actual, eff.source)) continue;
    found.push(describe(context, name, expected, actual, snapshot, rcFile, rcText, opts.envScript ?? null));
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
  rcText: string | null,
  envScript: string | null,
): Mismatch {
  const eff = snapshot.effective[name];
  const want = expected === null ? 'unset' : JSON.stringify(expected);
  const base = { context, variable: name, expected, actual, source: eff.source, path: eff.path ?? null, line: null, lineText: null };
  const where = context === 'clean' ? 'a new process' : context === 'bash' ? 'a new bash terminal' : 'the environment goproxyctl was started from';
  const gets = `${where} gets ${name}=${JSON.stringify(actual)} instead of ${want}`;
  if (eff.source === 'os-env') {
    if (context === 'bash' && rcFile) {
      const block = rcText ? managedBlockLines(rcText, BEGIN_MARKER, END_MARKER) : null;
      const lines = rcText ? findEnvAssignments(rcText, name).filter((a) => !block || a.line < block.begin || a.line > block.end) : [];
      // The last assignment after our block is the one that wins in the shell.
      const culprit = [...lines].reverse().find((a) => !block || a.line > block.end) ?? lines.at(-1) ?? null;
      if (culprit) {
        return { ...base, path: rcFile, line: culprit.line, lineText: culprit.text, message: `${gets}: ${rcFile} line ${culprit.line} (${culprit.text}) overrides the profile; remove that line, or run \`goproxyctl doctor --fix\`` };
      }
      return { ...base, path: rcFile, message: `${gets}: it is set in the environment by ${rcFile} or a file it runs; remove that assignment` };
    }
    if (context === 'current') {
      const reload = envScript ? `, or reload the profile in this one with \`. ${envScript}\`` : `, or run \`unset ${name}\` in this one`;
      return { ...base, message: `${gets}: it is set in that environment (a terminal opened before the apply?); open a new terminal${reload}` };
    }
    return { ...base, message: `${gets}: it is set in the environment` };
  }
  if (eff.source === 'env-file') return { ...base, message: `${gets}: the go env file ${eff.path ?? ''} sets it; run \`go env -u ${name}\` or apply the profile again` };
  if (eff.source === 'goroot-env') return { ...base, message: `${gets}: ${eff.path ?? '$GOROOT/go.env'} sets it and the go env file does not override it` };
  return { ...base, message: `${gets} (from ${eff.source})` };
}
