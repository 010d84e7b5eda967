// Replaces a file so that, whatever happens (a crash, kill -9, a full disk), the file holds either
// its old bytes or its new bytes, never a mix:
//   write a temp file in the SAME directory -> fsync it -> rename over the target -> fsync the directory.
// It writes through symbolic links (the link stays a link; chains are followed), keeps the
// target's mode and owner, and refuses read-only files and directories (see writability.ts).
//
// Why not write-file-atomic (installed, and the model for the mode/owner handling here): it
// follows links with realpath (fine) and fsyncs the file, but (1) it never fsyncs the directory,
// so after a power loss the rename itself may be lost; (2) its temp names (`<file>.<number>`) are
// indistinguishable from a user's own `~/.bashrc.1234` backup, so temp files orphaned by kill -9
// (its cleanup runs on exit signals, which SIGKILL skips) can never be cleaned safely; and (3) it
// issues a single write() without handling short writes. Our temp names carry a marker and the
// writer's pid, so every later write in that directory removes the orphans of dead writers.
import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { chown, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isMissing, resolveLinkChain, type ResolvedPath } from './resolve-link.js';
import { writeRefusal } from './writability.js';

export interface AtomicWriteOptions {
  /** Mode for a file that does not exist yet (default 0o644), or to force on an existing one (undo). */
  mode?: number;
  /** Skip the read-only check (the caller has already checked the whole apply). */
  checked?: boolean;
  /**
   * A file with more than one hard link is rewritten in place instead of replaced, so every name
   * keeps sharing it (a rename would give this name a new inode and split it from the others).
   * An in-place write is not atomic: only callers that hold a backup of the old bytes and a
   * journal to restore from (the apply transaction and undo) may ask for it.
   */
  keepHardLinks?: boolean;
}

export class WriteRefusedError extends Error {
  override name = 'WriteRefusedError';
}

const TEMP_MARKER = '.goproxyctl-tmp-';
const TEMP_PATTERN = /\.goproxyctl-tmp-(\d+)-[0-9a-f]{12}$/;
const inFlight = new Set<string>();
let exitHookInstalled = false;

/**
 * A temp file must not outlive the command: on an error it is removed at once (below); when the
 * process exits in the middle of a write (process.exit after Ctrl-C, an uncaught error) this hook
 * removes it. Only SIGKILL and power loss skip it, and for those the temp name carries our pid so
 * that the next write in that directory (or sweepOrphanedTemps) removes it.
 */
export function trackTempFile(temp: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const t of inFlight) {
        try {
          unlinkSync(t);
        } catch {
          // already gone
        }
      }
    });
  }
  inFlight.add(temp);
}

export function untrackTempFile(temp: string): void {
  inFlight.delete(temp);
}

/** A temp name next to `target`, recognisable as ours and as written by this process (see removeOrphanedTemps). */
export function tempNameFor(target: string): string {
  // Keep the name short: a long target name plus our suffix must not exceed NAME_MAX.
  return path.join(path.dirname(target), `.${path.basename(target).slice(0, 80)}${TEMP_MARKER}${process.pid}-${randomBytes(6).toString('hex')}`);
}

export async function atomicWrite(file: string, bytes: Uint8Array, opts: AtomicWriteOptions = {}): Promise<ResolvedPath> {
  const resolved = await resolveLinkChain(file);
  const target = resolved.finalPath;
  if (!opts.checked) {
    const refusal = await writeRefusal(target);
    if (refusal) throw new WriteRefusedError(refusal);
  }
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  await removeOrphanedTemps(dir);

  const existing = await stat(target).catch((err: unknown) => {
    if (isMissing(err)) return null;
    throw err;
  });
  const mode = opts.mode ?? (existing ? existing.mode & 0o7777 : 0o644);
  if (opts.keepHardLinks && existing && existing.isFile() && existing.nlink > 1) {
    await writeInPlace(target, bytes, mode);
    return resolved;
  }
  const temp = tempNameFor(target);
  trackTempFile(temp);
  try {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
      // Exact mode (the umask does not apply to chmod) and owner, before the file becomes visible.
      await handle.chmod(mode);
      if (existing && process.getuid && (existing.uid !== process.getuid() || existing.gid !== process.getgid?.())) {
        await handle.chown(existing.uid, existing.gid).catch((err: NodeJS.ErrnoException) => {
          // Only root may give a file away; a non-root writer of a group-writable file keeps going,
          // as write-file-atomic does.
          if (err.code !== 'EPERM' && err.code !== 'EINVAL') throw err;
        });
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    untrackTempFile(temp);
    await syncDirectory(dir);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    untrackTempFile(temp);
    throw err;
  }
  return resolved;
}

/**
 * Overwrites a file's bytes in its own inode: new bytes first, then the length cut (the file is
 * never shorter than either version while we write), then fsync. A kill half-way leaves a mix,
 * which is why only the journaled apply and undo use this (see keepHardLinks).
 */
async function writeInPlace(target: string, bytes: Uint8Array, mode: number): Promise<void> {
  const handle = await open(target, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      offset += bytesWritten;
    }
    await handle.truncate(bytes.length);
    if (((await handle.stat()).mode & 0o7777) !== mode) await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes a file (restoring "absent" on undo) and makes the removal durable. */
export async function durableUnlink(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (err) {
    if (isMissing(err)) return;
    throw err;
  }
  await syncDirectory(path.dirname(file));
}

/** Restores a file's owner (used by undo, which recreates files that were there before). */
export async function restoreOwner(file: string, uid: number, gid: number): Promise<void> {
  if (!process.getuid || process.getuid() !== 0) return;
  await chown(file, uid, gid);
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; there the rename is already durable (NTFS journal).
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp files of writers that died (kill -9, power loss) before they could rename or unlink them. */
export async function removeOrphanedTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match) continue;
    const full = path.join(dir, name);
    const pid = Number(match[1]);
    const orphaned = pid === process.pid ? !inFlight.has(full) : !isProcessAlive(pid);
    if (!orphaned) continue;
    await unlink(full).catch(() => undefined);
    removed.push(full);
  }
  return removed;
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
