// The repair engine's reasons are messages (shared/i18n): every cause, its id and its values, and
// the same reason rendered in 简体中文 with every figure and no English left (the zh check).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';
import { decideRepair, fingerprintKey, matchNetworkRule, type RepairDecision } from '../../../shared/repair/index.js';
import { checkZhText } from '../../support/zh-check.js';
import { A, B, CN, HOME_NET, MIN, NOW, OFFICE_NET, bad, obs, ok, settings, state } from './helpers.js';

const officeRule = { profile: 'corporate', when: { dnsSearchDomain: 'corp.example' } };

/** One decision per cause of the policy (docs/auto-repair.md). */
const CASES: Record<string, () => RepairDecision> = {
  'network-rule': () => decideRepair(state({ chosenOnNetwork: fingerprintKey(HOME_NET) }), obs([ok(A, 90)], OFFICE_NET), settings({ rules: [officeRule] })),
  'rule-waits (grace)': () =>
    decideRepair(state({ chosenBy: 'user', chosenAt: NOW - 5 * MIN, chosenOnNetwork: fingerprintKey(OFFICE_NET) }), obs([ok(A, 50)], OFFICE_NET), settings({ rules: [officeRule] })),
  'rule-waits (dwell)': () =>
    decideRepair(state({ chosenBy: 'watch', chosenAt: NOW - 5 * MIN, chosenOnNetwork: fingerprintKey(OFFICE_NET) }), obs([ok(A, 50)], OFFICE_NET), settings({ rules: [officeRule] })),
  'failing → reorder': () => decideRepair(state({ activeFailures: 3 }), obs([bad(A), ok(B, 60)]), settings()),
  'failing → switch': () => decideRepair(state({ activeFailures: 5 }), obs([bad(A), bad(B), ok(CN, 50)]), settings()),
  'failing, nothing better': () => decideRepair(state({ activeFailures: 1 }), obs([bad(A), bad(B)]), settings({ failureThreshold: 1 })),
  'manual grace': () => decideRepair(state({ chosenBy: 'user', chosenAt: NOW - 60 * MIN }), obs([ok(A, 10), ok(B, 95)]), settings()),
  unmeasured: () => decideRepair(state({ activeFailures: 1 }), obs([ok(B, 99)]), settings()),
  'within tolerance': () => decideRepair(state(), obs([ok(A, 70), ok(B, 75)]), settings()),
  'within tolerance, in time': () => decideRepair(state(), obs([{ candidate: A, ok: true, score: 91.7, estimateMs: 900 }, { candidate: B, ok: true, score: 95.2, estimateMs: 500 }]), settings()),
  dwell: () => decideRepair(state({ chosenAt: NOW - 10 * MIN }), obs([ok(A, 40), ok(B, 80)]), settings()),
  'better → reorder': () => decideRepair(state(), obs([ok(A, 40), ok(B, 80)]), settings()),
  'better → switch': () => decideRepair(state(), obs([ok(A, 40), ok(B, 45), ok(CN, 90)]), settings()),
};

function ids(m: Message): string[] {
  return [m.id, ...Object.values(m.params ?? {}).flatMap((v) => (typeof v === 'object' ? ids(v) : []))];
}

test('each cause has its own message; figures are values, not text', () => {
  const expected: Record<string, string> = {
    'network-rule': 'ops.repair.network-rule',
    'rule-waits (grace)': 'ops.repair.rule-waits-grace',
    'rule-waits (dwell)': 'ops.repair.rule-waits-dwell',
    'failing → reorder': 'ops.repair.failing-reorder',
    'failing → switch': 'ops.repair.failing-switch',
    'failing, nothing better': 'ops.repair.failing-nothing-better',
    'manual grace': 'ops.repair.manual-grace',
    unmeasured: 'ops.repair.unmeasured',
    'within tolerance': 'ops.repair.within-tolerance-best',
    'within tolerance, in time': 'ops.repair.within-tolerance-best',
    dwell: 'ops.repair.dwell',
    'better → reorder': 'ops.repair.better-reorder',
    'better → switch': 'ops.repair.better-switch',
  };
  for (const [name, decide] of Object.entries(CASES)) assert.equal(decide().reason.id, expected[name], name);
  const reorder = CASES['failing → reorder']!().reason;
  assert.deepEqual(reorder.params?.first, B);
  assert.deepEqual(reorder.params?.score, 60);
  assert.deepEqual(reorder.params?.what, { id: 'ops.repair.failed-times', params: { entry: A, count: 3 } });
  const rule = CASES['network-rule']!().reason;
  assert.deepEqual(rule.params?.match, { id: 'ops.rule.search-domain', params: { domain: 'corp.example' } });
  assert.ok(ids(CASES['within tolerance, in time']!().reason).includes('ops.repair.seconds'), 'seconds are a message (s / 秒)');
});

test('every reason in 简体中文: Chinese, every figure kept, no English words (zh check)', () => {
  for (const [name, decide] of Object.entries(CASES)) {
    const reason = decide().reason;
    const zh = render('zh-CN', reason);
    // Profile ids are the user's names for profiles, verbatim in every language (as code is).
    const check = checkZhText(zh.replace(/“(global|china|corporate)”/g, '“”'));
    assert.deepEqual(check.english, [], `${name}: ${zh}`);
    assert.ok(check.cjk > 5, `${name}: ${zh}`);
    assert.doesNotMatch(zh, /\{\w+\}/, `${name}: every placeholder filled: ${zh}`);
    for (const figure of render('en', reason).match(/\d+(\.\d+)?/g) ?? []) assert.ok(zh.includes(figure), `${name}: ${figure} kept in ${zh}`);
  }
  assert.equal(
    render('zh-CN', CASES['failing → reorder']!().reason),
    'https://a.example 连续失败 3 次；https://b.example 可用，因此把它排到最前（得分 60）。',
  );
});

test('a network rule\'s conditions join with "and" in English and in Chinese', () => {
  const match = matchNetworkRule([{ profile: 'corporate', when: { ssid: 'CorpNet', gatewaySubnet: '10.20.0.0/16', dnsSearchDomain: 'corp.example' } }], { ...OFFICE_NET, ssid: 'CorpNet' });
  assert.ok(match);
  assert.equal(render('en', match.reason), 'the Wi-Fi network is "CorpNet" and the default gateway 10.20.0.1 is in 10.20.0.0/16 and the DNS search domain is corp.example');
  assert.equal(render('zh-CN', match.reason), 'Wi-Fi 网络是“CorpNet”，且默认网关 10.20.0.1 位于 10.20.0.0/16 内，且DNS 搜索域是 corp.example');
});
