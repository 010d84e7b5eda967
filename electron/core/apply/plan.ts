// The apply engine's entry points: planApply (the dry run: every file that would change, with a
// diff) and commitApply (the real thing, as one transaction under the writers' lock).
//
// commitApply re-plans from the plan's request once it holds the lock: another writer (the tray,
// a second CLI) may have changed the files since the dry run, and blocks must be merged into the
// bytes that are there now, not into the ones the dry run saw.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { existsSync } from 'node:fs';
import { applyFilesLocked, ApplyRefusedError, type FileChange } from './apply-files.js';
import { saveRecord, type ApplyRecord } from './apply-journal.js';
import { renderEnvFish, renderEnvPs1, renderEnvSh, type GoVars } from './env-scripts.js';
import { GoEnvError, planGoEnv } from './go-env-write.js';
import { goEnvProblems } from './go-env-validate.js';
import { ManagedBlockError, writeManagedBlock } from './managed-block.js';
import { productDirs, type ProductDirs } from './product-dirs.js';
import { checkingShellFor, rcEditRefusalMessage } from './rc-syntax-check.js';
import { readIfRegularFile, resolveLinkChain } from './resolve-link.js';
import { defaultShells, managedBlockFor, shellTarget, type ShellName } from './shells.js';
import { unifiedDiff } from './unified-diff.js';
import { writeRefusalMessage } from './writability.js';
import { writeWindowsUserEnv, type CommandRunner } from './windows-user-env.js';
import { withWriterLock, type WriterLockOptions } from './writer-lock.js';

export interface ApplyRequest {
  /** Shown in the history, e.g. "use china". */
  label: string;
  /** The Go variables of the profile; null unsets a variable. */
  vars: GoVars;
  /** Which shells get startup-file blocks; default: the login shell plus every shell in use. */
  shells?: readonly ShellName[];
  /** Write the go env file (default true). */
  goEnv?: boolean;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  cwd?: string;
  /** undefined: find go on PATH; null: behave as if go were not installed. */
  goBinary?: string | null;
  dirs?: ProductDirs;
}

export type FileRole = 'go-env' | 'env-script' | 'startup-file';

export interface PlannedFile {
  path: string;
  /** The file that would really be written (through symbolic links). */
  finalPath: string;
  role: FileRole;
  shells: ShellName[];
  before: Buffer | null;
  after: Buffer | null;
  changed: boolean;
  /** Unified diff of the change ('' when unchanged). */
  diff: string;
  /** Why this file cannot be written, or null. */
  refusal: string | null;
}

export interface ApplyPlan {
  request: ApplyRequest;
  shells: ShellName[];
  files: PlannedFile[];
  /** Blocking problems (invalid variables, read-only files, damaged blocks): commit would refuse. */
  problems: string[];
  /** The same problems as messages, in the same order, for each front end's language. */
  problemMessages: Message[];
  /** Things worth telling the user that do not block the apply. */
  warnings: string[];
}

export interface CommitOptions {
  lock?: WriterLockOptions;
  /** Windows only: writes the variables to HKCU\Environment too (see windows-user-env.ts). */
  windowsRunner?: CommandRunner;
}

