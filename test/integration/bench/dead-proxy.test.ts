// Never wait on a dead proxy: a candidate that cannot be reached (black hole, refused, a TLS
// handshake that never completes) costs one deadline, not one per sample; a proxy that answered
// and then stalled once is measured on every sample. Short deadlines are injected; nothing here is
// timed: the assertions count the samples taken and the requests the lab saw.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runBenchmark, type BenchEvent } from '../../../electron/core/bench/index.js';
import { isHardFailure } from '../../../electron/core/probe/index.js';
import { startLab, type Lab } from '../../lab/index.js';
import { msg } from '../../../shared/i18n/message.js';
import { makeFailure } from '../../../electron/core/probe/failure.js';

let lab: Lab;
const short = { dnsMs: 1_000, connectMs: 1_000, tlsMs: 1_000, ttfbMs: 600, transferMs: 2_000, overallMs: 5_000 };

before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'black-hole', faults: { mode: 'blackhole' } },
      { name: 'black-hole-tls', tls: 'valid', faults: { mode: 'blackhole' } },
      { name: 'refused', faults: { mode: 'refuse' } },
      // Answers everything but the .zip, whose first byte comes too late: alive, just flaky there.
      { name: 'slow-zip', faults: { latencyMs: 5_000, paths: '.zip' } },
      { name: 'healthy' },
    ],
  });
});

after(() => lab?.close());

const url = (name: string): string => lab.proxies[name]!.url;

async function bench(names: string[], samples: number) {
  const events: BenchEvent[] = [];
  const m = lab.modules[0]!;
  const report = await runBenchmark(
    names.map((n) => ({ url: url(n), kind: 'proxy' as const })),
    { module: { path: m.path, version: m.version }, samples, timeouts: short, ca: [lab.caCertPem], env: {}, historyDir: null, currentGoproxy: 'off', currentGosumdb: 'off', onEvent: (e) => events.push(e) },
  );
  const samplesOf = (name: string): number => events.filter((e) => e.type === 'sample-done' && e.candidate === url(name)).length;
  const summaryOf = (name: string) => report.results.find((r) => r.summary.candidate === url(name))!.summary;
  return { report, samplesOf, summaryOf };
}

test('black holes and refused connections: one sample each, the healthy proxy every sample', { timeout: 60_000 }, async () => {
  for (const p of Object.values(lab.proxies)) p.clearLog();
  const { samplesOf, summaryOf, report } = await bench(['black-hole', 'black-hole-tls', 'refused', 'healthy'], 3);
  assert.equal(samplesOf('healthy'), 3);
  for (const dead of ['black-hole', 'black-hole-tls', 'refused']) {
    assert.equal(samplesOf(dead), 1, `${dead}: one sample`);
    assert.equal(summaryOf(dead).samples, 1);
    assert.equal(summaryOf(dead).successRate, 0);
  }
  assert.deepEqual([summaryOf('black-hole').error?.kind, summaryOf('black-hole').error?.phase], ['timeout', 'ttfb']);
  assert.deepEqual([summaryOf('black-hole-tls').error?.kind, summaryOf('black-hole-tls').error?.phase], ['timeout', 'tls']);
  // The lab saw one request (or one stalled handshake) from the black holes, not one per sample.
  assert.equal(lab.proxies['black-hole']!.accessLog.length, 1, JSON.stringify(lab.proxies['black-hole']!.accessLog));
  assert.equal(lab.proxies['black-hole-tls']!.accessLog.length, 1, JSON.stringify(lab.proxies['black-hole-tls']!.accessLog));
  assert.equal(report.cancelled, false, 'fewer samples of a dead candidate is not a cancellation');
  assert.equal(report.recommendation.goproxy, url('healthy'));
});

test('a proxy that answered and then stalled once is measured on every sample', { timeout: 60_000 }, async () => {
  const { samplesOf, summaryOf } = await bench(['slow-zip'], 3);
  assert.equal(samplesOf('slow-zip'), 3);
  assert.deepEqual([summaryOf('slow-zip').error?.kind, summaryOf('slow-zip').error?.phase], ['timeout', 'ttfb']);
});

test('isHardFailure: nothing answered, or no connection, name or TLS session', () => {
  const timing = (status: number | null) => ({ request: 'list' as const, path: '/', status, dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, transferMs: null, bytes: 0, protocol: null, reused: false, error: null });
  const fail = (kind: 'timeout' | 'connect' | 'dns' | 'http' | 'not-found', phase: 'connect' | 'ttfb' | 'transfer' | 'dns' | 'tls') => makeFailure(kind, phase, msg('bench.probe.connectFailed', { where: 'dead.test', code: 'ECONNREFUSED' }));
  assert.equal(isHardFailure({ error: fail('timeout', 'ttfb'), requests: [timing(null)] }), true);
  assert.equal(isHardFailure({ error: fail('timeout', 'ttfb'), requests: [timing(200), timing(null)] }), false, 'it answered before');
  assert.equal(isHardFailure({ error: fail('timeout', 'transfer'), requests: [timing(200)] }), false);
  assert.equal(isHardFailure({ error: fail('connect', 'connect'), requests: [timing(null)] }), true);
  assert.equal(isHardFailure({ error: fail('connect', 'transfer'), requests: [timing(200)] }), false, 'a reset mid-body may not repeat');
  assert.equal(isHardFailure({ error: fail('dns', 'dns'), requests: [] }), true);
  assert.equal(isHardFailure({ error: fail('http', 'ttfb'), requests: [timing(502)] }), false);
  assert.equal(isHardFailure({ error: fail('not-found', 'ttfb'), requests: [timing(404)] }), false);
  assert.equal(isHardFailure({ error: null, requests: [timing(200)] }), false);
});
