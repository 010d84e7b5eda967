// The score is a time: the real go's estimated time to fetch a workload through the candidate
// (shared/bench/estimate.ts), shown as 0..100. The worked example is the one in docs/scoring.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateFetch, GO_PARALLELISM, REPRESENTATIVE_WORKLOAD, scoreFromTime, STALL_COST_MS, workloadOf, describeEstimate } from '../../../shared/bench/estimate.js';
import { explainScore, scoreCandidate } from '../../../shared/bench/score.js';
import { failing, random, randomSummary, summary, tls } from './fixtures.js';
import { render, renderer } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';
import { makeFailure } from '../../../electron/core/probe/failure.js';

const score = (s: Parameters<typeof scoreCandidate>[0]): number => scoreCandidate(s).score;

test('the worked example of docs/scoring.md', () => {
  const s = summary({ setupMs: 120, ttfbMs: { median: 40, p90: 60 }, throughputBytesPerSec: 5_000_000, requestFailureRate: 0 });
  const e = estimateFetch(s);
  assert.equal(e.setupMs, 120);
  assert.equal(e.requestsMs, (300 * 40) / GO_PARALLELISM); // 6000
  assert.equal(e.bytesMs, 1500); // 15 MB at 5 MB/s × 2
  assert.equal(e.ms, 7620);
  assert.equal(scoreCandidate(s).score, 56.8); // 100 × 10 / (10 + 7.62)
  assert.deepEqual(describeEstimate(e, REPRESENTATIVE_WORKLOAD), msg('bench.estimate.time', { time: '7.6 s', workload: msg('bench.estimate.workload.representative', { modules: 100 }) }));
  assert.equal(render('en', describeEstimate(e, REPRESENTATIVE_WORKLOAD)), "≈ 7.6 s for a typical graph's 100 modules");
  assert.equal(render('zh-CN', describeEstimate(e, REPRESENTATIVE_WORKLOAD)), '获取典型依赖图的 100 个模块约需 7.6 s');
  // Failures: 10% of requests failing after a 200 ms 502, each then served elsewhere.
  const flaky = estimateFetch(summary({ setupMs: 120, ttfbMs: { median: 40, p90: 60 }, requestFailureRate: 0.1, failureMs: 200 }));
  assert.equal(flaky.requestsMs, (300 * (40 + 0.1 * (200 + 40))) / GO_PARALLELISM); // 7200
});

test('the thin-pipe lab: fast first bytes beat a fat pipe for a small graph, the other way round for a big one', () => {
  const fastHeaders = summary({ ttfbMs: { median: 6, p90: 8 }, throughputBytesPerSec: 8_000 });
  const fatPipe = summary({ ttfbMs: { median: 152, p90: 160 }, throughputBytesPerSec: 50_000_000 });
  const labGraph = workloadOf(19, 13_000, 'lab');
  assert.ok(estimateFetch(fastHeaders, labGraph).ms! < estimateFetch(fatPipe, labGraph).ms!);
  assert.ok(scoreCandidate(fastHeaders, labGraph).score > scoreCandidate(fatPipe, labGraph).score);
  // 15 MB through 8 kB/s is a quarter of an hour: the fat pipe wins the representative graph.
  assert.ok(scoreCandidate(fatPipe).score > scoreCandidate(fastHeaders).score);
});

test('score: 0..100, strictly decreasing in the time, 0 only when it never worked', () => {
  assert.equal(scoreFromTime(null), 0);
  assert.equal(scoreFromTime(0), 100);
  assert.equal(scoreFromTime(10_000), 50);
  let previous = 101;
  for (const ms of [0, 10, 500, 2_000, 10_000, 60_000, 3_600_000, 1e9]) {
    const s = scoreFromTime(ms);
    assert.ok(s < previous && s > 0 && s <= 100, `${ms} ms scored ${s}`);
    previous = s;
  }
  const rand = random(7);
  for (let i = 0; i < 300; i++) {
    const s = score(randomSummary(rand));
    assert.ok(s > 0 && s <= 100, `out of range: ${s}`);
    assert.ok(s > score(failing('https://x', 'dns', { ttfbMs: { median: 1, p90: 1 } })));
  }
});

