// One watcher per user: two would probe twice and could fight over the chain. The lock is
// proper-lockfile's (an atomic mkdir whose mtime the holder refreshes; a holder killed with -9
// leaves a lock that goes stale and is taken over), and the holder's pid is written next to it
// so a second watcher can say which process holds it.
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

export class WatchRunningError extends Error {
  override name = 'WatchRunningError';
  /** The sentence as a message, for front ends that speak the user's language (message is its English). */
  readonly words: Message;
  constructor(readonly pid: number | null) {
    const words = pid === null ? msg('ops.watch.running-no-pid') : msg('ops.watch.running', { pid });
    super(render('en', words));
    this.words = words;
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
