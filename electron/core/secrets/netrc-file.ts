// Writing the managed netrc block to disk, for Go older than 1.24 and only on the user's explicit
// opt-in (the secret then lives in that file: that is what netrc is). Safe by construction:
// the file is created 0600, a group/world-accessible or read-only file is refused (or its mode
// fixed when the caller asks), foreign entries keep their exact bytes, writes are atomic
// (write-file-atomic: temp file + fsync + rename, through symlinks to their target) and
// serialised between processes (proper-lockfile).
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { NetrcError } from './errors.js';
import { normalizeCredentialOrigin } from './origin.js';
import { parseManagedNetrcCredentials, replaceManagedNetrcBlock, validateNetrcCredential, type NetrcCredential } from './netrc-text.js';
import { msg } from '../../../shared/i18n/message.js';

/** The file go reads: $NETRC, else ~/.netrc (on Windows ~/_netrc when it exists), as go's netrcPath does. */
export function defaultNetrcPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (env.NETRC) return env.NETRC;
  if (platform === 'win32') {
    const legacy = path.join(home, '_netrc');
    if (existsSync(legacy)) return legacy;
  }
  return path.join(home, '.netrc');
}

export interface NetrcWriteOptions {
  /** chmod 0600 a file that other users can access instead of refusing. */
  fixPermissions?: boolean;
}

/** Adds or replaces the managed entries for these credentials; other managed and foreign entries stay. */
export async function writeNetrcEntries(netrcPath: string, credentials: readonly NetrcCredential[], options: NetrcWriteOptions = {}): Promise<void> {
  const incoming = credentials.map((c) => ({ ...c, origin: normalizeCredentialOrigin(c.origin) }));
  incoming.forEach(validateNetrcCredential);
  const origins = new Set(incoming.map((c) => c.origin));
  await editNetrc(netrcPath, { create: true, checkPrivacy: true, fixPermissions: options.fixPermissions === true }, (current) => [
    ...current.filter((c) => !origins.has(c.origin)),
    ...incoming,
  ]);
}

/** Removes the managed entries of these origins (the whole block when none is left); a missing file is left missing. */
export async function removeNetrcEntries(netrcPath: string, origins: readonly string[]): Promise<void> {
  const gone = new Set(origins.map((o) => normalizeCredentialOrigin(o)));
  await editNetrc(netrcPath, { create: false, checkPrivacy: false, fixPermissions: false }, (current) => current.filter((c) => !gone.has(c.origin)));
}

/** Origins and users of the managed entries (no secrets), e.g. for `auth list` and the doctor. */
export async function listNetrcEntries(netrcPath: string): Promise<{ origin: string; user: string }[]> {
  const bytes = await readBytes(netrcPath);
  return bytes === null ? [] : parseManagedNetrcCredentials(bytes).map(({ origin, user }) => ({ origin, user }));
}

async function readBytes(file: string): Promise<string | null> {
  try {
    return (await readFile(file)).toString('latin1');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

interface EditPolicy {
  create: boolean;
  checkPrivacy: boolean;
  fixPermissions: boolean;
}

async function editNetrc(netrcPath: string, policy: EditPolicy, change: (current: NetrcCredential[]) => NetrcCredential[]): Promise<void> {
  const exists = await stat(netrcPath).then(
    (s) => s,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    },
  );
  if (!exists && !policy.create) return;
  if (exists) {
    if (!exists.isFile()) throw new NetrcError(msg('ops.netrc.not-file', { path: netrcPath }));
    if (process.platform !== 'win32') {
      if ((exists.mode & 0o200) === 0) throw new NetrcError(msg('ops.netrc.read-only', { path: netrcPath }));
      if (policy.checkPrivacy && (exists.mode & 0o077) !== 0) {
        const mode = (exists.mode & 0o777).toString(8).padStart(4, '0');
        if (!policy.fixPermissions) throw new NetrcError(msg('ops.netrc.readable', { path: netrcPath, mode }));
        await chmod(netrcPath, 0o600);
      }
    }
  } else {
    await mkdir(path.dirname(netrcPath), { recursive: true });
  }
  const release = await lockfile.lock(netrcPath, { realpath: false, stale: 10_000, retries: { retries: 100, minTimeout: 10, maxTimeout: 100 } });
  try {
    const before = (await readBytes(netrcPath)) ?? '';
    const after = replaceManagedNetrcBlock(before, change(parseManagedNetrcCredentials(before)));
    if (after === before) return;
    // An existing file keeps its (checked) mode and owner; a new one is private from the first byte.
    await writeFileAtomic(netrcPath, Buffer.from(after, 'latin1'), exists ? { fsync: true } : { mode: 0o600, fsync: true });
  } finally {
    await release();
  }
}
