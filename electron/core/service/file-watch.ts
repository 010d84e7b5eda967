// Watches the files the dashboard's state is derived from, so the state stays true when
// something else changes them (`goproxyctl use` in a terminal, `go env -w`, an editor on
// ~/.bashrc, the CLI's `watch` daemon writing watch.json): the go env file, every shell's
// managed startup files and env scripts, the profile store, settings.json, watch.json and the
// apply journal. Directories are watched, not files: atomic writes replace a file by a rename,
// which ends a watch on the old inode. A directory that does not exist yet is watched through
// its nearest existing ancestor until it appears. Events are debounced, so an apply touching
// six files re-derives the state once.
import { watch, type FSWatcher } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { goEnvFilePath, type ProductDirs } from '../apply/index.js';
import { SHELLS, shellTarget } from '../apply/shells.js';
import { storePath } from '../profiles/index.js';
import { SETTINGS_FILE, WATCH_FILE } from './settings-file.js';

/** What changed, so the re-derivation reads only what depends on it. */
export type WatchedKind = 'go-config' | 'profiles' | 'settings' | 'applies';

export interface WatchedFile {
  file: string;
  kind: WatchedKind;
}

/** Pure: every file whose change makes the state stale, with what it feeds. */
export function watchedFiles(env: NodeJS.ProcessEnv, dirs: ProductDirs, platform: NodeJS.Platform, cwd: string): WatchedFile[] {
  const files: WatchedFile[] = [];
  const goEnv = goEnvFilePath(env, platform, cwd);
  if (goEnv.path !== null) files.push({ file: goEnv.path, kind: 'go-config' });
  for (const shell of SHELLS) {
    const target = shellTarget(shell, env, platform, dirs);
    for (const f of target.startupFiles) files.push({ file: f, kind: 'go-config' });
    files.push({ file: target.envScript, kind: 'go-config' });
  }
  files.push({ file: storePath(dirs.config), kind: 'profiles' });
  files.push({ file: path.join(dirs.config, SETTINGS_FILE), kind: 'settings' });
  files.push({ file: path.join(dirs.config, WATCH_FILE), kind: 'settings' });
  // The journal: one directory per apply under <data>/applies (electron/core/apply/apply-journal.ts).
  files.push({ file: path.join(dirs.data, 'applies'), kind: 'applies' });
  const seen = new Set<string>();
  return files.filter((f) => (seen.has(f.file) ? false : (seen.add(f.file), true)));
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FileWatchOptions {
  files: WatchedFile[];
  /** Called once per quiet period with every kind that changed in it. */
  onChange(kinds: Set<WatchedKind>): void;
  debounceMs?: number;
  timers?: Timers;
}

export interface FileWatch {
  /** Resolves once every directory (or its nearest existing ancestor) is watched. */
  readonly ready: Promise<void>;
  close(): void;
}

const DEFAULT_DEBOUNCE_MS = 250;
const realTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  while (!(await exists(current))) {
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

export function watchFiles(options: FileWatchOptions): FileWatch {
  const timers = options.timers ?? realTimers;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  // Directory → the watched names in it (a watched directory such as applies/ is its own entry).
  const byDir = new Map<string, Map<string, WatchedKind>>();
  for (const f of options.files) {
    const dir = path.dirname(f.file);
    if (!byDir.has(dir)) byDir.set(dir, new Map());
    byDir.get(dir)!.set(path.basename(f.file), f.kind);
  }
  const watchedDirs = new Set(options.files.filter((f) => f.kind === 'applies').map((f) => f.file));
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<WatchedKind>();
  let timer: unknown = null;
  let closed = false;

  const changed = (kind: WatchedKind): void => {
    pending.add(kind);
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      const kinds = pending;
      pending = new Set();
      if (!closed) options.onChange(kinds);
    }, debounceMs);
  };

  // One watcher per directory, dispatching to every interest in it (a file's own directory, and
  // the ancestor standing in for a directory not created yet).
  const handlers = new Map<string, Map<string, (name: string | null) => void>>();
  const watchDir = (dir: string, role: string, onEvent: (name: string | null) => void): void => {
    if (closed) return;
    if (!handlers.has(dir)) handlers.set(dir, new Map());
    handlers.get(dir)!.set(role, onEvent);
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        for (const h of [...(handlers.get(dir)?.values() ?? [])]) h(name === null ? null : String(name));
      });
      w.on('error', () => {
        // The directory went away (removed, unmounted): watch again from what remains.
        w.close();
        watchers.delete(dir);
        handlers.delete(dir);
        void arm();
      });
      watchers.set(dir, w);
    } catch {
      // Unreadable directory: nothing to watch there; the focus re-read still covers it.
    }
  };
  const unwatchRole = (dir: string, role: string): void => {
    const h = handlers.get(dir);
    h?.delete(role);
    if (h !== undefined && h.size === 0) {
      watchers.get(dir)?.close();
      watchers.delete(dir);
      handlers.delete(dir);
    }
  };

  async function arm(): Promise<void> {
    const targets = [...byDir.keys(), ...watchedDirs];
    for (const dir of targets) {
      if (closed) return;
      const existing = await nearestExisting(dir);
      if (existing === dir) {
        const names = byDir.get(dir);
        const own = watchedDirs.has(dir) ? options.files.find((f) => f.file === dir)!.kind : null;
        watchDir(dir, `own:${dir}`, (name) => {
          if (own !== null) return changed(own);
          const kind = name === null ? null : names?.get(name);
          if (kind !== undefined && kind !== null) changed(kind);
          else if (name === null) for (const k of new Set(names?.values())) changed(k);
        });
      } else {
        // Wait for the missing directory to appear: on any event in the ancestor, move the watch
        // to the nearest ancestor that exists now (mkdir -p creates one level at a time), and once
        // the directory is there, report what it may already hold.
        const role = `awaiting:${dir}`;
        watchDir(existing, role, () => {
          void nearestExisting(dir).then(async (now) => {
            if (closed || now === existing || !handlers.get(existing)?.has(role)) return;
            unwatchRole(existing, role);
            await arm();
            if (await exists(dir)) for (const f of options.files) if (f.file.startsWith(dir + path.sep) || f.file === dir) changed(f.kind);
          });
        });
      }
    }
  }

  const ready = arm();
  return {
    ready,
    close() {
      closed = true;
      if (timer !== null) timers.clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      handlers.clear();
    },
  };
}
