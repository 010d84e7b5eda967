import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeSamples } from '../../../shared/bench/summary.js';
import type { ProbeFailure, ProbeSample, RequestTiming } from '../../../shared/bench/types.js';
import { tls } from './fixtures.js';
import { msg } from '../../../shared/i18n/message.js';
import { makeFailure } from '../../../electron/core/probe/failure.js';

function request(ttfbMs: number | null, error: ProbeFailure | null = null): RequestTiming {
  return { request: 'info', path: '/m/@v/v1.0.0.info', status: error ? null : 200, dnsMs: null, connectMs: null, tlsMs: null, ttfbMs, transferMs: 1, bytes: 10, protocol: 'h2', reused: true, error };
}

const timeout: ProbeFailure = makeFailure('timeout', 'ttfb', msg('bench.probe.noAnswer', { where: 'proxy.test', ms: 5000 }));
const protocolError: ProbeFailure = makeFailure('protocol', 'transfer', msg('bench.probe.badAnswer', { where: 'proxy.test', problem: msg('bench.check.infoNotJson') }), 200);

function sample(startedAt: number, ok: boolean, ttfbs: (number | null)[], extra: Partial<ProbeSample> = {}): ProbeSample {
  return {
    candidate: 'https://p.example',
    kind: 'proxy',
    family: null,
    startedAt,
    durationMs: 100 + startedAt,
    requests: ttfbs.map((t) => request(t)),
    ok,
    error: ok ? null : timeout,
    throughputBytesPerSec: ok ? 1000 * startedAt : null,
    protocol: ok ? 'h2' : null,
    tls: ok ? tls(100 - startedAt) : null,
    sumdbSupported: ok ? true : null,
    warnings: [],
    ...extra,
  };
}

test('first-byte distribution spans every request of every sample; totals and throughput only the successful samples', () => {
  const s = summarizeSamples('https://p.example', 'proxy', [sample(3, true, [30, 31]), sample(1, true, [10, 11]), sample(2, false, [20, null])]);
  assert.equal(s.samples, 3);
  assert.equal(s.successRate, 2 / 3);
  assert.deepEqual(s.ttfbMs, { median: 20, p90: 30.6 });
  assert.deepEqual(s.totalMs, { median: 102, p90: 102 + 0.8 * 1 });
  assert.equal(s.throughputBytesPerSec, 2000);
  assert.equal(s.sumdbSupported, true);
  // The latest certificate seen (sample 3, 97 days left), and the failure of the failed sample.
  assert.equal(s.tls?.daysToExpiry, 97);
  assert.equal(s.error?.kind, 'timeout');
  assert.equal(s.protocol, 'h2');
});

test('protocol errors are counted per response; error is null when every sample worked', () => {
  const withBadBody = sample(1, true, [10], { requests: [request(10), request(12, protocolError), request(13, protocolError)] });
  const s = summarizeSamples('https://p.example', 'proxy', [withBadBody, sample(2, true, [11])]);
  assert.equal(s.protocolErrors, 2);
  assert.equal(s.error, null);
});

test('nothing worked: no latency figures, the most frequent failure kind wins, the latest on a tie', () => {
  const dns: ProbeFailure = makeFailure('dns', 'dns', msg('bench.probe.dnsFailed', { where: 'proxy.test', code: 'ENOTFOUND' }));
  const s = summarizeSamples('https://p.example', 'proxy', [
    sample(1, false, [], { error: dns }),
    sample(2, false, [], { error: timeout }),
    sample(3, false, [], { error: { ...dns, message: 'still no such host', messageMessage: msg('bench.probe.dnsFailed', { where: 'proxy.test', code: 'EAI_AGAIN' }) } }),
  ]);
  assert.equal(s.successRate, 0);
  assert.equal(s.ttfbMs, null);
  assert.equal(s.totalMs, null);
  assert.equal(s.throughputBytesPerSec, null);
  assert.equal(s.sumdbSupported, null);
  assert.equal(s.error?.message, 'still no such host');
  const tie = summarizeSamples('https://p.example', 'proxy', [sample(1, false, [], { error: dns }), sample(2, false, [], { error: timeout })]);
  assert.equal(tie.error?.kind, 'timeout');
});

test('a certificate seen only on a failure (e.g. expired) is still reported', () => {
  const expired: ProbeFailure = makeFailure('tls', 'tls', msg('bench.probe.untrusted', { where: 'proxy.test', problem: msg('bench.tls.expired'), subject: 'CN=proxy.test' }), null, tls(-3, 'expired'));
  const s = summarizeSamples('https://p.example', 'proxy', [sample(1, false, [], { error: expired })]);
  assert.equal(s.tls?.problem, 'expired');
});
