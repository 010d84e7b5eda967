import assert from 'node:assert/strict';
import { test } from 'node:test';
import { familiesDiffer, FAMILY_MATERIAL_MS, splitByFamily, type FamilyFigures } from '../../../shared/bench/families.js';
import { workloadOf } from '../../../shared/bench/estimate.js';
import type { ProbeSample, RequestTiming } from '../../../shared/bench/types.js';

function fig(estimateMs: number | null): FamilyFigures {
  return { samples: 3, successRate: estimateMs === null ? 0 : 1, ttfbMs: null, setupMs: null, throughputBytesPerSec: null, estimateMs, error: estimateMs === null ? 'connect' : null };
}

test('families differ when one works and the other does not', () => {
  assert.equal(familiesDiffer({ ipv4: fig(800), ipv6: fig(null) }), true);
  assert.equal(familiesDiffer({ ipv4: fig(null), ipv6: fig(800) }), true);
  assert.equal(familiesDiffer({ ipv4: fig(null), ipv6: fig(null) }), false);
});

test('families differ when their times are ≥ 20 % and ≥ 1 s apart, and only then', () => {
  assert.equal(familiesDiffer({ ipv4: fig(2_000), ipv6: fig(2_000 + FAMILY_MATERIAL_MS) }), true);
  assert.equal(familiesDiffer({ ipv4: fig(2_000), ipv6: fig(2_000 + FAMILY_MATERIAL_MS - 1) }), false, 'under 1 s apart');
  assert.equal(familiesDiffer({ ipv4: fig(10_000), ipv6: fig(11_500) }), false, '1.5 s but 15 %');
  assert.equal(familiesDiffer({ ipv4: fig(12_000), ipv6: fig(10_000) }), true, '2 s and 20 %, either way round');
});

function timing(ttfbMs: number): RequestTiming {
  return { request: 'info', path: '/m/@v/v1.0.0.info', status: 200, dnsMs: null, connectMs: null, tlsMs: null, ttfbMs, transferMs: 1, bytes: 10, protocol: 'http/1.1', reused: true, error: null };
}

function sample(family: ProbeSample['family'], ttfbMs: number, startedAt: number): ProbeSample {
  return { candidate: 'http://dual.example', kind: 'proxy', family, startedAt, durationMs: 10, requests: [timing(ttfbMs), timing(ttfbMs)], ok: true, error: null, throughputBytesPerSec: null, protocol: 'http/1.1', tls: null, sumdbSupported: null, warnings: [] };
}

test('splitByFamily: figures per family only when both were sampled', () => {
  const w = workloadOf(100, 0, 'lab');
  const both = splitByFamily('http://dual.example', 'proxy', [sample('ipv4', 5, 1), sample('ipv6', 80, 2), sample('ipv4', 7, 3), sample('ipv6', 90, 4)], w)!;
  assert.equal(both.ipv4.samples, 2);
  assert.equal(both.ipv4.ttfbMs!.median, 6);
  assert.equal(both.ipv6.ttfbMs!.median, 85);
  assert.equal(both.ipv6.estimateMs, (300 * 85) / 2);
  assert.equal(familiesDiffer(both), true);
  assert.equal(splitByFamily('http://v4.example', 'proxy', [sample('ipv4', 5, 1), sample('ipv4', 6, 2)], w), null);
  assert.equal(splitByFamily('http://x.example', 'proxy', [sample(null, 5, 1)], w), null);
});
