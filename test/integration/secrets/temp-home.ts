// A throwaway HOME for a test, and a search of every file under it for a secret.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function makeTempHome(prefix = 'goproxyctl-secrets-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 10 }) };
}

/** Every regular file under dir whose bytes contain needle (as UTF-8 and as base64 of "user:needle" is the caller's job). */
export async function filesContaining(dir: string, needle: string | Buffer): Promise<string[]> {
  const wanted = typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle;
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (bytes.includes(wanted)) hits.push(file);
  }
  return hits;
}

/** Every file under dir, relative, for assertions about what was written. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}
