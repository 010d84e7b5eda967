// One writer at a time: the tray and the CLI (or two CLIs) must never apply at once, or their
// backups and writes would interleave. proper-lockfile's lock is a directory created with mkdir
// (atomic on every local filesystem) whose mtime the holder refreshes; a lock left by a holder
// that died (kill -9, power loss) goes stale after `staleMs` and the next writer takes it over.
// Who holds the lock is recorded next to it (not inside: proper-lockfile removes the lock with
// rmdir, which must find the directory empty) so a waiting writer can name the pid.
import { mkdir, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { atomicWrite } from './atomic-write.js';

export interface WriterLockOptions {
  /** How long a second writer waits for the first before giving up (default 5 s). */
  waitMs?: number;
  /** Age after which a lock whose holder stopped refreshing it is taken over (default 10 s, minimum 2 s). */
  staleMs?: number;
}

export interface HeldLock {
  /** Throws if the lock was lost (its directory removed or taken over) since it was acquired. */
  assertHeld(): void;
}

export class LockBusyError extends Error {
  override name = 'LockBusyError';
  constructor(readonly pid: number | null) {
    super(`another goproxyctl is applying a profile (pid ${pid ?? 'unknown'}); wait for it to finish and try again`);
  }
}

const RETRY_INTERVAL_MS = 100;
// Writers inside one process (the tray applying twice) queue here first, so the file lock only
// ever arbitrates between processes.
let inProcessQueue: Promise<unknown> = Promise.resolve();

export function withWriterLock<T>(stateDir: string, fn: (lock: HeldLock) => Promise<T>, opts: WriterLockOptions = {}): Promise<T> {
  const run = inProcessQueue.then(() => lockAndRun(stateDir, fn, opts));
  inProcessQueue = run.catch(() => undefined);
  return run;
}

async function lockAndRun<T>(stateDir: string, fn: (lock: HeldLock) => Promise<T>, opts: WriterLockOptions): Promise<T> {
  await mkdir(stateDir, { recursive: true });
  const target = path.join(stateDir, 'apply');
  const lockDir = `${target}.lock`;
  const ownerFile = `${target}.lock-owner`;
  const waitMs = opts.waitMs ?? 5_000;
  let compromised: Error | null = null;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, {
      realpath: false, // the target is a name, not a file that exists
      lockfilePath: lockDir,
      stale: opts.staleMs ?? 10_000,
      retries: { retries: Math.ceil(waitMs / RETRY_INTERVAL_MS), minTimeout: RETRY_INTERVAL_MS, maxTimeout: RETRY_INTERVAL_MS, factor: 1 },
      onCompromised: (err) => {
        compromised = err;
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockBusyError(await readOwnerPid(ownerFile));
    throw err;
  }
  try {
    await atomicWrite(ownerFile, Buffer.from(JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }) + '\n'));
    return await fn({
      assertHeld() {
        if (compromised) throw new Error(`lost the goproxyctl writers' lock (${compromised.message}); nothing more was written, run the apply again`);
      },
    });
  } finally {
    await unlink(ownerFile).catch(() => undefined);
    await release().catch(() => undefined);
  }
}

async function readOwnerPid(ownerFile: string): Promise<number | null> {
  try {
    const owner = JSON.parse(await readFile(ownerFile, 'utf8')) as { pid?: unknown };
    return typeof owner.pid === 'number' ? owner.pid : null;
  } catch {
    return null; // the holder has not written it yet, or has just removed it
  }
}
