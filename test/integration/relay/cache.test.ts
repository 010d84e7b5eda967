// The relay's cache with the real go: versions fetched once are served with every upstream down
// (the lab stopped), from a fresh GOMODCACHE; a version never fetched fails cleanly; the cache
// stays within its cap; list and @latest are never served from the disk cache.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Relay, type RelayEvent } from '../../../electron/core/relay/index.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains } from '../../support/go.js';
import { goDownload, TEST_DEADLINES, until } from './helpers.js';

const FETCHED = ['lab.invalid/app@v1.0.0', 'lab.invalid/multi@v1.1.0', 'lab.invalid/BigCorp/Tool@v1.0.0'];
let lab: Lab;
let work: string;

before(async () => {
  lab = await startLab({ proxies: [{ name: 'mirror' }] });
  work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-relay-cache-'));
});
after(async () => {
  await lab?.close();
  await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name))).sort();
}

test('with the lab stopped, go downloads previously fetched versions through the relay', async () => {
  const go = goToolchains();
  const cacheDir = path.join(work, 'cache');
  const env = lab.goEnv();
  const events: RelayEvent[] = [];
  // inMemoryBytes 0: every zip takes the path of a large one (spooled to disk, checked there).
  const relay = await Relay.start({ chain: { goproxy: lab.proxies.mirror!.url, gonoproxy: '', source: 'test' }, cacheDir, env, deadlines: TEST_DEADLINES, inMemoryBytes: 0, onEvent: (e) => events.push(e) });
  try {
    const first = await goDownload(lab, go[0]!, relay.url, path.join(work, 'warm'), FETCHED, 60_000);
    assert.ok(first.ok, first.error);
    // Files are stored after go has them: wait for the nine 'cached' events.
    await until(() => events.filter((e) => e.type === 'cached').length === FETCHED.length * 3);
    const cached = await files(path.join(cacheDir, 'files'));
    assert.deepEqual(cached.filter((f) => f.endsWith('.zip')), [
      'lab.invalid/!big!corp/!tool/@v/v1.0.0.zip',
      'lab.invalid/app/@v/v1.0.0.zip',
      'lab.invalid/multi/@v/v1.1.0.zip',
    ]);
    assert.ok(!cached.some((f) => f.endsWith('/list') || f.endsWith('@latest')), 'list and @latest are never cached on disk');

    await lab.close();
    for (const g of go) {
      const offline = await goDownload(lab, g, relay.url, path.join(work, `offline-${g.name}`), FETCHED, 60_000);
      assert.ok(offline.ok, `${g.name}: ${offline.error}`);
      const never = await goDownload(lab, g, relay.url, path.join(work, `never-${g.name}`), ['lab.invalid/multi@v1.0.0'], 60_000);
      assert.ok(!never.ok && !never.hung, `${g.name}: a version never fetched cannot be served offline`);
    }
    const hits = events.filter((e) => e.type === 'request' && e.cache === 'hit').length;
    assert.ok(hits >= FETCHED.length * 3 * go.length, `every file came from the cache (${hits} hits)`);
  } finally {
    await relay.close();
  }
});

test('the cache survives a restart and evicts the least recently used files beyond its cap', async () => {
  const lab2 = await startLab({ proxies: [{ name: 'mirror' }] });
  const cacheDir = path.join(work, 'capped');
  const go = goToolchains()[0]!;
  try {
    const start = (capBytes: number): Promise<Relay> =>
      Relay.start({ chain: { goproxy: lab2.proxies.mirror!.url, gonoproxy: '', source: 'test' }, cacheDir, cacheCapBytes: capBytes, env: lab2.goEnv(), deadlines: TEST_DEADLINES });
    let relay = await start(1 << 30);
    const r = await goDownload(lab2, go, relay.url, path.join(work, 'c1'), FETCHED, 60_000);
    assert.ok(r.ok, r.error);
    await relay.close();
    relay = await start(1 << 30);
    const full = relay.stats();
    await relay.close();
    assert.equal(full.cacheEntries, FETCHED.length * 3);

    // Reopened with a cap of half the bytes: the oldest files go, the total fits.
    relay = await start(Math.floor(full.cacheBytes / 2));
    const capped = relay.stats();
    await relay.close();
    assert.ok(capped.cacheBytes <= full.cacheBytes / 2, `${capped.cacheBytes} > cap`);
    assert.ok(capped.cacheEntries > 0 && capped.cacheEntries < full.cacheEntries);
    assert.equal((await files(path.join(cacheDir, 'files'))).length, capped.cacheEntries, 'evicted files are deleted from disk');
  } finally {
    await lab2.close();
  }
});

test('list and @latest are reused only for their short TTL, never stored on disk', async () => {
  const lab3 = await startLab({ proxies: [{ name: 'mirror' }] });
  try {
    const start = (shortTtlMs: number): Promise<Relay> =>
      Relay.start({ chain: { goproxy: lab3.proxies.mirror!.url, gonoproxy: '', source: 'test' }, cacheDir: lab3.makeTempDir('ttl'), shortTtlMs, deadlines: TEST_DEADLINES });
    const asked = (): number => lab3.proxies.mirror!.accessLog.length;
    for (const [ttl, expected] of [[60_000, 1], [0, 2]] as const) {
      const relay = await start(ttl);
      try {
        lab3.proxies.mirror!.clearLog();
        for (let i = 0; i < 2; i++) assert.equal((await fetch(`${relay.url}/lab.invalid/multi/@v/list`)).status, 200);
        assert.equal(asked(), expected, `TTL ${ttl} ms`);
        lab3.proxies.mirror!.clearLog();
        for (let i = 0; i < 2; i++) assert.equal((await fetch(`${relay.url}/lab.invalid/multi/@latest`)).status, 200);
        assert.equal(asked(), expected, `@latest, TTL ${ttl} ms`);
      } finally {
        await relay.close();
      }
    }
  } finally {
    await lab3.close();
  }
});
