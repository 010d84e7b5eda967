// The history of applies, kept under the product's data directory:
//   <data>/applies/<id>/manifest.json   what the apply changed, and each file's state before it
//   <data>/applies/<id>/<n>.bak         the exact bytes of file n before the apply
// The backups are written (and fsynced) before the first change to any file, and the manifest
// says "pending" until every write has succeeded, so even a kill -9 half-way leaves a record that
// `undo` can restore from.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from './atomic-write.js';
import { isMissing } from './resolve-link.js';

export type FileBefore =
  | { kind: 'absent' }
  | { kind: 'file'; backup: string; sha256: string; size: number; mode: number; uid: number; gid: number };

export interface ApplyFileRecord {
  /** The path as the apply named it (e.g. ~/.bashrc, possibly a symbolic link). */
  path: string;
  /** The file really written (the end of the link chain). */
  finalPath: string;
  /** The links followed from `path` to `finalPath`: these stay links and are never modified. */
  links: { path: string; target: string }[];
  role: string;
  before: FileBefore;
  /** sha256 of the bytes written; null when the apply removed the file. */
  afterSha256: string | null;
  /** Directories the apply created for this file (removed again by undo when empty). */
  createdDirs: string[];
}

export type ApplyStatus = 'pending' | 'committed' | 'rolled-back' | 'undone';

export interface ApplyRecord {
  id: string;
  label: string;
  pid: number;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  status: ApplyStatus;
  files: ApplyFileRecord[];
  /** Windows user environment variables changed by the apply, with their previous values. */
  windowsUserEnv?: { name: string; before: string | null }[];
}

export interface ApplySummary {
  id: string;
  time: string;
  label: string;
  status: ApplyStatus;
  files: string[];
}

export function appliesDir(dataDir: string): string {
  return path.join(dataDir, 'applies');
}

export function newApplyId(now = new Date()): string {
  // Sortable by time; the random tail keeps two applies in the same millisecond apart.
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function saveBackup(dataDir: string, id: string, index: number, bytes: Uint8Array): Promise<string> {
  const dir = path.join(appliesDir(dataDir), id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${index}.bak`;
  // 0600: rc files and the go env file are the user's private files.
  await atomicWrite(path.join(dir, name), bytes, { mode: 0o600 });
  return name;
}

export function readBackup(dataDir: string, id: string, name: string): Promise<Buffer> {
  return readFile(path.join(appliesDir(dataDir), id, name));
}

export async function saveRecord(dataDir: string, record: ApplyRecord): Promise<void> {
  const dir = path.join(appliesDir(dataDir), record.id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await atomicWrite(path.join(dir, 'manifest.json'), Buffer.from(JSON.stringify(record, null, 2) + '\n'), { mode: 0o600 });
}

/** Every apply, newest first. A directory without a readable manifest is skipped. */
export async function readRecords(dataDir: string): Promise<ApplyRecord[]> {
  let ids: string[];
  try {
    ids = await readdir(appliesDir(dataDir));
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const records: ApplyRecord[] = [];
  for (const id of ids.sort().reverse()) {
    try {
      records.push(JSON.parse(await readFile(path.join(appliesDir(dataDir), id, 'manifest.json'), 'utf8')) as ApplyRecord);
    } catch {
      // a crash before the first manifest was written: no file was changed by that apply
    }
  }
  return records;
}

export function summarize(record: ApplyRecord): ApplySummary {
  return { id: record.id, time: record.startedAt, label: record.label, status: record.status, files: record.files.map((f) => f.path) };
}
