// aggregate.ts (samples -> summary, score, the --json row) and catalog.ts (candidates).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateCandidate, anyRouteWorks, rankResults, toBenchJson, toJsonResult } from '../../../shared/bench/aggregate.js';
import { PUBLIC_CATALOG, catalogSumdbs, dedupeCandidates, defaultCandidates, probedCatalog } from '../../../shared/bench/catalog.js';
import type { ProbeFailure, ProbeSample, RequestTiming } from '../../../shared/bench/types.js';
import { msg } from '../../../shared/i18n/message.js';
import { makeFailure } from '../../../electron/core/probe/failure.js';
import { REPRESENTATIVE_WORKLOAD } from '../../../shared/bench/estimate.js';

function req(request: RequestTiming['request'], ttfbMs: number | null, error: ProbeFailure | null = null): RequestTiming {
  return { request, path: `/m/@v/${request}`, status: error ? error.status : 200, dnsMs: null, connectMs: null, tlsMs: null, ttfbMs, transferMs: 1, bytes: 10, protocol: 'http/1.1', reused: true, error };
}

function sample(startedAt: number, ttfbs: number[], opts: { error?: ProbeFailure; durationMs?: number; throughput?: number | null } = {}): ProbeSample {
  const requests = ttfbs.map((t, i) => req((['list', 'latest', 'info', 'mod', 'zip'] as const)[i % 5]!, t));
  return {
    candidate: 'http://127.0.0.1:1',
    kind: 'proxy',
    family: null,
    startedAt,
    durationMs: opts.durationMs ?? 100,
    requests,
    ok: !opts.error,
    error: opts.error ?? null,
    throughputBytesPerSec: opts.throughput === undefined ? 1000 : opts.throughput,
    protocol: 'http/1.1',
    tls: null,
    sumdbSupported: false,
    warnings: [],
  };
}

const http502: ProbeFailure = makeFailure('http', 'ttfb', msg('bench.probe.httpStatus', { where: '127.0.0.1:1', status: 502 }), 502);
const cancelled: ProbeFailure = makeFailure('cancelled', 'ttfb', msg('bench.probe.cancelled'));
const refused: ProbeFailure = makeFailure('connect', 'connect', msg('bench.probe.connectFailed', { where: '127.0.0.1:1', code: 'ECONNREFUSED' }));

test('ttfb median and p90 are over every request of every sample, not per-sample medians', () => {
  // Per-sample medians would be 2 and 100 (median 51); over all ten requests the median is 3.5.
  const r = aggregateCandidate('http://a', 'proxy', [sample(1, [1, 2, 3, 4, 5]), sample(2, [100, 100, 100, 2, 3])]);
  assert.deepEqual(r.summary.ttfbMs, { median: 3.5, p90: 100 });
  assert.equal(r.summary.samples, 2);
  assert.equal(r.summary.successRate, 1);
});

test('cancelled samples are left out; a failing sample lowers the success rate and names the error', () => {
  const r = aggregateCandidate('http://a', 'proxy', [sample(1, [10]), sample(2, [10], { error: http502 }), sample(3, [], { error: cancelled })]);
  assert.equal(r.summary.samples, 2);
  assert.equal(r.summary.successRate, 0.5);
  assert.equal(r.summary.error?.kind, 'http');
  assert.ok(r.score > 0);
});

test('the --json row has exactly the contract keys, with nulls when nothing was measured', () => {
  const dead = toJsonResult(aggregateCandidate('http://dead', 'proxy', [sample(1, [], { error: refused, throughput: null }), sample(2, [], { error: refused, throughput: null })]));
  assert.deepEqual(Object.keys(dead).sort(), ['error', 'estimate', 'estimateMessage', 'estimateMs', 'missingModule', 'ok', 'protocol', 'proxy', 'samples', 'score', 'status', 'successRate', 'throughputBytesPerSec', 'totalMs', 'ttfbMs'].sort());
  assert.deepEqual(dead, {
    proxy: 'http://dead',
    ok: false,
    samples: 2,
    successRate: 0,
    ttfbMs: null,
    totalMs: null,
    throughputBytesPerSec: null,
    protocol: 'http/1.1',
    error: { kind: 'connect', status: null, message: 'Could not connect to 127.0.0.1:1 (ECONNREFUSED).', messageMessage: msg('bench.probe.connectFailed', { where: '127.0.0.1:1', code: 'ECONNREFUSED' }) },
    score: 0,
    estimateMs: null,
    estimate: 'go would not get modules through it',
    estimateMessage: msg('bench.estimate.none'),
    status: 'failing',
    missingModule: null,
  });
  // The texts in the command's language, the messages beside them unchanged.
  const deadZh = toJsonResult(aggregateCandidate('http://dead', 'proxy', [sample(1, [], { error: refused, throughput: null })]), REPRESENTATIVE_WORKLOAD, 'zh-CN');
  assert.equal(deadZh.estimate, '无法通过它获取模块');
  assert.equal(deadZh.error?.message, '无法连接到 127.0.0.1:1（ECONNREFUSED）。');
  assert.deepEqual(deadZh.error?.messageMessage, dead.error?.messageMessage);
  const live = toJsonResult(aggregateCandidate('http://live', 'proxy', [sample(1, [1.234567], { durationMs: 10.987 })]));
  assert.equal(live.ok, true);
  assert.deepEqual(live.ttfbMs, { median: 1.23, p90: 1.23 });
  assert.deepEqual(live.totalMs, { median: 10.99, p90: 10.99 });
  assert.equal(live.error, null);
});

