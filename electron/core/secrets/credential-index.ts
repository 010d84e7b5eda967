// The non-secret index of stored credentials: which origins have one, and for which user.
// A keychain cannot be enumerated portably through an Entry API, so list() needs this file; it
// never holds a secret (the keychain does), and the keychain stays authoritative: list()
// reconciles the two (keychain-store.ts). Writes are atomic (write-file-atomic) and serialised
// across processes (proper-lockfile), because the tray and the CLI may both write.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { CredentialRef } from './secret-store.js';

const INDEX_VERSION = 1;

/** `<config dir>/goproxyctl/credentials.json`; the config dir honours XDG_CONFIG_HOME and HOME. */
export function defaultCredentialIndexPath(): string {
  return path.join(envPaths('goproxyctl', { suffix: '' }).config, 'credentials.json');
}

/** Parses the index; anything unreadable counts as empty, since the keychain can rebuild it. */
export function parseCredentialIndex(text: string): CredentialRef[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const list = (data as { credentials?: unknown } | null)?.credentials;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (r): r is CredentialRef => typeof r === 'object' && r !== null && typeof (r as CredentialRef).origin === 'string' && typeof (r as CredentialRef).user === 'string',
  ).map((r) => ({ origin: r.origin, user: r.user }));
}

export function serializeCredentialIndex(refs: readonly CredentialRef[]): string {
  const credentials = sortRefs(refs).map((r) => ({ origin: r.origin, user: r.user }));
  const doc = { version: INDEX_VERSION, note: 'origins and user names only: the secrets are in the OS keychain', credentials };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function sortRefs(refs: readonly CredentialRef[]): CredentialRef[] {
  return [...refs].sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
}

export async function readCredentialIndex(indexPath: string): Promise<CredentialRef[]> {
  try {
    return parseCredentialIndex(await readFile(indexPath, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Read-modify-write of the index under an inter-process lock. `change` gets the current entries
 * and returns the new ones; the file is rewritten only when they differ.
 */
export async function updateCredentialIndex(indexPath: string, change: (current: CredentialRef[]) => CredentialRef[]): Promise<CredentialRef[]> {
  await mkdir(path.dirname(indexPath), { recursive: true, mode: 0o700 });
  const release = await lockfile.lock(indexPath, {
    realpath: false, // the index may not exist yet
    stale: 10_000,
    retries: { retries: 100, minTimeout: 10, maxTimeout: 100 },
  });
  try {
    const before = await readCredentialIndex(indexPath);
    const after = sortRefs(change(before));
    const text = serializeCredentialIndex(after);
    if (text !== serializeCredentialIndex(before)) await writeFileAtomic(indexPath, text, { mode: 0o600, fsync: true });
    return after;
  } finally {
    await release();
  }
}
