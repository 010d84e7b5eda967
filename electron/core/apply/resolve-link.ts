// Follows a chain of symbolic links to the file that really holds the bytes. Dotfile managers
// (stow, chezmoi, yadm, home-manager) make ~/.bashrc a link into a repository; we must write the
// target and leave the link a link. Unlike fs.realpath this also works when the final target does
// not exist yet (a dangling link): the write then creates the target.
import { lstat, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from '../system/is-missing.js';

const MAX_HOPS = 40; // Linux's own limit (ELOOP) for symlink resolution.

export interface ResolvedPath {
  /** The path that was asked for, made absolute. */
  requested: string;
  /** The file the bytes live in (equal to `requested` when it is not a link). */
  finalPath: string;
  /** Every link followed, in order, with the target text it held. */
  links: { path: string; target: string }[];
}

export async function resolveLinkChain(file: string): Promise<ResolvedPath> {
  const requested = path.resolve(file);
  const links: ResolvedPath['links'] = [];
  let current = requested;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (err) {
      if (isMissing(err)) return { requested, finalPath: current, links };
      throw err;
    }
    if (!isLink) return { requested, finalPath: current, links };
    const target = await readlink(current);
    links.push({ path: current, target });
    current = path.resolve(path.dirname(current), target);
  }
  throw new Error(`${requested} is a chain of more than ${MAX_HOPS} symbolic links (a loop?); fix the links by hand`);
}

// The apply engine's modules import it from here; it lives in electron/core/system.
export { isMissing };

/**
 * The bytes of a file the apply is about to edit, or null when it does not exist or is not a
 * regular file (writeRefusal then names the problem). Stat first: reading a fifo put in place of
 * ~/.bashrc would wait forever for a writer, and a device would never end.
 */
export async function readIfRegularFile(finalPath: string): Promise<Buffer | null> {
  try {
    if (!(await stat(finalPath)).isFile()) return null;
    return await readFile(finalPath);
  } catch (err) {
    if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw err;
  }
}
