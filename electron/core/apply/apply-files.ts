// An apply as a transaction over files: check every file, back every file up, then write them all;
// if one write fails, the files already written are put back. Runs under the writers' lock.
import type { Message } from '../../../shared/i18n/message.js';
import { lstat, mkdir, readFile, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { atomicWrite, durableUnlink, removeOrphanedTemps, restoreOwner } from './atomic-write.js';
import { newApplyId, readBackup, saveBackup, saveRecord, sha256, type ApplyFileRecord, type ApplyRecord, type FileBefore } from './apply-journal.js';
import { productDirs, type ProductDirs } from './product-dirs.js';
import { isMissing, resolveLinkChain } from './resolve-link.js';
import { writeRefusal } from './writability.js';
import { withWriterLock, type HeldLock, type WriterLockOptions } from './writer-lock.js';

export interface FileChange {
  path: string;
  /** The new bytes; null removes the file. */
  after: Uint8Array | null;
  /** What the file is to the product (e.g. "go-env", "rc:bash", "env-script"), for the history. */
  role?: string;
}

export interface ApplyFilesOptions {
  label?: string;
  dirs?: ProductDirs;
  lock?: WriterLockOptions;
}

/** Raised before anything was written: the apply was refused as a whole. */
export class ApplyRefusedError extends Error {
  override name = 'ApplyRefusedError';
  /** The refusals as messages, when the caller has them (an apply planned by planApply). */
  readonly details: readonly Message[];
  constructor(
    readonly refusals: string[],
    details: readonly Message[] = [],
  ) {
    super(refusals.length > 1 ? `${refusals[0]} (and ${refusals.length - 1} more problem${refusals.length > 2 ? 's' : ''})` : (refusals[0] ?? 'apply refused'));
    this.details = details;
  }
}

export function applyFiles(changes: readonly FileChange[], opts: ApplyFilesOptions = {}): Promise<ApplyRecord | null> {
  const dirs = opts.dirs ?? productDirs();
  return withWriterLock(dirs.state, (lock) => applyFilesLocked(changes, dirs, opts.label ?? 'apply', lock), opts.lock);
}

interface Prepared {
  change: FileChange;
  record: ApplyFileRecord;
  beforeBytes: Buffer | null;
}

/**
 * The transaction itself; the caller holds the lock. Returns null when no file would change.
 * Throws ApplyRefusedError (nothing written) or, after a rollback, the error of the failed write.
 */
export async function applyFilesLocked(changes: readonly FileChange[], dirs: ProductDirs, label: string, lock: HeldLock): Promise<ApplyRecord | null> {
  const prepared = await prepare(changes);
  const refusals: string[] = [];
  for (const p of prepared) {
    const refusal = await writeRefusal(p.record.finalPath);
    if (refusal) refusals.push(refusal);
  }
  if (refusals.length > 0) throw new ApplyRefusedError(refusals);
  const todo = prepared.filter((p) => !sameBytes(p.beforeBytes, p.change.after));
  if (todo.length === 0) return null;

  const record: ApplyRecord = {
    id: newApplyId(),
    label,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    undoneAt: null,
    status: 'pending',
    files: [],
  };
  // Every backup is on disk, and the manifest says "pending" and names every directory the apply
  // is about to create, before the first file changes: undo after a kill -9 half-way then removes
  // exactly what the apply added.
  const planned = new Set<string>();
  for (const [i, p] of todo.entries()) {
    if (p.beforeBytes !== null && p.record.before.kind === 'file') p.record.before.backup = await saveBackup(dirs.data, record.id, i, p.beforeBytes);
    if (p.change.after !== null) p.record.createdDirs = (await missingParents(p.record.finalPath)).filter((d) => !planned.has(d));
    for (const d of p.record.createdDirs) planned.add(d);
    record.files.push(p.record);
  }
  lock.assertHeld();
  await saveRecord(dirs.data, record);

  const done: Prepared[] = [];
  try {
    for (const p of todo) {
      lock.assertHeld();
      if (p.change.after === null) {
        await durableUnlink(p.record.finalPath);
      } else {
        await mkdir(path.dirname(p.record.finalPath), { recursive: true });
        // Backed up and journaled above, so a hard-linked rc file may be rewritten in place.
        await atomicWrite(p.record.finalPath, p.change.after, { checked: true, keepHardLinks: true });
      }
      done.push(p);
    }
  } catch (err) {
    const failed = todo[done.length]?.change.path ?? '?';
    const unrestored = await rollBack(done, dirs, record.id);
    record.status = 'rolled-back';
    record.finishedAt = new Date().toISOString();
    await saveRecord(dirs.data, record).catch(() => undefined);
    const tail = unrestored.length === 0 ? 'every file already written was restored' : `could not restore ${unrestored.join(', ')}`;
    throw new Error(`could not write ${failed} (${(err as Error).message}); ${tail}`, { cause: err });
  }
  record.status = 'committed';
  record.finishedAt = new Date().toISOString();
  await saveRecord(dirs.data, record);
  return record;
}

async function prepare(changes: readonly FileChange[]): Promise<Prepared[]> {
  const byFinal = new Map<string, Prepared>();
  for (const change of changes) {
    const resolved = await resolveLinkChain(change.path);
    const existing = byFinal.get(resolved.finalPath);
    if (existing) {
      // Two names for one file (e.g. ~/.bash_profile linked to ~/.bashrc): fine if they agree.
      if (!sameBytes(existing.change.after === null ? null : Buffer.from(existing.change.after), change.after)) {
        throw new ApplyRefusedError([`${change.path} and ${existing.change.path} are the same file but would get different contents; leave one of them out`]);
      }
      continue;
    }
    const { before, bytes } = await readBefore(resolved.finalPath);
    byFinal.set(resolved.finalPath, {
      change,
      beforeBytes: bytes,
      record: {
        path: resolved.requested,
        finalPath: resolved.finalPath,
        links: resolved.links,
        role: change.role ?? 'file',
        before,
        afterSha256: change.after === null ? null : sha256(change.after),
        createdDirs: [],
      },
    });
  }
  return [...byFinal.values()];
}

export async function readBefore(finalPath: string): Promise<{ before: FileBefore; bytes: Buffer | null }> {
  try {
    const st = await stat(finalPath);
    if (!st.isFile()) return { before: { kind: 'absent' }, bytes: null }; // writeRefusal reports it
    const bytes = await readFile(finalPath);
    return { before: { kind: 'file', backup: '', sha256: sha256(bytes), size: bytes.length, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid }, bytes };
  } catch (err) {
    if (isMissing(err)) return { before: { kind: 'absent' }, bytes: null };
    throw err;
  }
}

/**
 * Puts files back as they were before the apply; returns the paths it could not restore. Also
 * removes what an apply killed half-way may have left: temp files of dead writers next to each
 * file and in the system temp folder, then the directories the apply created (only when empty).
 */
export async function restoreFiles(files: readonly ApplyFileRecord[], dataDir: string, id: string): Promise<string[]> {
  const failed: string[] = [];
  for (const file of [...files].reverse()) {
    try {
      if (file.before.kind === 'file') {
        const bytes = await readBackup(dataDir, id, file.before.backup);
        await atomicWrite(file.finalPath, bytes, { checked: true, mode: file.before.mode, keepHardLinks: true });
        await restoreOwner(file.finalPath, file.before.uid, file.before.gid);
      } else {
        await durableUnlink(file.finalPath);
      }
      await removeOrphanedTemps(path.dirname(file.finalPath));
      for (const dir of file.createdDirs) await rmdir(dir).catch(() => undefined); // only if empty
    } catch {
      failed.push(file.path);
    }
  }
  await removeOrphanedTemps(os.tmpdir()).catch(() => undefined);
  return failed;
}

function rollBack(done: Prepared[], dirs: ProductDirs, id: string): Promise<string[]> {
  return restoreFiles(
    done.map((p) => p.record),
    dirs.data,
    id,
  );
}

/** The parent directories of `file` that do not exist yet, deepest first (the order to remove them in). */
async function missingParents(file: string): Promise<string[]> {
  const missing: string[] = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const exists = await lstat(dir).then(() => true, () => false);
    if (exists || path.dirname(dir) === dir) break;
    missing.push(dir);
  }
  return missing;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
