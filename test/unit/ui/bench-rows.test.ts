// The Benchmark view's rows, folded from real-shaped stream events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateCandidate } from '../../../shared/bench/aggregate.js';
import type { ProbeSample, RequestTiming } from '../../../shared/bench/types.js';
import { applyBenchEvent, finishedRows, orderRows, phaseSegments, rowsFromReport, samplePhases, startRows, type BenchRow } from '../../../shared/ui/bench-rows.js';
import type { BenchProgressEvent } from '../../../shared/contract/stream.js';

function request(over: Partial<RequestTiming>): RequestTiming {
  return { request: 'info', path: '/m/@v/v1.0.0.info', status: 200, dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, transferMs: null, bytes: 10, protocol: 'http/1.1', reused: true, error: null, ...over };
}
function sample(candidate: string, ok: boolean, requests: RequestTiming[]): ProbeSample {
  return {
    candidate,
    kind: 'proxy',
    family: 'ipv4',
    startedAt: 1,
    durationMs: 50,
    requests,
    ok,
    error: ok ? null : { kind: 'http', phase: 'ttfb', status: 502, message: 'the proxy answered 502 Bad Gateway' },
    throughputBytesPerSec: null,
    protocol: 'http/1.1',
  } as ProbeSample;
}

const A = 'http://127.0.0.1:1001';
const B = 'http://127.0.0.1:1002';

test('rows start waiting, run through phases, add each sample\'s phases, and finish with the result', () => {
  let rows: BenchRow[] = startRows([A, B]);
  assert.deepEqual(rows.map((r) => r.status), ['waiting', 'waiting']);
  const s1 = sample(A, true, [request({ dnsMs: 1, connectMs: 2, ttfbMs: 10, transferMs: 3, reused: false }), request({ ttfbMs: 6, transferMs: 1 })]);
  const s2 = sample(A, false, [request({ ttfbMs: 4, status: 502 })]);
  const events: BenchProgressEvent[] = [
    { type: 'candidate-start', candidate: A, kind: 'proxy', index: 0, samples: 2 },
    { type: 'phase', progress: { candidate: A, sample: 0, request: 'info', phase: 'connect', at: 2 } },
  ];
  for (const e of events) rows = applyBenchEvent(rows, e);
  assert.equal(rows[0]!.status, 'running');
  assert.equal(rows[0]!.phase, 'connect');
  assert.equal(rows[0]!.samplesTotal, 2);
  assert.equal(rows[1]!.status, 'waiting');

  const before = rows;
  rows = applyBenchEvent(rows, { type: 'sample-done', candidate: A, sample: 0, of: 2, result: s1 });
  assert.notEqual(rows, before, 'a new array');
  assert.equal(before[0]!.samplesDone, 0, 'the old rows are untouched');
  assert.deepEqual(rows[0]!.phases, { dns: 1, connect: 2, tls: 0, ttfb: 16, transfer: 4 });
  rows = applyBenchEvent(rows, { type: 'sample-done', candidate: A, sample: 1, of: 2, result: s2 });
  assert.equal(rows[0]!.samplesDone, 2);
  assert.equal(rows[0]!.okSamples, 1);
  assert.equal(rows[0]!.error?.status, 502);

  const result = aggregateCandidate(A, 'proxy', [s1, s2]);
  rows = applyBenchEvent(rows, { type: 'candidate-done', candidate: A, index: 0, result, cancelled: false });
  assert.equal(rows[0]!.status, 'done');
  assert.equal(rows[0]!.result, result);

  // The bar: average per sample, shares summing to 1, empty phases left out.
  const segs = phaseSegments(rows[0]!);
  assert.deepEqual(segs.map((s) => s.phase), ['dns', 'connect', 'ttfb', 'transfer']);
  assert.equal(segs.find((s) => s.phase === 'ttfb')!.ms, 10);
  assert.ok(Math.abs(segs.reduce((s, x) => s + x.share, 0) - 1) < 1e-9);
  assert.deepEqual(phaseSegments(rows[1]!), []);
});

test('an event for a candidate not announced yet adds its row; cancelled candidates say so', () => {
  const rows = applyBenchEvent([], { type: 'candidate-done', candidate: B, index: 1, result: aggregateCandidate(B, 'proxy', []), cancelled: true });
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.status, 'cancelled');
});

test('samplePhases: reused connections add no dns/connect/tls', () => {
  assert.deepEqual(samplePhases({ requests: [request({ ttfbMs: 5 }), request({ dnsMs: 2, connectMs: 3, tlsMs: 4, ttfbMs: 1, transferMs: 2, reused: false })] }), { dns: 2, connect: 3, tls: 4, ttfb: 6, transfer: 2 });
});

test('a finished report gives the same rows, best first', () => {
  const good = aggregateCandidate(A, 'proxy', [sample(A, true, [request({ ttfbMs: 5 })])]);
  const bad = aggregateCandidate(B, 'proxy', [sample(B, false, [request({ ttfbMs: 5, status: 502 })])]);
  const rows = orderRows(rowsFromReport([bad, good], false));
  assert.deepEqual(rows.map((r) => r.candidate), [A, B]);
  assert.equal(rows[1]!.error?.kind, 'http');
  assert.equal(rows[0]!.okSamples, 1);
  assert.deepEqual(rowsFromReport([good], true).map((r) => r.status), ['cancelled']);
});

test('a watched run whose report came before its last events: every row is done with its result, and keeps the phases it saw', () => {
  const s1 = sample(A, true, [request({ dnsMs: 1, connectMs: 2, ttfbMs: 10, transferMs: 3, reused: false })]);
  const sB = sample(B, true, [request({ ttfbMs: 7 })]);
  let rows: BenchRow[] = startRows([A, B]);
  rows = applyBenchEvent(rows, { type: 'candidate-start', candidate: A, kind: 'proxy', index: 0, samples: 1 });
  rows = applyBenchEvent(rows, { type: 'sample-done', candidate: A, sample: 0, of: 1, result: s1 });
  // B's events are still on their way when the report lands.
  const results = [aggregateCandidate(A, 'proxy', [s1]), aggregateCandidate(B, 'proxy', [sB])];
  const finished = finishedRows(rows, results, false);
  assert.deepEqual(finished.map((r) => [r.candidate, r.status, r.result === null]), [[A, 'done', false], [B, 'done', false]]);
  assert.deepEqual(finished[0]!.phases, { dns: 1, connect: 2, tls: 0, ttfb: 10, transfer: 3 });
  assert.equal(finished[0]!.measuredSamples, 1);
  assert.equal(finished[1]!.measuredSamples, 0, 'no phases were seen for B: none are made up');
});
