// The two faults the ranking scenarios need beyond latency and bandwidth: a flaky proxy whose
// failures are drawn from a seeded PRNG (so a run can be replayed) and a TLS proxy that holds its
// ServerHello back. Asserted on the lab's own records, never on this test's clock.
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import { after, before, describe, test } from 'node:test';
import { mulberry32 } from '../../../shared/util/prng.js';
import { describeFaults, startLab, validateFaultSpec, type Lab } from '../../lab/index.js';

let lab: Lab;
before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'flaky', faults: { flakyRate: 0.2, flakySeed: 42 } },
      { name: 'flaky-reset', faults: { flakyRate: 0.2, flakySeed: 42, flakyFailure: 'reset' } },
      { name: 'slow-hello', tls: 'valid', faults: { handshakeDelayMs: 300 } },
      { name: 'quick-hello', tls: 'valid' },
    ],
  });
});
after(() => lab.close());

/** Status of one GET on a fresh connection, or the socket error's code. */
function statusOf(url: string, ca?: string): Promise<number | string> {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve) => {
    const req = client.get(url, { agent: false, ...(ca ? { ca } : {}) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    });
    req.setTimeout(5000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** Which of the first n selected requests a seed fails: the lab's draw, replayed. */
function expectedFailures(seed: number, rate: number, n: number): boolean[] {
  const draw = mulberry32(seed);
  return Array.from({ length: n }, () => draw() < rate);
}

async function sequence(name: string, n: number): Promise<(number | string)[]> {
  const m = lab.modules[0]!;
  const out: (number | string)[] = [];
  for (let i = 0; i < n; i++) out.push(await statusOf(`${lab.proxies[name]!.url}/${m.path}/@v/${m.version}.info`));
  return out;
}

describe('a flaky proxy (flakyRate, seeded)', () => {
  test('the n-th request fails exactly when the seeded draw says so: 502 for 20 % of 100', async () => {
    const expected = expectedFailures(42, 0.2, 100);
    const got = await sequence('flaky', 100);
    assert.deepEqual(got.map((s) => s === 502), expected);
    assert.ok(got.every((s) => s === 502 || s === 200), String(got));
    const failures = expected.filter(Boolean).length;
    assert.ok(failures >= 10 && failures <= 30, `seed 42 fails ${failures} of 100`);
    assert.equal(lab.proxies.flaky!.accessLog.filter((e) => e.status === 502).length, failures);
  });

  test('setFaults re-seeds: the same seed replays the same outcomes', async () => {
    const p = lab.proxies.flaky!;
    p.setFaults({ flakyRate: 0.2, flakySeed: 42 });
    const first = await sequence('flaky', 30);
    p.setFaults({ flakyRate: 0.2, flakySeed: 42 });
    assert.deepEqual(await sequence('flaky', 30), first);
    p.setFaults({ flakyRate: 0.2, flakySeed: 7 });
    assert.deepEqual((await sequence('flaky', 30)).map((s) => s === 502), expectedFailures(7, 0.2, 30));
  });

  test("flakyFailure 'reset' tears the connection down instead of answering", async () => {
    const got = await sequence('flaky-reset', 50);
    assert.deepEqual(got.map((s) => s !== 200), expectedFailures(42, 0.2, 50));
    assert.ok(got.filter((s) => s !== 200).every((s) => s === 'ECONNRESET'), String(got));
    assert.ok(lab.proxies['flaky-reset']!.accessLog.every((e) => e.status === 200 || e.status === null));
  });

  test('the control API checks and describes the new fields', () => {
    assert.deepEqual(validateFaultSpec({ flakyRate: 1.5 }), { ok: false, error: 'flakyRate must be a share between 0 and 1' });
    assert.equal(validateFaultSpec({ flakyFailure: 'explode' }).ok, false);
    assert.equal(validateFaultSpec({ flakyRate: 0.2, flakySeed: 3, flakyFailure: 'reset', handshakeDelayMs: 500 }).ok, true);
    assert.equal(describeFaults({ flakyRate: 0.2 }), '20 % of requests answer 502 (seed 1)');
    assert.equal(describeFaults({ handshakeDelayMs: 500 }), 'TLS handshake delayed 500 ms');
  });
});

describe('a slow TLS handshake (handshakeDelayMs)', () => {
  test('the lab lets the handshake proceed only after the delay, on every connection, and then answers normally', async () => {
    const p = lab.proxies['slow-hello']!;
    p.clearLog();
    const m = lab.modules[0]!;
    for (let i = 0; i < 2; i++) assert.equal(await statusOf(`${p.url}/${m.path}/@v/${m.version}.info`, lab.caCertPem), 200);
    assert.equal(p.handshakeLog.length, 2);
    for (const h of p.handshakeLog) assert.ok(h.helloAt !== null && h.helloAt - h.acceptedAt >= 300, JSON.stringify(h));
  });

  test('without the fault the handshake proceeds on accept', async () => {
    const p = lab.proxies['quick-hello']!;
    p.clearLog();
    const m = lab.modules[0]!;
    assert.equal(await statusOf(`${p.url}/${m.path}/@v/${m.version}.info`, lab.caCertPem), 200);
    assert.equal(p.handshakeLog.length, 1);
    const h = p.handshakeLog[0]!;
    assert.ok(h.helloAt !== null && h.helloAt - h.acceptedAt < 300, JSON.stringify(h));
  });
});
