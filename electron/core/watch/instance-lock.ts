// One watcher per user: two would probe twice and could fight over the chain. The lock is
// proper-lockfile's (an atomic mkdir whose mtime the holder refreshes; a holder killed with -9
// leaves a lock that goes stale and is taken over), and the holder's pid is written next to it
// so a second watcher can say which process holds it.
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { msg } from '../../../shared/i18n/message.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

export class WatchRunningError extends MessageError {
  override name = 'WatchRunningError';
  constructor(readonly pid: number | null) {
    super(pid === null ? msg('ops.watch.running-no-pid') : msg('ops.watch.running', { pid }));
  }
}

export interface InstanceLock {
  release(): Promise<void>;
}

export async function acquireWatchLock(stateDir: string, staleMs = 10_000): Promise<InstanceLock> {
  await mkdir(stateDir, { recursive: true });
  const target = path.join(stateDir, 'watch');
  const ownerFile = `${target}.pid`;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, { realpath: false, lockfilePath: `${target}.lock`, stale: staleMs, retries: 0 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new WatchRunningError(await readPid(ownerFile));
    throw err;
  }
  await writeFile(ownerFile, `${process.pid}\n`);
  return {
    async release() {
      await unlink(ownerFile).catch(() => undefined);
      await release().catch(() => undefined);
    },
  };
}

async function readPid(file: string): Promise<number | null> {
  const n = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(n) && n > 0 ? n : null;
}
