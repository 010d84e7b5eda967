// Fingerprints (what counts as the same network), network rules, chain reordering, the probe plan
// and the memory of choices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  afterDecision,
  alternativesToProbe,
  describeNetworkChange,
  fingerprintKey,
  matchNetworkRule,
  needsAlternatives,
  networkRuleProblem,
  reconcileChoice,
  reorderChain,
  healthMap,
  sameChain,
  sameNetwork,
} from '../../../shared/repair/index.js';
import { A, B, C, CN, CORP, HOME_NET, NOW, OFFICE_NET, PROFILES, bad, ok } from './helpers.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';

test('the same network however it is listed; link-local and loopback-only noise ignored', () => {
  const shuffled = {
    interfaces: [
      { name: 'wlan0', addresses: ['fe80::1/64', '192.168.1.20/24', '192.168.1.20/24'] },
      { name: 'docker0', addresses: ['169.254.3.3/16'] },
    ],
    defaultRoutes: [{ iface: 'wlan0', gateway: '192.168.1.1' }],
    dnsServers: ['192.168.1.1', '192.168.1.1'],
    searchDomains: ['LAN.'],
    ssid: 'home-wifi',
  };
  assert.ok(sameNetwork(shuffled, HOME_NET));
  assert.equal(fingerprintKey(shuffled), fingerprintKey(HOME_NET));
  assert.deepEqual(describeNetworkChange(HOME_NET, shuffled), []);
});

test('a real change is seen and described: gateway, address, DNS, Wi-Fi', () => {
  const moved = { ...HOME_NET, defaultRoutes: [{ iface: 'wlan0', gateway: '192.168.1.254' }], ssid: 'cafe' };
  assert.ok(!sameNetwork(moved, HOME_NET));
  const changes = describeNetworkChange(HOME_NET, moved);
  assert.deepEqual(changes.map((c) => render('en', c)), [
    'default route added: via 192.168.1.254 on wlan0',
    'default route removed: via 192.168.1.1 on wlan0',
    'Wi-Fi: home-wifi -> cafe',
  ]);
  assert.deepEqual(changes.map((c) => render('zh-CN', c)), ['新增默认路由：经由 192.168.1.254（wlan0）', '移除默认路由：经由 192.168.1.1（wlan0）', 'Wi-Fi：home-wifi -> cafe']);
  assert.deepEqual(changes[0], { id: 'ops.network.added', params: { what: { id: 'ops.network.default-route' }, items: { id: 'ops.network.route-via', params: { gateway: '192.168.1.254', iface: 'wlan0' } } } });
  assert.deepEqual(describeNetworkChange(null, OFFICE_NET).slice(0, 1).map((c) => render('en', c)), ['address added: 10.20.3.4/16 on eth0']);
  const twoDns = describeNetworkChange(HOME_NET, { ...HOME_NET, dnsServers: ['9.9.9.9', '1.1.1.1'] });
  assert.deepEqual(twoDns.map((c) => render('en', c)), ['DNS server added: 1.1.1.1, 9.9.9.9', 'DNS server removed: 192.168.1.1']);
});

test('network rules: each condition, all named conditions required, first match wins', () => {
  const rules = [
    { profile: 'corporate', when: { ssid: 'CorpNet', gatewaySubnet: '10.20.0.0/16' } },
    { profile: 'corporate', when: { dnsSearchDomain: 'example' } },
    { profile: 'china', when: { ssid: 'home-wifi' } },
  ];
  const office = matchNetworkRule(rules, OFFICE_NET);
  assert.equal(office?.index, 1, 'rule 0 needs the SSID too; rule 1 matches corp.example as a subdomain of example');
  assert.match(office ? render('en', office.reason) : '', /search domain is corp\.example/);
  assert.equal(matchNetworkRule(rules, { ...OFFICE_NET, ssid: 'CorpNet' })?.index, 0);
  assert.match(render('en', matchNetworkRule(rules, { ...OFFICE_NET, ssid: 'CorpNet' })!.reason), /Wi-Fi network is "CorpNet" and the default gateway 10\.20\.0\.1 is in 10\.20\.0\.0\/16/);
  assert.equal(matchNetworkRule(rules, HOME_NET)?.rule.profile, 'china');
  assert.equal(matchNetworkRule(rules, { ...HOME_NET, ssid: 'HOME-WIFI', searchDomains: [] }), null, 'SSIDs are case-sensitive');
  assert.equal(matchNetworkRule(rules, null), null);
  assert.equal(matchNetworkRule([{ profile: 'x', when: { dnsSearchDomain: 'ample' } }], OFFICE_NET), null, 'a suffix must be a whole label');
});