test('results rank best first, ties by URL; the document has exactly four keys', () => {
  const fast = aggregateCandidate('http://b-fast', 'proxy', [sample(1, [5])]);
  const slow = aggregateCandidate('http://a-slow', 'proxy', [sample(1, [500])]);
  const twin = aggregateCandidate('http://a-fast', 'proxy', [sample(1, [5])]);
  assert.deepEqual(rankResults([slow, fast, twin]).map((r) => r.summary.candidate), ['http://a-fast', 'http://b-fast', 'http://a-slow']);
  const doc = toBenchJson(1234.56, [slow, fast], { goproxy: 'http://b-fast|http://a-slow', gosumdb: null });
  assert.deepEqual(Object.keys(doc), ['durationMs', 'workload', 'results', 'recommendation']);
  assert.equal(doc.workload.source, 'representative');
  assert.match(doc.results[0]!.estimate, /^≈ [\d.]+ (ms|s|min|h) for a typical graph's 100 modules$/);
  assert.equal(doc.durationMs, 1235);
  assert.deepEqual(doc.recommendation, { goproxy: 'http://b-fast|http://a-slow', gosumdb: null });
  assert.equal(doc.results[0]?.proxy, 'http://b-fast');
});

test('a working checksum database alone is not a route to modules', () => {
  const db = aggregateCandidate('https://sum.golang.org', 'sumdb', [{ ...sample(1, [5]), kind: 'sumdb' }]);
  const dead = aggregateCandidate('http://dead', 'proxy', [sample(1, [], { error: refused })]);
  assert.equal(anyRouteWorks([db, dead]), false);
  assert.equal(anyRouteWorks([db, dead, aggregateCandidate('direct', 'direct', [{ ...sample(1, [5]), kind: 'direct' }])]), true);
});

test('the catalog lists defunct proxies but never probes them', () => {
  const defunct = PUBLIC_CATALOG.filter((e) => e.defunct);
  assert.deepEqual(defunct.map((e) => e.url).sort(), ['https://athens.azurefd.net', 'https://gocenter.io']);
  assert.ok(defunct.every((e) => (e.defunctReason ?? '').length > 0));
  const probed = probedCatalog().map((e) => e.url);
  for (const e of defunct) assert.ok(!probed.includes(e.url));
  assert.deepEqual(catalogSumdbs(), [
    { url: 'https://sum.golang.org', kind: 'sumdb' },
    { url: 'https://sum.golang.google.cn', kind: 'sumdb' },
  ]);
});

test('default candidates: the catalog plus the user chain, deduplicated by normalized URL', () => {
  const list = defaultCandidates('https://goproxy.cn/,https://corp.example/go|direct');
  const urls = list.map((c) => c.url);
  assert.equal(urls.filter((u) => u === 'https://goproxy.cn').length, 1, 'goproxy.cn/ and the catalog entry are one');
  assert.ok(urls.includes('https://corp.example/go'));
  assert.equal(list.at(-1)?.kind, 'direct');
  assert.ok(!urls.includes('https://gocenter.io'));
  assert.equal(defaultCandidates('off').length, probedCatalog().length, 'off adds nothing');
  assert.equal(defaultCandidates('https://bad host').length, probedCatalog().length, 'an invalid GOPROXY adds nothing');
  assert.deepEqual(
    dedupeCandidates([
      { url: 'HTTPS://Mirror.Example/', kind: 'proxy' },
      { url: 'mirror.example', kind: 'proxy' },
      { url: 'mirror.example', kind: 'sumdb' },
    ]).map((c) => c.kind),
    ['proxy', 'sumdb'],
  );
});
