// Bad input on both sides of the relay: malformed and traversal paths from the client, garbage,
// truncated, oversized and wrong answers from upstreams, private paths, a cache that cannot be
// written. Each is a clear answer or an event; the relay keeps serving and caches nothing bad.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Relay } from '../../../electron/core/relay/index.js';
import { startLab, type Lab } from '../../lab/index.js';
import { readZipEntries } from '../../lab/index.js';
import { startTestRelay, TEST_DEADLINES, until } from './helpers.js';

let lab: Lab;
before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'ok' },
      { name: 'garbage', faults: { mode: 'garbage' } },
      { name: 'wrong', faults: { mode: 'wrong-content' } },
      { name: 'reset', faults: { mode: 'reset-mid-body', paths: '.zip' } },
      { name: 'bomb', faults: { mode: 'zip-bomb', paths: '/\\.zip$/' } },
      { name: 'huge-headers', faults: { mode: 'huge-headers' } },
      { name: 'loop', faults: { mode: 'redirect-loop' } },
      { name: 'silent', faults: { mode: 'blackhole' } },
    ],
  });
});
after(async () => {
  await lab?.close();
});

function get(url: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // A raw request target: URL parsing would normalize the traversal away before it is sent.
    const u = new URL(url);
    const req = http.request({ host: u.hostname, port: u.port, path: target, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function cachedFiles(relay: Relay): Promise<string[]> {
  const dir = path.join(relay.stats().url ? cacheDirOf.get(relay)! : '', 'files');
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
}
const cacheDirOf = new Map<Relay, string>();


async function relayFor(chain: string, opts: Parameters<typeof startTestRelay>[2] = {}): Promise<Awaited<ReturnType<typeof startTestRelay>>> {
  const cacheDir = lab.makeTempDir('hostile-cache');
  const started = await startTestRelay(lab, chain, { cacheDir, ...opts });
  cacheDirOf.set(started.relay, cacheDir);
  return started;
}

test('malformed and traversal paths get 400 with a reason, and reach no upstream', async () => {
  const { relay } = await relayFor('{ok}');
  try {
    lab.proxies.ok!.clearLog();
    for (const target of ['/../../etc/passwd', '/lab.invalid/../../x/@v/list', '/lab.invalid/%2e%2e/@v/list', '/lab.invalid/App/@v/list', '/lab.invalid/app/@v/v1.0.0.exe', '/sumdb/x/../../y']) {
      const r = await get(relay.url, target);
      assert.equal(r.status, 400, target);
      assert.match(r.body.toString(), /^goproxyctl relay: bad request: \S/);
    }
    assert.equal((await get(relay.url, '/lab.invalid/app/@v/list')).status, 200, 'still serving');
    assert.deepEqual(lab.proxies.ok!.accessLog.map((e) => e.path), ['/lab.invalid/app/@v/list']);
    const post = await new Promise<number>((resolve) => {
      const u = new URL(relay.url);
      http.request({ host: u.hostname, port: u.port, path: '/lab.invalid/app/@v/list', method: 'POST' }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    assert.equal(post, 405);
    // DNS rebinding: a page served from evil.example, resolved to 127.0.0.1.
    const rebound = await get(relay.url, '/lab.invalid/app/@v/list', { host: `evil.example:${new URL(relay.url).port}` });
    assert.equal(rebound.status, 421);
    assert.equal((await get(relay.url, '/lab.invalid/app/@v/list', { host: `localhost:${new URL(relay.url).port}` })).status, 200);
  } finally {
    await relay.close();
  }
});

test("hostile upstreams behind '|' fall through to the healthy one; nothing bad is cached", async () => {
  for (const bad of ['garbage', 'wrong', 'reset', 'bomb', 'huge-headers', 'loop']) {
    const { relay, events } = await relayFor(`{${bad}}|{ok}`);
    try {
      for (const f of ['info', 'mod', 'zip']) {
        const r = await get(relay.url, `/lab.invalid/app/@v/v1.0.0.${f}`);
        assert.equal(r.status, 200, `${bad} ${f}`);
        if (f === 'zip') assert.ok(readZipEntries(r.body).every((e) => e.name.startsWith('lab.invalid/app@v1.0.0/')));
      }
      assert.ok(events.some((e) => e.type === 'upstream' && e.upstream === lab.proxies[bad]!.url && e.outcome === 'error'), `${bad}: its failure is reported`);
      await until(() => events.filter((e) => e.type === 'cached').length === 3);
      // Served by the healthy upstream, so the cache holds its (good) files only.
      assert.deepEqual((await cachedFiles(relay)).sort(), ['v1.0.0.info', 'v1.0.0.mod', 'v1.0.0.zip']);
    } finally {
      await relay.close();
    }
  }
});

test("a malformed answer followed by ',' is an error go sees, and is not cached", async () => {
  const { relay } = await relayFor('{wrong},{ok}', { inMemoryBytes: 0 });
  lab.proxies.ok!.clearLog();
  try {
    const zip = await get(relay.url, '/lab.invalid/app/@v/v1.0.0.zip');
    assert.equal(zip.status, 502);
    assert.match(zip.body.toString(), /malformed answer: the zip has a file outside lab\.invalid\/app@v1\.0\.0\//);
    const info = await get(relay.url, '/lab.invalid/app/@v/v1.0.0.info');
    assert.equal(info.status, 502);
    assert.match(info.body.toString(), /not JSON/);
    assert.deepEqual(await cachedFiles(relay), []);
    assert.equal(lab.proxies.ok!.accessLog.filter((e) => e.path.includes('v1.0.0')).length, 0, "nothing after ',' was asked");
  } finally {
    await relay.close();
  }
});

test('paths matching GOPRIVATE/GONOPROXY are refused and never forwarded', async () => {
  const { relay } = await relayFor('{ok}');
  relay.setChain({ goproxy: lab.proxies.ok!.url, gonoproxy: 'lab.invalid/multi,*.corp.example', source: 'test' });
  try {
    lab.proxies.ok!.clearLog();
    for (const target of ['/lab.invalid/multi/@v/list', '/lab.invalid/multi/v2/@v/v2.0.0.info', '/git.corp.example/x/@latest']) {
      const r = await get(relay.url, target);
      assert.equal(r.status, 404, target);
      assert.match(r.body.toString(), /matches GOPRIVATE\/GONOPROXY/);
    }
    assert.deepEqual(lab.proxies.ok!.accessLog, []);
  } finally {
    await relay.close();
  }
});

test('a cache that cannot be written is reported, and go is still served', async () => {
  const cacheDir = lab.makeTempDir('unwritable');
  const { relay, events } = await startTestRelay(lab, '{ok}', { cacheDir });
  try {
    // The files directory replaced by a plain file: every write into it fails (ENOTDIR), as on a full or read-only disk.
    await (await import('node:fs/promises')).rm(path.join(cacheDir, 'files'), { recursive: true });
    await writeFile(path.join(cacheDir, 'files'), 'not a directory');
    const r = await get(relay.url, '/lab.invalid/app/@v/v1.0.0.zip');
    assert.equal(r.status, 200);
    assert.ok(readZipEntries(r.body).length > 0);
    await until(() => events.some((e) => e.type === 'cached'));
    assert.ok(events.some((e) => e.type === 'error' && /could not cache lab\.invalid\/app\/@v\/v1\.0\.0\.zip/.test(e.message)));
    assert.equal((await get(relay.url, '/lab.invalid/app/@v/v1.0.0.zip')).status, 200, 'served again, from the upstream');
    await mkdir(path.join(cacheDir, 'tmp'), { recursive: true });
  } finally {
    await relay.close();
  }
});

test('the checksum database is proxied only through an upstream that serves it', async () => {
  const sumLab = await startLab({ proxies: [{ name: 'nosum' }, { name: 'withsum', sumdb: true }] });
  try {
    const none = await Relay.start({ chain: { goproxy: sumLab.proxies.nosum!.url, gonoproxy: '', source: 'test' }, cacheDir: sumLab.makeTempDir('c'), deadlines: TEST_DEADLINES });
    const some = await Relay.start({ chain: { goproxy: `${sumLab.proxies.nosum!.url},${sumLab.proxies.withsum!.url}`, gonoproxy: '', source: 'test' }, cacheDir: sumLab.makeTempDir('c'), deadlines: TEST_DEADLINES });
    try {
      assert.equal((await get(none.url, '/sumdb/sum.golang.org/supported')).status, 404);
      assert.equal((await get(some.url, '/sumdb/sum.golang.org/supported')).status, 200);
      sumLab.proxies.withsum!.clearLog();
      // The relay passes on the database proxy's own answer; what matters is that the request reached it.
      const direct = (await get(sumLab.proxies.withsum!.url, '/sumdb/sum.golang.org/lookup/lab.invalid/app@v1.0.0')).status;
      sumLab.proxies.withsum!.clearLog();
      assert.equal((await get(some.url, '/sumdb/sum.golang.org/lookup/lab.invalid/app@v1.0.0')).status, direct);
      assert.ok(sumLab.proxies.withsum!.accessLog.some((e) => e.path === '/sumdb/sum.golang.org/lookup/lab.invalid/app@v1.0.0'));
    } finally {
      await none.close();
      await some.close();
    }
  } finally {
    await sumLab.close();
  }
});

test("a silent member of a '|' run is hedged around, then skipped while it cools down", async () => {
  const { relay, events } = await relayFor('{silent}|{ok}');
  try {
    for (const f of ['v1.0.0.info', 'v1.0.0.mod', 'v1.0.0.zip']) assert.equal((await get(relay.url, `/lab.invalid/app/@v/${f}`)).status, 200);
    assert.ok(events.some((e) => e.type === 'cool-down' && e.upstream === lab.proxies.silent!.url), 'three lost hedges without an answer: cooling down');
    lab.proxies.silent!.clearLog();
    assert.equal((await get(relay.url, '/lab.invalid/app/@v/list')).status, 200);
    assert.deepEqual(lab.proxies.silent!.accessLog, [], 'skipped while cooling down');
  } finally {
    await relay.close();
  }
});
