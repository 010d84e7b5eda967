// What the probe measures of the two ranking faults: the TLS phase of a proxy that holds its
// ServerHello back is at least the hold (the lab cannot have answered sooner), and a flaky
// proxy's failed requests are exactly the ones the lab answered 502.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { probeProxy } from '../../../electron/core/probe/index.js';
import { summarizeSamples } from '../../../shared/bench/summary.js';
import type { Lab } from '../../lab/index.js';
import { labWith, probeOpts } from './lab-helpers.js';

const HOLD_MS = 400;
let lab: Lab;
before(async () => {
  lab = await labWith([
    { name: 'slow-hello', tls: 'valid', faults: { handshakeDelayMs: HOLD_MS } },
    { name: 'flaky', faults: { flakyRate: 0.2, flakySeed: 42 } },
  ]);
});
after(() => lab.close());

test('a delayed ServerHello is measured in the TLS phase, at least the delay, once per connection', async () => {
  const p = lab.proxies['slow-hello']!;
  const s = await probeProxy(p.url, probeOpts(lab));
  assert.equal(s.ok, true, JSON.stringify(s.error));
  const connected = s.requests.filter((r) => r.connectMs !== null);
  assert.equal(connected.length, p.handshakeLog.length, 'one TLS phase measured per connection the lab accepted');
  for (const r of connected) assert.ok(r.tlsMs !== null && r.tlsMs >= HOLD_MS, `tls ${r.tlsMs} ms`);
  // Requests on the kept-alive connection pay no handshake: their first byte does not include it.
  for (const r of s.requests.filter((q) => q.connectMs === null)) assert.ok(r.tlsMs === null, JSON.stringify(r));
  const summary = summarizeSamples(p.url, 'proxy', [s]);
  assert.ok(summary.setupMs! >= HOLD_MS, `setup ${summary.setupMs} ms`);
});

test("a flaky proxy's failed requests are the lab's 502s, and the summary's failure rate counts them", async () => {
  const p = lab.proxies.flaky!;
  const samples = [];
  for (let i = 0; i < 4; i++) samples.push(await probeProxy(p.url, probeOpts(lab)));
  const requests = samples.flatMap((s) => s.requests);
  const failed = requests.filter((r) => r.status === 502);
  const lab502 = p.accessLog.filter((e) => e.status === 502).length;
  assert.equal(failed.length, lab502);
  assert.ok(lab502 > 0, 'seed 42 fails some of the first requests');
  const summary = summarizeSamples(p.url, 'proxy', samples);
  assert.equal(summary.requestFailureRate, failed.length / requests.length);
});
