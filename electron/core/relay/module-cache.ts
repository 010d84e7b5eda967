// The relay's disk cache of immutable module files: <dir>/files/<escaped module>/@v/<escaped
// version>.info|.mod|.zip. A version's files never change (the checksum database would catch a
// proxy that changed them), so a cached file is served without asking any upstream.
//  - atomic: a file is written under <dir>/tmp, fsynced, then renamed into place; a crash leaves
//    at worst a stray temp file (removed at the next start), never a partial entry;
//  - bounded: an LRU index over every file keeps the total under the cap (order of use persists
//    across restarts through the files' mtimes);
//  - a write that fails (full disk, read-only) is reported once and the answer is still served.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { homeDir } from '../apply/product-dirs.js';
import { LruIndex } from './lru.js';

export const DEFAULT_CACHE_CAP_BYTES = 4 * 1024 ** 3;

/** The product's cache directory (env-paths' layout, from an explicit env like product-dirs.ts). */
export function defaultRelayCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homeDir(env, platform);
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'goproxyctl', 'relay');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'goproxyctl', 'Cache', 'relay');
  return path.join(env.XDG_CACHE_HOME || path.join(home || os.homedir(), '.cache'), 'goproxyctl', 'relay');
}

export interface CachedFile {
  file: string;
  size: number;
}

export class ModuleCache {
  readonly filesDir: string;
  readonly tmpDir: string;
  private readonly index: LruIndex;
  /**
   * Writes run one at a time: an fsync holds one of libuv's four pool threads, and the relay's
   * other file and DNS work (cache hits, new connections) must not queue behind a burst of them.
   */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(readonly dir: string, capBytes: number, private readonly onError: (message: Message) => void) {
    this.filesDir = path.join(dir, 'files');
    this.tmpDir = path.join(dir, 'tmp');
    this.index = new LruIndex(capBytes);
  }

  /** Opens (creating) the cache in `dir` and indexes what is there, oldest use first. */
  static async open(dir: string, opts: { capBytes?: number; onError?: (message: Message) => void } = {}): Promise<ModuleCache> {
    const cache = new ModuleCache(dir, opts.capBytes ?? DEFAULT_CACHE_CAP_BYTES, opts.onError ?? (() => {}));
    await rm(cache.tmpDir, { recursive: true, force: true });
    await mkdir(cache.tmpDir, { recursive: true });
    await mkdir(cache.filesDir, { recursive: true });
    const found: { key: string; size: number; mtime: number }[] = [];
    for (const rel of await readdir(cache.filesDir, { recursive: true })) {
      const full = path.join(cache.filesDir, rel);
      const st = await stat(full).catch(() => null);
      if (st?.isFile()) found.push({ key: rel.split(path.sep).join('/'), size: st.size, mtime: st.mtimeMs });
    }
    found.sort((a, b) => a.mtime - b.mtime);
    for (const f of found) for (const k of cache.index.add(f.key, f.size)) await cache.drop(k);
    return cache;
  }

  get totalBytes(): number {
    return this.index.totalBytes;
  }

  get entries(): number {
    return this.index.size;
  }

  /** The cached file for `key` (an escaped upstream path such as "lab.invalid/app/@v/v1.0.0.zip"). */
  async get(key: string): Promise<CachedFile | null> {
    if (!this.index.has(key)) return null;
    const file = this.pathOf(key);
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) {
      this.index.remove(key);
      return null;
    }
    this.index.touch(key);
    const now = new Date();
    // The mtime only orders eviction after a restart (the in-memory index was touched above):
    // a file we may not touch is still served, so the failure changes nothing worth reporting.
    void utimes(file, now, now).catch(() => undefined);
    return { file, size: st.size };
  }

  /** Stores `body` under `key`; false (and one error line) when the disk refused. */
  putBuffer(key: string, body: Buffer): Promise<boolean> {
    return this.serially(() => this.writeBuffer(key, body));
  }

  /** Moves a verified spool file (written under tmpDir) into the cache under `key`. */
  putFile(key: string, spooled: string, size: number): Promise<boolean> {
    return this.serially(() => this.moveFile(key, spooled, size));
  }

  private serially(write: () => Promise<boolean>): Promise<boolean> {
    const next = this.writes.then(write, write);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async writeBuffer(key: string, body: Buffer): Promise<boolean> {
    const tmp = path.join(this.tmpDir, `put-${randomBytes(8).toString('hex')}`);
    try {
      const fh = await open(tmp, 'wx');
      try {
        await fh.writeFile(body);
        await fh.sync();
      } finally {
        await fh.close();
      }
      return await this.install(key, tmp, body.length);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      this.onError(msg('relay.error.cache-write', { key, error: (err as Error).message }));
      return false;
    }
  }

  private async moveFile(key: string, spooled: string, size: number): Promise<boolean> {
    try {
      const fh = await open(spooled, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      return await this.install(key, spooled, size);
    } catch (err) {
      this.onError(msg('relay.error.cache-write', { key, error: (err as Error).message }));
      return false;
    }
  }

  /** A new spool file name under tmpDir (same file system as the cache, so rename is atomic). */
  spoolDir(): string {
    return this.tmpDir;
  }

  private async install(key: string, tmp: string, size: number): Promise<boolean> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tmp, target);
    for (const k of this.index.add(key, size)) await this.drop(k);
    return this.index.has(key);
  }

  private async drop(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch(() => undefined);
  }

  private pathOf(key: string): string {
    // Keys are built from paths that passed go's module path checks and were escaped again
    // (route.ts), so they have no "..", no absolute part and only [-._~a-z0-9!/@] characters.
    const full = path.join(this.filesDir, ...key.split('/'));
    if (!full.startsWith(this.filesDir + path.sep)) throw new Error(`cache key ${key} escapes the cache directory`);
    return full;
  }
}
