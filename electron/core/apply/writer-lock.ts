// One writer at a time: the tray and the CLI (or two CLIs) must never apply at once, or their
// backups and writes would interleave.
//
// The lock is the directory <state>/writer.lock holding owner.json: {pid, host, start, token}.
// It is created whole and atomically: the owner file is written into a private directory that is
// then renamed to writer.lock (rename(2) of a directory fails when the target exists and is not
// empty), so there is never a lock without its owner, and a waiting writer can always name the
// holder. (proper-lockfile, used before, creates the lock with mkdir and can only be told who
// holds it by a file written afterwards; a holder killed in between left "pid unknown" and a
// lock that only went stale after 10 s.)
//
// A lock is reclaimed at once when its holder is gone: same host, and that pid no longer runs,
// or runs with another start time (the pid was reused: /proc/<pid>/stat's starttime on Linux).
// A holder on another host (a home shared over NFS) cannot be checked that way, so the holder
// refreshes the owner file's mtime while it works and such a lock is reclaimed once that is older
// than `staleMs`. Reclaiming renames the lock away first (only one of several waiters can win that
// rename), then deletes it. The lock is also released when the process exits (process.exit after
// a second Ctrl-C); only SIGKILL and power loss skip that, which the pid check covers.
import { msg } from '../../../shared/i18n/message.js';
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MessageError } from '../../../shared/i18n/message-error.js';

export interface WriterLockOptions {
  /** How long a second writer waits for a live holder before giving up (default 5 s). */
  waitMs?: number;
  /** Age after which a lock of a holder on another host, no longer refreshed, is taken over (default 10 s, minimum 2 s). */
  staleMs?: number;
  /** Stops the wait for a busy lock (Ctrl-C): rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface HeldLock {
  /** Throws if the lock was lost (its directory removed or taken over) since it was acquired. */
  assertHeld(): void;
}

export interface LockOwner {
  pid: number;
  host: string;
  /** The process's start time as the OS counts it (Linux: clock ticks since boot), or null where unknown. */
  start: string | null;
  since: string;
  token: string;
}

export class LockBusyError extends MessageError {
  override name = 'LockBusyError';
  constructor(
    readonly pid: number | null,
    readonly host: string | null = null,
  ) {
    const holder = pid === null ? msg('apply.lock.holder-unknown') : msg('apply.lock.holder', { pid });
    super(msg('apply.lock.busy', { holder: host && host !== os.hostname() ? msg('apply.lock.holder-on-host', { holder, host }) : holder }));
  }
}

const RETRY_INTERVAL_MS = 100;
const OWNER_FILE = 'owner.json';
// Writers inside one process (the tray applying twice) queue here first, so the file lock only
// ever arbitrates between processes.
let inProcessQueue: Promise<unknown> = Promise.resolve();
const heldLocks = new Map<string, string>(); // lock dir -> our token, for the exit hook
let exitHookInstalled = false;

export function withWriterLock<T>(stateDir: string, fn: (lock: HeldLock) => Promise<T>, opts: WriterLockOptions = {}): Promise<T> {
  const run = inProcessQueue.then(() => lockAndRun(stateDir, fn, opts));
  inProcessQueue = run.catch(() => undefined);
  return run;
}

export function lockDirectory(stateDir: string): string {
  // Not "apply.lock", proper-lockfile's empty directory in earlier versions: rename(2) would
  // replace an empty directory instead of failing on it.
  return path.join(stateDir, 'writer.lock');
}

async function lockAndRun<T>(stateDir: string, fn: (lock: HeldLock) => Promise<T>, opts: WriterLockOptions): Promise<T> {
  await mkdir(stateDir, { recursive: true });
  const lockDir = lockDirectory(stateDir);
  const staleMs = Math.max(2_000, opts.staleMs ?? 10_000);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), start: processStart(process.pid), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  await removeDeadLeftovers(stateDir);
  await acquire(stateDir, lockDir, owner, opts.waitMs ?? 5_000, staleMs, opts.signal);

  let lost: string | null = null;
  const refresh = setInterval(() => {
    // readOwner never rejects (an unreadable owner file reads as null), and a failed touch only lets
    // the lock age: if another process then takes it over, the next refresh sees its token and
    // assertHeld() fails the apply. So neither needs a handler here.
    void readOwner(lockDir).then(async (current) => {
      if (current === 'missing' || current?.token !== owner.token) lost = 'the lock was removed or taken over by another process';
      else await utimes(path.join(lockDir, OWNER_FILE), new Date(), new Date()).catch(() => undefined);
    });
  }, Math.floor(staleMs / 3));
  refresh.unref();
  try {
    return await fn({
      assertHeld() {
        if (lost) throw new Error(`lost the goproxyctl writers' lock (${lost}); nothing more was written, run the apply again`);
      },
    });
  } finally {
    clearInterval(refresh);
    await release(lockDir, owner.token);
  }
}