test('network rules: malformed ones are explained', () => {
  assert.match(networkRuleProblem({ profile: 'x', when: {} }) ?? '', /names no condition/);
  assert.match(networkRuleProblem({ profile: 'x', when: { gatewaySubnet: '10.0.0.0' } }) ?? '', /not a subnet/);
  assert.equal(networkRuleProblem({ profile: 'x', when: { gatewaySubnet: '10.0.0.0/8' } }), null);
});

test('reorderChain: working best-first, unmeasured next, failing last, terminal kept, "|" written', () => {
  const chain = `${A},${B}|${C},direct`;
  assert.equal(reorderChain(chain, healthMap([bad(A), ok(C, 80), ok(B, 50)])), `${C}|${B}|${A}|direct`);
  assert.equal(reorderChain(chain, healthMap([bad(A)])), `${B}|${C}|${A}|direct`);
  assert.equal(reorderChain(chain, healthMap([ok(A, 10), ok(B, 5)])), chain, 'already in order: unchanged, separators and all');
  assert.equal(reorderChain('not a chain,,', healthMap([])), 'not a chain,,');
  assert.ok(sameChain(`${A}/,${B}`, `${A},${B}`));
  assert.ok(!sameChain(`${A},${B}`, `${A}|${B}`));
});

test('probe plan: the active entry never twice; own chain, then the rule profile, then the rest', () => {
  const rules = [{ profile: 'corporate', when: { dnsSearchDomain: 'corp.example' } }];
  const list = alternativesToProbe({ goproxy: `${A}|${B},direct`, profile: 'global' }, PROFILES, { rules }, OFFICE_NET);
  assert.deepEqual(list, [B, CORP, CN, C]);
  assert.deepEqual(alternativesToProbe({ goproxy: `${A}|${B},direct`, profile: 'global' }, PROFILES, { rules: [] }, null, 2), [B, CN]);
  assert.equal(needsAlternatives('health-check', false), false);
  assert.equal(needsAlternatives('health-check', true), true);
  assert.equal(needsAlternatives('network-change', false), true);
  assert.equal(needsAlternatives('wake', false), true);
});

test('memory: first start is not a manual choice in grace; a chain changed by someone else is', () => {
  const first = reconcileChoice(null, { profile: 'global', goproxy: A }, NOW, 'net');
  assert.equal(first.chosenAt, 0);
  const same = reconcileChoice({ ...first, activeFailures: 2 }, { profile: 'global', goproxy: `${A}` }, NOW + 5, 'net');
  assert.equal(same.activeFailures, 2, 'the streak survives rounds');
  const changed = reconcileChoice(first, { profile: 'china', goproxy: CN }, NOW + 10, 'net2');
  assert.deepEqual(changed, { profile: 'china', goproxy: CN, chosenAt: NOW + 10, chosenBy: 'user', chosenOnNetwork: 'net2', activeFailures: 0 });
  const repaired = afterDecision(changed, { action: 'reorder', cause: 'failing', goproxy: `${C}|${CN}`, reason: msg('ops.repair.first-entry') }, NOW + 20, 'net2');
  assert.equal(repaired.chosenBy, 'watch');
  assert.equal(reconcileChoice(repaired, { profile: 'china', goproxy: `${C}|${CN}` }, NOW + 30, 'net2').chosenBy, 'watch');
});