test('faster, more throughput, fewer failed requests never score lower, all else equal', () => {
  const rand = random(11);
  for (let i = 0; i < 200; i++) {
    const s = randomSummary(rand);
    const faster = { ...s, ttfbMs: s.ttfbMs ? { median: s.ttfbMs.median * 0.8, p90: s.ttfbMs.p90 } : null };
    assert.ok(score(faster) >= score(s));
    if (s.throughputBytesPerSec !== null) assert.ok(score({ ...s, throughputBytesPerSec: s.throughputBytesPerSec * 2 }) >= score(s));
    assert.ok(score({ ...s, successRate: 1, requestFailureRate: 0 }) >= score({ ...s, requestFailureRate: 0.2, failureMs: STALL_COST_MS }));
  }
  assert.ok(score(summary({ ttfbMs: { median: 20, p90: 30 } })) > score(summary({ ttfbMs: { median: 400, p90: 900 } })));
  assert.ok(score(summary({ successRate: 2 / 3 })) < score(summary({ successRate: 1 })));
});

test('what does not change the time does not change the score: the certificate, the checksum database', () => {
  const base = score(summary());
  assert.equal(score(summary({ tls: tls(5) })), base);
  assert.equal(score(summary({ sumdbSupported: false })), base);
});

test('explainScore: the time and where it goes, in English and Simplified Chinese', () => {
  const s = summary({ setupMs: 120, tls: tls(5), requestFailureRate: 0.1, failureMs: 200 });
  const lines = explainScore(s);
  assert.deepEqual(
    lines.map((l) => l.id),
    ['bench.score.total', 'bench.score.setup', 'bench.score.requests', 'bench.score.failures', 'bench.score.bytes', 'bench.score.sumdbServed', 'bench.score.certExpiring'],
  );
  assert.deepEqual(lines[6]?.params, { days: 5 });
  const en = lines.map(renderer('en'));
  assert.equal(en[0], `Score ${score(s)} of 100: ≈ ${(estimateFetch(s).ms! / 1000).toFixed(1)} s for a typical graph's 100 modules.`);
  assert.match(en.join('\n'), /300 requests at 40 ms to the first byte, 2 at a time/);
  assert.match(en.join('\n'), /10% of requests failed/);
  assert.match(en.join('\n'), /15\.0 MB at 10\.0 MB\/s/);
  assert.match(en.join('\n'), /expires in 5 days/);
  const zh = lines.map(renderer('zh-CN'));
  assert.match(zh[0] ?? '', /^得分 [\d.]+\/100：获取典型依赖图的 100 个模块约需/);
  assert.match(zh.join('\n'), /证书将在 5 天后过期/);
});

test('explainScore of a dead candidate names the failure and says it is left out', () => {
  const lines = explainScore(failing('https://dead.example', 'dns'));
  assert.equal(lines[1]?.id, 'bench.score.neverWorkedBecause');
  assert.deepEqual(lines[1]?.params?.kind, msg('bench.kind.dns'));
  const en = lines.map(renderer('en'));
  assert.equal(en[0], 'Score 0 of 100: go would not get modules through it.');
  assert.match(en[1] ?? '', /dns: DNS lookup of dead\.example failed \(ENOTFOUND\)/);
  assert.match(en[1] ?? '', /left out of the recommended chain/);
  const zh = lines.map(renderer('zh-CN'));
  assert.match(zh[1] ?? '', /不会进入推荐的代理链/);
  assert.match(zh[1] ?? '', /域名解析失败/);
});

test('explainScore of a proxy without the probe module: reachable, kept in the chain, no time', () => {
  const lacks = failing('https://mirror.example', 'connect', { missingModule: 'x@v1.0.0', error: makeFailure('not-found', 'ttfb', msg('bench.probe.missingModule', { where: 'mirror.example', module: 'x@v1.0.0', status: 404 }), 404) });
  const lines = explainScore(lacks);
  assert.deepEqual(lines.map((l) => l.id), ['bench.score.total', 'bench.score.missingModule']);
  assert.match(render('en', lines[1]!), /kept in the recommended chain/);
  assert.match(render('zh-CN', lines[1]!), /保留在推荐的代理链中/);
});
