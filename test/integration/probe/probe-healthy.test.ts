import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Lab } from '../../lab/index.js';
import { probeProxy, probeFamilies } from '../../../electron/core/probe/index.js';
import type { ProbeProgress } from '../../../shared/bench/types.js';
import { labWith, probeOpts } from './lab-helpers.js';
import { render } from '../../../shared/i18n/catalog.js';

let lab: Lab;
before(async () => {
  lab = await labWith([
    { name: 'plain', sumdb: true },
    { name: 'tls', tls: 'valid' },
    { name: 'slow', faults: { latencyMs: 100 } },
    { name: 'soon', tls: 'expiring-soon' },
  ]);
});
after(() => lab.close());

test('a healthy proxy: every request of the protocol, every phase, one connection reused', async () => {
  const events: ProbeProgress[] = [];
  const s = await probeProxy(lab.proxies.plain!.url, probeOpts(lab, { onProgress: (p) => events.push(p) }));
  assert.equal(s.ok, true, JSON.stringify(s.error));
  assert.deepEqual(s.requests.map((r) => r.request), ['list', 'latest', 'info', 'mod', 'sumdb-supported', 'zip']);
  assert.ok(s.requests.every((r) => r.status === 200 && r.error === null));
  assert.ok(s.requests[0]!.path.includes('/!big!corp/'), s.requests[0]!.path);
  const [firstReq, ...rest] = s.requests;
  assert.ok(firstReq!.dnsMs !== null && firstReq!.connectMs !== null && firstReq!.ttfbMs !== null && firstReq!.transferMs !== null);
  assert.equal(firstReq!.tlsMs, null, 'plain http has no TLS phase');
  assert.equal(firstReq!.reused, false);
  assert.ok(rest.every((r) => r.reused && r.dnsMs === null && r.connectMs === null), 'later requests reuse the connection');
  assert.equal(s.connections, 1);
  assert.equal(s.protocol, 'http/1.1');
  assert.equal(s.sumdbSupported, true);
  // The lab's zips are a few hundred bytes: too small to time the pipe (zip-read.test.ts has a large one).
  assert.equal(s.throughputBytesPerSec, null);
  assert.equal(s.family, 'ipv4');
  // The lab log agrees: six requests, one per protocol step, nothing else.
  assert.equal(lab.proxies.plain!.accessLog.length, 6);
  const phases = new Set(events.map((e) => e.phase));
  for (const p of ['dns', 'connect', 'ttfb', 'transfer', 'done'] as const) assert.ok(phases.has(p), `progress for ${p}`);
});

test('https: TLS phase timed, certificate described, protocol recorded (the lab offers http/1.1 only)', async () => {
  const s = await probeProxy(lab.proxies.tls!.url, probeOpts(lab));
  assert.equal(s.ok, true, JSON.stringify(s.error));
  assert.ok(s.requests[0]!.tlsMs !== null && s.requests[0]!.tlsMs > 0);
  assert.equal(s.protocol, 'http/1.1');
  assert.equal(s.connections, 1);
  assert.match(s.tls?.subject ?? '', /CN=lab proxy/);
  assert.match(s.tls?.issuer ?? '', /lab CA/);
  assert.equal(s.tls?.problem, null);
  assert.ok((s.tls?.daysToExpiry ?? 0) > 14);
  assert.deepEqual(s.warnings, []);
  assert.equal(s.sumdbSupported, false, '404 on /sumdb/.../supported means not supported');
});

test('the lab CA is trusted through SSL_CERT_FILE, as go trusts it', async () => {
  const s = await probeProxy(lab.proxies.tls!.url, probeOpts(lab, { ca: [], env: { SSL_CERT_FILE: lab.caCertFile } }));
  assert.equal(s.ok, true, JSON.stringify(s.error));
  const without = await probeProxy(lab.proxies.tls!.url, probeOpts(lab, { ca: [], env: {} }));
  assert.equal(without.error?.kind, 'tls');
  assert.equal(without.error?.tls?.problem, 'untrusted');
});

test('a certificate that expires within 14 days is a warning on a healthy result', async () => {
  const s = await probeProxy(lab.proxies.soon!.url, probeOpts(lab));
  assert.equal(s.ok, true, JSON.stringify(s.error));
  assert.ok(s.tls && s.tls.daysToExpiry >= 4 && s.tls.daysToExpiry <= 5, JSON.stringify(s.tls));
  assert.equal(s.warnings.length, 1);
  assert.equal(s.warnings[0]!.id, 'bench.warning.certExpires');
  assert.match(render('en', s.warnings[0]!), /expires in [45] days/);
});

test('first-byte time includes the injected latency (lower bound only)', async () => {
  const s = await probeProxy(lab.proxies.slow!.url, probeOpts(lab));
  assert.equal(s.ok, true, JSON.stringify(s.error));
  for (const r of s.requests) assert.ok((r.ttfbMs ?? 0) >= 100, `${r.request} ttfb ${r.ttfbMs}`);
});

test('probeFamilies probes each address family the host has', async () => {
  const samples = await probeFamilies(lab.proxies.plain!.url, probeOpts(lab));
  assert.deepEqual(samples.map((s) => s.family), ['ipv4']);
  assert.equal(samples[0]!.ok, true);
});
