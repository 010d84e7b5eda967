// Decides, before anything is written, whether a file may be replaced. An apply checks every file
// first so that one read-only file stops the whole apply with nothing written.
//
// Why mode bits and not just access(2): root (and CAP_DAC_OVERRIDE) passes every access() check,
// and a temp-file-plus-rename replaces a read-only file without complaint as long as the directory
// is writable. A user who made ~/.bashrc read-only (chmod a-w) asked for it not to change, so the
// owner's write bit decides, for every user including root; access() adds the ordinary
// permission check for everyone else.
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

/** The pure decision: the refusal sentence for the file itself, or null when it may be replaced. */
export function fileRefusal(file: string, facts: PathFacts): string | null {
  if (!facts.exists) return null;
  if (!facts.isFile) return `${file} is not a regular file, so goproxyctl will not replace it; remove it or leave this target out`;
  if ((facts.mode & 0o200) === 0) {
    return `${file} is read-only (mode ${octal(facts.mode)}), so goproxyctl left every file unchanged; make it writable (chmod u+w) or leave this target out`;
  }
  if (!facts.accessOk) return `you do not have permission to write ${file}, so goproxyctl left every file unchanged; fix its permissions or leave this target out`;
  return null;
}

/** The pure decision for the directory the temp file and the rename happen in. */
export function directoryRefusal(dir: string, facts: PathFacts): string | null {
  if (!facts.exists) return null;
  if (!facts.isDirectory) return `${dir} is not a directory, so goproxyctl cannot create files in it; fix the path or leave this target out`;
  if ((facts.mode & 0o200) === 0 || !facts.accessOk) {
    return `the directory ${dir} is read-only, so goproxyctl left every file unchanged; make it writable (chmod u+w) or leave this target out`;
  }
  return null;
}

/** Checks the final (link-resolved) path of a file and the nearest existing directory above it. */
export async function writeRefusal(finalPath: string): Promise<string | null> {
  const refusal = fileRefusal(finalPath, await pathFacts(finalPath, constants.W_OK));
  if (refusal) return refusal;
  let dir = path.dirname(finalPath);
  for (;;) {
    const facts = await pathFacts(dir, constants.W_OK | constants.X_OK);
    if (facts.exists) return directoryRefusal(dir, facts);
    const parent = path.dirname(dir);
    if (parent === dir) return `no existing directory above ${finalPath}; check the path`;
    dir = parent;
  }
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