async function acquire(stateDir: string, lockDir: string, owner: LockOwner, waitMs: number, staleMs: number, signal: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    signal?.throwIfAborted();
    if (await tryCreate(stateDir, lockDir, owner)) return;
    const holder = await readOwner(lockDir);
    if (holder === 'missing') continue; // released (or reclaimed) just now: try again at once
    if (await holderIsGone(lockDir, holder, staleMs)) {
      await reclaim(stateDir, lockDir, holder);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(holder?.pid ?? null, holder?.host ?? null);
    await sleep(RETRY_INTERVAL_MS, signal);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      const reason: unknown = signal!.reason; // AbortSignal.reason is whatever abort() was given
      reject(reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Creates the lock with its owner file in one rename; false when another lock is there. */
async function tryCreate(stateDir: string, lockDir: string, owner: LockOwner): Promise<boolean> {
  const pending = path.join(stateDir, `.writer.lock-new-${owner.pid}-${owner.token}`);
  await mkdir(pending, { recursive: true });
  await writeFile(path.join(pending, OWNER_FILE), JSON.stringify(owner) + '\n');
  try {
    await rename(pending, lockDir);
  } catch (err) {
    await rm(pending, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || code === 'EACCES' || code === 'EISDIR') {
      // EPERM/EACCES on Windows when the target exists; a real permission problem shows up as the lock never appearing.
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || (await exists(lockDir))) return false;
    }
    throw err;
  }
  installExitHook();
  heldLocks.set(lockDir, owner.token);
  return true;
}

/**
 * The holder of an existing lock is gone: its pid is not running on this host (or runs with
 * another start time), or, for a holder on another host or a lock without a readable owner (a
 * lock of an older goproxyctl), the lock has not been refreshed for staleMs.
 */
async function holderIsGone(lockDir: string, holder: LockOwner | null, staleMs: number): Promise<boolean> {
  if (holder && holder.host === os.hostname()) {
    if (!isProcessAlive(holder.pid)) return true;
    const start = processStart(holder.pid);
    return holder.start !== null && start !== null && start !== holder.start;
  }
  const refreshed = await stat(holder ? path.join(lockDir, OWNER_FILE) : lockDir).then((s) => s.mtimeMs, () => null);
  return refreshed !== null && Date.now() - refreshed > staleMs;
}

async function reclaim(stateDir: string, lockDir: string, holder: LockOwner | null): Promise<void> {
  // Move it aside first: of several waiters, exactly one wins the rename; the others find the
  // lock missing (or newly taken) and go round again.
  const aside = path.join(stateDir, `.writer.lock-stale-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await rename(lockDir, aside);
  } catch {
    return;
  }
  // If a new holder took the lock between our check and the rename, give it back.
  const moved = await readOwner(aside);
  if (moved !== 'missing' && moved !== null && holder !== null && moved.token !== holder.token) {
    await rename(aside, lockDir).catch(() => undefined);
    return;
  }
  await rm(aside, { recursive: true, force: true });
}

async function release(lockDir: string, token: string): Promise<void> {
  heldLocks.delete(lockDir);
  const current = await readOwner(lockDir);
  if (current === 'missing' || current === null || current.token !== token) return; // taken over: not ours to remove
  const aside = path.join(path.dirname(lockDir), `.writer.lock-released-${process.pid}-${token}`);
  await rename(lockDir, aside).then(() => rm(aside, { recursive: true, force: true }), () => undefined);
}

/** The owner of the lock; null when the owner file is unreadable, 'missing' when there is no lock. */
async function readOwner(lockDir: string): Promise<LockOwner | null | 'missing'> {
  let text: string;
  try {
    text = await readFile(path.join(lockDir, OWNER_FILE), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return (await exists(lockDir)) ? null : 'missing';
    return null;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.token === 'string') {
      return { pid: o.pid, host: o.host, start: typeof o.start === 'string' ? o.start : null, since: String(o.since), token: o.token };
    }
  } catch {
    // a damaged owner file: treated as unknown
  }
  return null;
}

/** Half-made, moved-aside or half-removed lock directories of processes killed at that moment. */
async function removeDeadLeftovers(stateDir: string): Promise<void> {
  for (const name of await readdir(stateDir).catch(() => [] as string[])) {
    const m = /^\.writer\.lock-(?:new|stale|released)-(\d+)-[0-9a-f]+$/.exec(name);
    if (m && (Number(m[1]) === process.pid ? false : !isProcessAlive(Number(m[1])))) await rm(path.join(stateDir, name), { recursive: true, force: true });
  }
}

function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process started, to tell a reused pid from the holder: field 22 of /proc/<pid>/stat
 * (clock ticks after boot; the fields after the command name, which may itself hold spaces and
 * parentheses, are counted from its last ')'). Null where there is no /proc (macOS, Windows):
 * there the pid check alone decides.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [lockDir, token] of heldLocks) {
      try {
        const owner = JSON.parse(readFileSync(path.join(lockDir, OWNER_FILE), 'utf8')) as { token?: string };
        if (owner.token !== token) continue;
        const aside = path.join(path.dirname(lockDir), `.writer.lock-released-${process.pid}-${token}`);
        renameSync(lockDir, aside);
        rmSync(aside, { recursive: true, force: true });
      } catch {
        // nothing to release
      }
    }
  });
}
