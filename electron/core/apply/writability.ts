// Decides, before anything is written, whether a file may be replaced. An apply checks every file
// first so that one read-only file stops the whole apply with nothing written.
//
// Why mode bits and not just access(2): root (and CAP_DAC_OVERRIDE) passes every access() check,
// and a temp-file-plus-rename replaces a read-only file without complaint as long as the directory
// is writable. A user who made ~/.bashrc read-only (chmod a-w) asked for it not to change, so the
// owner's write bit decides, for every user including root; access() adds the ordinary
// permission check for everyone else.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from './resolve-link.js';

export interface PathFacts {
  exists: boolean;
  isFile: boolean;
  isDirectory: boolean;
  mode: number;
  /** access(2) with W_OK (and X_OK for directories) succeeded. */
  accessOk: boolean;
}

/** The pure decision: the refusal for the file itself (a message), or null when it may be replaced. */
export function fileRefusalMessage(file: string, facts: PathFacts): Message | null {
  if (!facts.exists) return null;
  if (!facts.isFile) return msg('apply.refusal.not-regular', { file });
  if ((facts.mode & 0o200) === 0) return msg('apply.refusal.read-only', { file, mode: octal(facts.mode) });
  if (!facts.accessOk) return msg('apply.refusal.no-permission', { file });
  return null;
}

/** The same refusal in English (the doctor, undo and atomic writes still pass sentences around). */
export function fileRefusal(file: string, facts: PathFacts): string | null {
  const refusal = fileRefusalMessage(file, facts);
  return refusal && render('en', refusal);
}

/** The pure decision for the directory the temp file and the rename happen in. */
export function directoryRefusalMessage(dir: string, facts: PathFacts): Message | null {
  if (!facts.exists) return null;
  if (!facts.isDirectory) return msg('apply.refusal.not-directory', { dir });
  if ((facts.mode & 0o200) === 0 || !facts.accessOk) return msg('apply.refusal.directory-read-only', { dir });
  return null;
}

export function directoryRefusal(dir: string, facts: PathFacts): string | null {
  const refusal = directoryRefusalMessage(dir, facts);
  return refusal && render('en', refusal);
}

/** Checks the final (link-resolved) path of a file and the nearest existing directory above it. */
export async function writeRefusalMessage(finalPath: string): Promise<Message | null> {
  const refusal = fileRefusalMessage(finalPath, await pathFacts(finalPath, constants.W_OK));
  if (refusal) return refusal;
  let dir = path.dirname(finalPath);
  for (;;) {
    const facts = await pathFacts(dir, constants.W_OK | constants.X_OK);
    if (facts.exists) return directoryRefusalMessage(dir, facts);
    const parent = path.dirname(dir);
    if (parent === dir) return msg('apply.refusal.no-directory', { file: finalPath });
    dir = parent;
  }
}

export async function writeRefusal(finalPath: string): Promise<string | null> {
  const refusal = await writeRefusalMessage(finalPath);
  return refusal && render('en', refusal);
}

async function pathFacts(p: string, accessMode: number): Promise<PathFacts> {
  try {
    const st = await stat(p);
    const accessOk = await access(p, accessMode).then(() => true, () => false);
    return { exists: true, isFile: st.isFile(), isDirectory: st.isDirectory(), mode: st.mode & 0o7777, accessOk };
  } catch (err) {
    if (isMissing(err)) return { exists: false, isFile: false, isDirectory: false, mode: 0, accessOk: false };
    throw err;
  }
}

function octal(mode: number): string {
  return '0' + (mode & 0o7777).toString(8).padStart(3, '0');
}
