// Writing the go env file. When a go binary is present, the new bytes come from the REAL
// `go env -w NAME=VALUE ...` / `go env -u NAME ...` (values as separate argv entries, never
// through a shell), run against a private copy of the file (GOENV=<copy>); goproxyctl then installs
// those bytes with atomicWrite. Why not let go write the file in place: go uses os.WriteFile
// (truncate, then write), so a kill at the wrong moment leaves a half-written file, and it would
// bypass the backup, the read-only check and the dry run. Without go, go-env-file.ts computes the
// same bytes go would. Variables are validated first (go-env-validate.ts).
import { msg } from '../../../shared/i18n/message.js';
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findGoBinary } from '../goenv/locate-go.js';
import { atomicWrite, removeOrphanedTemps, tempNameFor, trackTempFile, untrackTempFile } from './atomic-write.js';
import { goEnvApply } from './go-env-file.js';
import { goEnvFilePath, goEnvFilePathFromGo, type GoEnvLocation } from './go-env-path.js';
import { goEnvProblems } from './go-env-validate.js';
import { isMissing } from './resolve-link.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

export interface GoEnvOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  cwd?: string;
  /** The go binary; undefined: look it up on PATH (GOPROXYCTL_GO overrides); null: act as if go is absent. */
  goBinary?: string | null;
  /**
   * A private folder of the product's (its state folder) for the copy go works on; default: the
   * go env file's own folder when it exists. Never the shared system temp folder unless neither
   * can be used.
   */
  scratchDir?: string;
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

export class GoEnvError extends MessageError {
  override name = 'GoEnvError';
}

export async function locateGoEnv(opts: GoEnvOptions = {}): Promise<{ location: GoEnvLocation; goBinary: string | null }> {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const goBinary = opts.goBinary === undefined ? findGoBinary(env, platform) : opts.goBinary;
  await assertGoEnvFileReadable(env, platform, opts.cwd);
  const location = goBinary ? await goEnvFilePathFromGo(goBinary, env, opts.cwd) : goEnvFilePath(env, platform, opts.cwd);
  return { location, goBinary };
}

/** Computes the go env file's next bytes without touching it (used by the dry run and the apply). */
export async function planGoEnv(vars: Readonly<Record<string, string | null>>, opts: GoEnvOptions = {}): Promise<GoEnvChange> {
  const problems = goEnvProblems(vars);
  // go's own words for the values it rejects, quoted.
  if (problems.length > 0) throw new GoEnvError(msg('apply.goenv.rejected', { problems: problems.join('; ') }));
  const { location, goBinary } = await locateGoEnv(opts);
  if (location.path === null) throw new GoEnvError(location.reasonMessage);
  // Stat before reading: a fifo or a device in place of the go env file must not hang the apply.
  const before = (await assertRegularOrMissing(location.path)) ? await readFile(location.path) : null;
  if (!goBinary) return { location, goBinary, before, after: goEnvApply(before, vars), warnings: [] };
  const { after, warnings } = await runGoOnCopy(goBinary, location.path, opts.scratchDir, before, vars, opts.env ?? process.env, opts.cwd);
  return { location, goBinary, before, after, warnings };
}

/**
 * Every go command reads the go env file first, and blocks forever on a fifo put in its place:
 * callers check the place go would use (GOENV, else the user config folder) before running go at
 * all. Throws a GoEnvError naming the file when it exists and is not a regular file.
 */
export async function assertGoEnvFileReadable(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, cwd?: string): Promise<void> {
  const predicted = goEnvFilePath(env, platform, cwd);
  if (predicted.path !== null) await assertRegularOrMissing(predicted.path);
}

/** True when the file exists (as a regular file), false when it does not; a GoEnvError for anything else. */
async function assertRegularOrMissing(file: string): Promise<boolean> {
  const facts = await stat(file).catch((err: unknown) => {
    if (isMissing(err)) return null;
    throw err;
  });
  if (facts !== null && !facts.isFile()) throw new GoEnvError(msg('apply.goenv.not-regular', { file }));
  return facts !== null;
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
  target: string,
  scratchDir: string | undefined,
  before: Buffer | null,
  vars: Readonly<Record<string, string | null>>,
  env: NodeJS.ProcessEnv,
  cwd: string | undefined,
): Promise<{ after: Buffer | null; warnings: string[] }> {
  const copy = await createScratchCopy(target, scratchDir, before);
  try {
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
    await unlink(copy).catch(() => undefined);
    untrackTempFile(copy);
  }
}

/**
 * The private copy go works on. It is the user's go env file (it may hold a GOPRIVATE naming
 * internal hosts, or GOFLAGS with a token), so it is created 0600 in a private folder: the
 * product's state folder when given (the apply, whose undo sweeps it), else next to the original.
 * It carries atomicWrite's temp name, so it is removed when we are done, on error, at exit, and,
 * after a SIGKILL, by the next sweep of that folder (the next apply, undo). Only when neither
 * folder can be used does it go to the system temp folder, which undo sweeps too. Without a file
 * before, go creates the copy itself.
 */
async function createScratchCopy(target: string, scratchDir: string | undefined, before: Buffer | null): Promise<string> {
  const candidates = [scratchDir ?? path.dirname(target), os.tmpdir()];
  for (const dir of candidates) {
    const copy = tempNameFor(path.join(dir, path.basename(target)));
    trackTempFile(copy);
    try {
      if (dir === scratchDir) await mkdir(dir, { recursive: true, mode: 0o700 });
      await removeOrphanedTemps(dir);
      const handle = await open(copy, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        if (before !== null) await handle.writeFile(before);
      } finally {
        await handle.close();
      }
      if (before === null) await unlink(copy);
      return copy;
    } catch (err) {
      untrackTempFile(copy);
      await unlink(copy).catch(() => undefined);
      const code = (err as NodeJS.ErrnoException).code;
      if (dir === candidates.at(-1) || !['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS'].includes(code ?? '')) throw err;
    }
  }
  throw new Error('unreachable');
}

function runGo(goBinary: string, args: string[], env: NodeJS.ProcessEnv, cwd: string | undefined): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(goBinary, args, { env, cwd, timeout: 30_000, maxBuffer: 1 << 20 }, (err, _stdout, stderr) => {
      const lines = String(stderr).split('\n').map((l) => l.trim()).filter(Boolean);
      // go's own complaint, quoted as it printed it.
      if (err) reject(new GoEnvError(msg('apply.goenv.go-refused', { command: `go ${args.slice(0, 2).join(' ')}`, output: lines.join(' ') || err.message })));
      else resolve(lines);
    });
  });
}
