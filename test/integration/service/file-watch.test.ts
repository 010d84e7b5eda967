// watchFiles on real directories with real fs events; the debounce timer is injected, so the test
// decides when the quiet period ends instead of sleeping through it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { watchFiles, type Timers, type WatchedKind } from '../../../electron/core/service/file-watch.js';
import { waitUntil } from '../../support/wait.js';

function manualTimers() {
  let pending: (() => void) | null = null;
  const timers: Timers = {
    setTimeout: (fn) => ((pending = fn), fn),
    clearTimeout: () => void (pending = null),
  };
  return {
    timers,
    scheduled: () => pending !== null,
    fire() {
      const fn = pending;
      pending = null;
      fn?.();
    },
  };
}

test('a watched file changing is reported once per quiet period with its kind; its neighbours are not', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-filewatch-'));
  const clock = manualTimers();
  const seen: Set<WatchedKind>[] = [];
  const w = watchFiles({ files: [{ file: path.join(dir, 'profiles.json'), kind: 'profiles' }], onChange: (k) => seen.push(k), timers: clock.timers });
  try {
    await w.ready;
    await writeFile(path.join(dir, 'unrelated.txt'), 'x');
    await writeFile(path.join(dir, 'profiles.json'), '{}');
    await writeFile(path.join(dir, 'profiles.json'), '{"a":1}');
    await waitUntil(() => clock.scheduled(), { what: 'the change to be noticed' });
    clock.fire();
    assert.deepEqual(seen.map((k) => [...k]), [['profiles']], 'one report for the burst, only the watched kind');
  } finally {
    w.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a directory that does not exist yet is watched through its ancestor until it appears', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-filewatch-'));
  const clock = manualTimers();
  const seen: WatchedKind[] = [];
  const later = path.join(dir, 'a', 'b');
  const w = watchFiles({ files: [{ file: path.join(later, 'env'), kind: 'go-config' }], onChange: (k) => seen.push(...k), timers: clock.timers });
  try {
    await w.ready;
    // One level at a time, as `mkdir -p` does: the watch follows down the new directories.
    await mkdir(path.join(dir, 'a'));
    await mkdir(later);
    await waitUntil(() => clock.scheduled(), { what: 'the new directory to be noticed' });
    clock.fire();
    assert.deepEqual(seen, ['go-config'], 'what the new directory may hold is re-read');
    // Now the directory itself is watched: a write of the file is reported.
    await waitUntil(
      async () => {
        await writeFile(path.join(later, 'env'), `GOPROXY=off ${Date.now()}\n`);
        return clock.scheduled();
      },
      { what: 'the file in the new directory to be watched' },
    );
    clock.fire();
    assert.deepEqual(seen, ['go-config', 'go-config']);
  } finally {
    w.close();
    await rm(dir, { recursive: true, force: true });
  }
});
