// `goproxyctl undo`: put every file of the last apply back, byte for byte (including the go env
// file), delete the files it created, and keep the history. Applies form a stack: undoing again
// undoes the apply before. An apply interrupted half-way (status "pending") is undone the same way.
import { msg } from '../../../shared/i18n/message.js';
import os from 'node:os';
import { removeOrphanedTemps } from './atomic-write.js';
import { restoreFiles } from './apply-files.js';
import { readRecords, saveRecord, sha256, summarize, type ApplyRecord, type ApplySummary } from './apply-journal.js';
import { productDirs, type ProductDirs } from './product-dirs.js';
import { readIfRegularFile } from './resolve-link.js';
import { writeRefusal } from './writability.js';
import { withWriterLock, type WriterLockOptions } from './writer-lock.js';
import type { CommandRunner } from './windows-user-env.js';
import { restoreWindowsUserEnv } from './windows-user-env.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

export interface UndoOptions {
  dirs?: ProductDirs;
  lock?: WriterLockOptions;
  /** Restore even files that were edited after the apply (their later edits are lost). */
  force?: boolean;
  /** Needed only when the apply changed Windows user environment variables. */
  runner?: CommandRunner;
}

export class UndoConflictError extends MessageError {
  override name = 'UndoConflictError';
  constructor(readonly files: string[]) {
    super(msg('apply.undo.conflict', { files: files.join(', ') }));
  }
}

export async function listApplies(dirs: ProductDirs = productDirs()): Promise<ApplySummary[]> {
  return (await readRecords(dirs.data)).map(summarize);
}

/** Undoes the newest apply that is still in effect; null when there is none. */
export function undoLastApply(opts: UndoOptions = {}): Promise<ApplyRecord | null> {
  const dirs = opts.dirs ?? productDirs();
  return withWriterLock(
    dirs.state,
    async (lock) => {
      // Copies of the go env file that a killed apply left behind (go-env-write.ts puts them in
      // the state folder, or the system temp folder as a last resort); restoreFiles sweeps the
      // folder of every file it restores.
      for (const dir of [dirs.state, os.tmpdir()]) await removeOrphanedTemps(dir).catch(() => undefined);
      const record = (await readRecords(dirs.data)).find((r) => r.status === 'committed' || r.status === 'pending');
      if (!record) return null;
      if (record.status === 'committed' && !opts.force) {
        const edited: string[] = [];
        for (const file of record.files) if ((await currentSha(file.finalPath)) !== file.afterSha256) edited.push(file.path);
        if (edited.length > 0) throw new UndoConflictError(edited);
      }
      const refusals: string[] = [];
      for (const file of record.files) {
        const refusal = await writeRefusal(file.finalPath);
        if (refusal) refusals.push(refusal);
      }
      if (refusals.length > 0) throw new Error(refusals[0]);
      lock.assertHeld();
      const failed = await restoreFiles(record.files, dirs.data, record.id);
      if (failed.length > 0) throw new Error(`could not restore ${failed.join(', ')}; the other files were restored, run undo again once the problem is fixed`);
      if (record.windowsUserEnv && record.windowsUserEnv.length > 0) {
        if (!opts.runner) throw new Error('this apply changed Windows user environment variables; undo it on Windows');
        await restoreWindowsUserEnv(record.windowsUserEnv, opts.runner);
      }
      record.status = 'undone';
      record.undoneAt = new Date().toISOString();
      await saveRecord(dirs.data, record);
      return record;
    },
    opts.lock,
  );
}

async function currentSha(file: string): Promise<string | null> {
  const bytes = await readIfRegularFile(file); // a fifo put there since must not hang undo
  return bytes === null ? null : sha256(bytes);
}
