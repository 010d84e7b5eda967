// The .zip is read for a bounded time, not to its end: a thin pipe with a large zip is measured
// (bytes over the time it took) instead of running into the transfer deadline and counting as a
// failure. Injected short read time; the assertions are on bytes and verdicts, not on timing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { probeProxy } from '../../../electron/core/probe/index.js';
import { fixtureGraph, largeFixtureModule, startLab, type Lab } from '../../lab/index.js';

let lab: Lab;

before(async () => {
  lab = await startLab({
    modules: [...fixtureGraph({ count: 2 }), largeFixtureModule('large.invalid/blob')],
    // 300 kB at 20 kB/s is 15 s: far past the 2 s transfer deadline below.
    proxies: [{ name: 'thin', faults: { bandwidthBytesPerSec: 20_000 } }, { name: 'plain' }],
  });
});
after(() => lab?.close());

test('a thin pipe and a large zip: the read stops after the read time, the sample works and has a throughput', { timeout: 30_000 }, async () => {
  const timeouts = { dnsMs: 1_000, connectMs: 1_000, tlsMs: 1_000, ttfbMs: 1_000, transferMs: 2_000, overallMs: 10_000 };
  const s = await probeProxy(lab.proxies.thin!.url, { module: { path: 'large.invalid/blob', version: 'v1.0.0' }, timeouts, zipReadMs: 400, env: {} });
  assert.equal(s.ok, true, JSON.stringify(s.error));
  const zip = s.requests.find((r) => r.request === 'zip')!;
  assert.equal(zip.error, null);
  assert.ok(zip.bytes > 0 && zip.bytes < 300_000, `${zip.bytes} bytes read`);
  assert.ok(s.throughputBytesPerSec !== null && s.throughputBytesPerSec > 0);
  // Without the bounded read the same sample fails on the transfer deadline: the bound is what helps.
  const unbounded = await probeProxy(lab.proxies.thin!.url, { module: { path: 'large.invalid/blob', version: 'v1.0.0' }, timeouts, zipReadMs: 60_000, env: {} });
  assert.deepEqual([unbounded.error?.kind, unbounded.error?.phase], ['timeout', 'transfer']);
});

test('a zip too small to time the pipe gives no throughput; a large one on the same proxy does', { timeout: 30_000 }, async () => {
  const timeouts = { dnsMs: 2_000, connectMs: 2_000, tlsMs: 2_000, ttfbMs: 2_000, transferMs: 5_000, overallMs: 15_000 };
  const small = lab.modules[1]!;
  const tiny = await probeProxy(lab.proxies.plain!.url, { module: { path: small.path, version: small.version }, timeouts, env: {} });
  assert.equal(tiny.ok, true, JSON.stringify(tiny.error));
  const zip = tiny.requests.find((r) => r.request === 'zip')!;
  assert.ok(zip.error === null && zip.bytes > 0 && zip.bytes < 64 << 10, `${zip.bytes} bytes`);
  assert.equal(tiny.throughputBytesPerSec, null, 'its time is a round trip and scheduling, not bandwidth');
  const large = await probeProxy(lab.proxies.plain!.url, { module: { path: 'large.invalid/blob', version: 'v1.0.0' }, timeouts, env: {} });
  assert.equal(large.ok, true, JSON.stringify(large.error));
  assert.ok(large.throughputBytesPerSec !== null && large.throughputBytesPerSec > 0);
});
