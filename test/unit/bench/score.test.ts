import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainScore, scoreCandidate } from '../../../shared/bench/score.js';
import { failing, random, randomSummary, summary, tls } from './fixtures.js';

const score = (s: Parameters<typeof scoreCandidate>[0]): number => scoreCandidate(s).score;

test('score is within 0..100 and a perfect proxy is close to 100', () => {
  const perfect = summary({ ttfbMs: { median: 1, p90: 1 }, throughputBytesPerSec: 1e9 });
  assert.ok(score(perfect) > 97, `perfect scored ${score(perfect)}`);
  const rand = random(1);
  for (let i = 0; i < 500; i++) {
    const s = score(randomSummary(rand));
    assert.ok(s >= 1 && s <= 100, `out of range: ${s}`);
  }
});

test('the parts are the formula: each within its maximum, and they add up to the score', () => {
  const { score: total, parts } = scoreCandidate(summary());
  assert.deepEqual(
    parts.map((p) => p.factor),
    ['success', 'ttfbMedian', 'ttfbP90', 'throughput', 'protocol', 'sumdb', 'certificate'],
  );
  assert.equal(parts.reduce((n, p) => n + p.max, 0), 100);
  for (const p of parts) assert.ok(p.points <= p.max);
  const byFactor = Object.fromEntries(parts.map((p) => [p.factor, p.points]));
  // 40 ms median: 20 × 150/190; 60 ms p90: 10 × 150/210; 5 MB/s: 20 × 5/6.
  assert.equal(byFactor.ttfbMedian, 15.8);
  assert.equal(byFactor.ttfbP90, 7.1);
  assert.equal(byFactor.throughput, 16.7);
  assert.ok(Math.abs(parts.reduce((n, p) => n + p.points, 0) - total) < 0.35);
});

test('faster never scores lower, all else equal', () => {
  const rand = random(2);
  for (let i = 0; i < 500; i++) {
    const s = randomSummary(rand);
    const ttfb = s.ttfbMs as { median: number; p90: number };
    const factor = rand();
    const faster = { ...s, ttfbMs: { median: ttfb.median * factor, p90: ttfb.p90 * factor } };
    assert.ok(score(faster) >= score(s), `faster ${JSON.stringify(faster.ttfbMs)} scored ${score(faster)} < ${score(s)}`);
    const fasterTail = { ...s, ttfbMs: { median: ttfb.median, p90: Math.max(ttfb.median, ttfb.p90 * factor) } };
    assert.ok(score(fasterTail) >= score(s));
  }
  // And it is strictly rewarded when it is clearly faster.
  assert.ok(score(summary({ ttfbMs: { median: 20, p90: 30 } })) > score(summary({ ttfbMs: { median: 400, p90: 900 } })));
});

test('more throughput, more successes, fewer protocol errors never score lower', () => {
  const rand = random(3);
  for (let i = 0; i < 500; i++) {
    const s = randomSummary(rand);
    const more = { ...s, throughputBytesPerSec: (s.throughputBytesPerSec ?? 0) * (1 + rand() * 4) + 1 };
    assert.ok(score(more) >= score(s));
    const reliable = { ...s, successRate: 1 };
    assert.ok(score(reliable) >= score(s));
    const conforming = { ...s, protocolErrors: 0 };
    assert.ok(score(conforming) >= score(s));
    const servesSumdb = { ...s, sumdbSupported: true };
    assert.ok(score(servesSumdb) >= score(s));
  }
  assert.ok(score(summary({ protocolErrors: 1 })) < score(summary({ protocolErrors: 0 })));
  assert.ok(score(summary({ successRate: 2 / 3 })) < score(summary({ successRate: 1 })));
});

test('a candidate that never worked always ranks below any working one', () => {
  const dead = failing('https://dead.example');
  assert.equal(score(dead), 0);
  const worst = summary({ successRate: 0.01, ttfbMs: { median: 1e7, p90: 1e7 }, throughputBytesPerSec: null, protocolErrors: 99, sumdbSupported: false, tls: tls(-400, 'expired') });
  assert.ok(score(worst) > score(dead), `worst working scored ${score(worst)}`);
  const rand = random(4);
  for (let i = 0; i < 300; i++) assert.ok(score(randomSummary(rand)) > score(failing('https://x', 'dns', { ttfbMs: { median: 1, p90: 1 } })));
});

test('certificate health: expired is a heavy penalty, expiring within 14 days a small one, more days never lower', () => {
  const healthy = score(summary({ tls: tls(200) }));
  const expiring = score(summary({ tls: tls(5) }));
  const expired = score(summary({ tls: tls(-1) }));
  const selfSigned = score(summary({ tls: tls(300, 'self-signed') }));
  assert.equal(Math.round((healthy - expiring) * 10) / 10, 5);
  assert.ok(healthy - expired >= 50, `expired only lost ${healthy - expired}`);
  assert.ok(healthy - selfSigned >= 50);
  let previous = -Infinity;
  for (let days = -30; days <= 60; days++) {
    const s = score(summary({ tls: tls(days) }));
    assert.ok(s >= previous, `${days} days scored ${s} < ${previous}`);
    previous = s;
  }
  assert.equal(score(summary({ tls: tls(14) })), healthy);
  assert.equal(score(summary({ tls: tls(13) })), expiring);
});

test('explainScore says each part in English and in Simplified Chinese', () => {
  const s = summary({ ttfbMs: { median: 40.4, p90: 60 }, tls: tls(5) });
  const { score: total } = scoreCandidate(s);
  const en = explainScore(s, 'en');
  assert.equal(en.length, 7);
  assert.equal(en[0], `Score ${total} of 100.`);
  assert.match(en.join('\n'), /First byte after 40 ms \(median, 15\.8\/20 points\) and 60 ms \(p90, 7\.1\/10 points\)/);
  assert.match(en.join('\n'), /5\.0 MB\/s/);
  assert.match(en.join('\n'), /expires in 5 days/);
  const zh = explainScore(s, 'zh-CN');
  assert.equal(zh.length, 7);
  assert.equal(zh[0], `得分 ${total}/100。`);
  assert.match(zh.join('\n'), /证书将在 5 天后过期/);
  assert.match(zh.join('\n'), /首字节时间中位数 40 ms/);
});

test('explainScore of a dead candidate names the failure and says it is left out', () => {
  const en = explainScore(failing('https://dead.example', 'dns'), 'en');
  assert.equal(en[0], 'Score 0 of 100.');
  assert.match(en[1] ?? '', /dns: dns failure/);
  assert.match(en[1] ?? '', /left out of the recommended chain/);
  assert.match(explainScore(failing('https://dead.example', 'dns'), 'zh-CN')[1] ?? '', /不会进入推荐的代理链/);
});
