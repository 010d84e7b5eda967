// Writing the go env file. When a go binary is present, the new bytes come from the REAL
// `go env -w NAME=VALUE ...` / `go env -u NAME ...` (values as separate argv entries, never
// through a shell), run against a private copy of the file (GOENV=<copy>); goproxyctl then installs
// those bytes with atomicWrite. Why not let go write the file in place: go uses os.WriteFile
// (truncate, then write), so a kill at the wrong moment leaves a half-written file, and it would
// bypass the backup, the read-only check and the dry run. Without go, go-env-file.ts computes the
// same bytes go would. Variables are validated first (go-env-validate.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findGoBinary } from '../goenv/locate-go.js';
import { atomicWrite } from './atomic-write.js';
import { goEnvApply } from './go-env-file.js';
import { goEnvFilePath, goEnvFilePathFromGo, type GoEnvLocation } from './go-env-path.js';
import { goEnvProblems } from './go-env-validate.js';
import { isMissing } from './resolve-link.js';

export interface GoEnvOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  cwd?: string;
  /** The go binary; undefined: look it up on PATH (GOPROXYCTL_GO overrides); null: act as if go is absent. */
  goBinary?: string | null;
}

export interface GoEnvChange {
  location: GoEnvLocation;
  goBinary: string | null;
  before: Buffer | null;
  /** null: the file stays absent (only unsets were asked, and there is no file). */
  after: Buffer | null;
  /** What go printed on stderr (e.g. "does not override conflicting OS environment variable"). */
  warnings: string[];
}

export class GoEnvError extends Error {
  override name = 'GoEnvError';
}

export async function locateGoEnv(opts: GoEnvOptions = {}): Promise<{ location: GoEnvLocation; goBinary: string | null }> {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const goBinary = opts.goBinary === undefined ? findGoBinary(env, platform) : opts.goBinary;
  const location = goBinary ? await goEnvFilePathFromGo(goBinary, env, opts.cwd) : goEnvFilePath(env, platform, opts.cwd);
  return { location, goBinary };
}

/** Computes the go env file's next bytes without touching it (used by the dry run and the apply). */
export async function planGoEnv(vars: Readonly<Record<string, string | null>>, opts: GoEnvOptions = {}): Promise<GoEnvChange> {
  const problems = goEnvProblems(vars);
  if (problems.length > 0) throw new GoEnvError(`${problems.join('; ')}; nothing was written`);
  const { location, goBinary } = await locateGoEnv(opts);
  if (location.path === null) throw new GoEnvError(location.reason);
  const before = await readFile(location.path).catch((err: unknown) => {
    if (isMissing(err)) return null;
    throw err;
  });
  if (!goBinary) return { location, goBinary, before, after: goEnvApply(before, vars), warnings: [] };
  const { after, warnings } = await runGoOnCopy(goBinary, before, vars, opts.env ?? process.env, opts.cwd);
  return { location, goBinary, before, after, warnings };
}

/** Plans and writes at once (outside a transaction: no backup; commitApply is the careful path). */
export async function writeGoEnv(vars: Readonly<Record<string, string | null>>, opts: GoEnvOptions = {}): Promise<GoEnvChange> {
  const change = await planGoEnv(vars, opts);
  if (change.after !== null && change.location.path !== null && !(change.before && change.before.equals(change.after))) {
    await atomicWrite(change.location.path, change.after);
  }
  return change;
}

async function runGoOnCopy(
  goBinary: string,
  before: Buffer | null,
  vars: Readonly<Record<string, string | null>>,
  env: NodeJS.ProcessEnv,
  cwd: string | undefined,
): Promise<{ after: Buffer | null; warnings: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-goenv-'));
  const copy = path.join(dir, 'env');
  try {
    if (before !== null) await writeFile(copy, before);
    // GOTOOLCHAIN=local: never let go switch to (and try to download) another toolchain here.
    const goEnv = { ...env, GOENV: copy, GOTOOLCHAIN: 'local' };
    const set = Object.entries(vars).filter((e): e is [string, string] => e[1] !== null);
    const unset = Object.entries(vars).filter(([, v]) => v === null).map(([k]) => k);
    const warnings: string[] = [];
    if (set.length > 0) warnings.push(...(await runGo(goBinary, ['env', '-w', ...set.map(([k, v]) => `${k}=${v}`)], goEnv, cwd)));
    // `go env -u` fails when the file does not exist: there is nothing to unset then.
    const exists = await readFile(copy).then(() => true, () => false);
    if (unset.length > 0 && exists) warnings.push(...(await runGo(goBinary, ['env', '-u', ...unset], goEnv, cwd)));
    const after = exists ? await readFile(copy) : null;
    // We set GOTOOLCHAIN ourselves; a warning about it would blame the user's environment.
    const filtered = env.GOTOOLCHAIN ? warnings : warnings.filter((w) => !w.includes(' GOTOOLCHAIN='));
    return { after, warnings: filtered };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runGo(goBinary: string, args: string[], env: NodeJS.ProcessEnv, cwd: string | undefined): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(goBinary, args, { env, cwd, timeout: 30_000, maxBuffer: 1 << 20 }, (err, _stdout, stderr) => {
      const lines = String(stderr).split('\n').map((l) => l.trim()).filter(Boolean);
      if (err) reject(new GoEnvError(`\`go ${args.slice(0, 2).join(' ')}\` refused the change: ${lines.join(' ') || err.message}`));
      else resolve(lines);
    });
  });
}