export async function planApply(request: ApplyRequest): Promise<ApplyPlan> {
  const env = request.env ?? process.env;
  const platform = request.platform ?? process.platform;
  const dirs = request.dirs ?? productDirs(env, platform);
  const problems = goEnvProblems(request.vars);
  // go's own words for a value it rejects: quoted as go would print them.
  const problemMessages: Message[] = problems.map((problem) => msg('apply.problem.go-env', { problem }));
  const problem = (text: string, message: Message): void => {
    problems.push(text);
    problemMessages.push(message);
  };
  const warnings: string[] = [];
  const shells = [...(request.shells ?? defaultShells(env, platform, dirs, existsSync))];
  const wanted: { path: string; role: FileRole; shells: ShellName[]; after: (before: Buffer | null) => Buffer }[] = [];

  if (problems.length === 0 && request.goEnv !== false) {
    try {
      // go works on a copy in the product's own state folder: private, and swept by undo.
      const change = await planGoEnv(request.vars, { env, platform, cwd: request.cwd, goBinary: request.goBinary, scratchDir: dirs.state });
      warnings.push(...change.warnings);
      if (change.location.path !== null && change.after !== null) {
        const after = change.after;
        wanted.push({ path: change.location.path, role: 'go-env', shells: [], after: () => after });
      }
    } catch (err) {
      if (!(err instanceof GoEnvError)) throw err;
      // GOENV=off is not an error for the apply: the shell files still carry the settings.
      if (env.GOENV === 'off') warnings.push(err.message);
      else problem(err.message, err.detail);
    }
  }

  for (const shell of shells) {
    const target = shellTarget(shell, env, platform, dirs);
    const script = renderEnvFor(target.envScriptKind, request.vars);
    addWanted(wanted, { path: target.envScript, role: 'env-script', shells: [shell], after: () => script });
    for (const file of target.startupFiles) {
      if (target.ownsStartupFile) {
        const owned = Buffer.from(target.loader.join('\n') + '\n');
        addWanted(wanted, { path: file, role: 'startup-file', shells: [shell], after: () => owned });
      } else {
        const block = managedBlockFor(target, platform);
        addWanted(wanted, { path: file, role: 'startup-file', shells: [shell], after: (before) => writeManagedBlock(before ?? Buffer.alloc(0), block) });
      }
    }
  }

  const files: PlannedFile[] = [];
  for (const w of wanted) {
    const resolved = await resolveLinkChain(w.path);
    const before = await readIfRegularFile(resolved.finalPath);
    let after: Buffer | null;
    try {
      after = w.after(before);
    } catch (err) {
      if (!(err instanceof ManagedBlockError)) throw err;
      problem(`${w.path}: ${err.message}`, msg('apply.problem.in-file', { file: w.path, problem: err.detail }));
      continue;
    }
    const changed = before === null || !before.equals(after);
    let refusalMessage = changed ? await writeRefusalMessage(resolved.finalPath) : null;
    // A startup file the shell could read before and cannot after is never written.
    const checker = w.role === 'startup-file' ? checkingShellFor(w.shells[0] ?? '') : null;
    if (!refusalMessage && changed && checker) refusalMessage = await rcEditRefusalMessage(w.path, checker, before, after, env);
    const refusal = refusalMessage && render('en', refusalMessage);
    if (refusal && refusalMessage) problem(refusal, refusalMessage);
    files.push({ path: resolved.requested, finalPath: resolved.finalPath, role: w.role, shells: w.shells, before, after, changed, diff: changed ? unifiedDiff(w.path, before, after) : '', refusal });
  }
  return { request, shells, files, problems, problemMessages, warnings };
}

export async function commitApply(plan: ApplyPlan, opts: CommitOptions = {}): Promise<ApplyRecord | null> {
  const request = plan.request;
  const env = request.env ?? process.env;
  const platform = request.platform ?? process.platform;
  const dirs = request.dirs ?? productDirs(env, platform);
  // Pin the shell selection of the dry run: the user approved those files.
  const pinned: ApplyRequest = { ...request, shells: plan.shells, dirs };
  return withWriterLock(
    dirs.state,
    async (lock) => {
      const fresh = await planApply(pinned);
      if (fresh.problems.length > 0) throw new ApplyRefusedError(fresh.problems, fresh.problemMessages);
      const changes: FileChange[] = fresh.files
        .filter((f) => f.changed)
        .map((f) => ({ path: f.path, after: f.after, role: f.role === 'startup-file' ? `startup-file:${f.shells.join(',')}` : f.role }));
      const record = await applyFilesLocked(changes, dirs, request.label, lock);
      if (platform === 'win32' && opts.windowsRunner) {
        const changedVars = await writeWindowsUserEnv(request.vars, opts.windowsRunner);
        if (changedVars.length > 0 && record) {
          record.windowsUserEnv = changedVars;
          await saveRecord(dirs.data, record);
        }
      }
      return record;
    },
    opts.lock,
  );
}

function renderEnvFor(kind: 'sh' | 'fish' | 'ps1', vars: GoVars): Buffer {
  const text = kind === 'sh' ? renderEnvSh(vars) : kind === 'fish' ? renderEnvFish(vars) : renderEnvPs1(vars);
  return Buffer.from(text, 'utf8');
}

function addWanted<T extends { path: string; shells: ShellName[] }>(list: T[], item: T): void {
  const existing = list.find((w) => w.path === item.path);
  if (existing) existing.shells.push(...item.shells.filter((s) => !existing.shells.includes(s)));
  else list.push(item);
}
