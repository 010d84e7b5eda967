// decideRepair, case by case: every branch of the policy in docs/auto-repair.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { beatsByTolerance, decideRepair, fingerprintKey, nextFailureStreak } from '../../../shared/repair/index.js';
import { A, B, C, CN, CORP, HOME_NET, MIN, NOW, OFFICE_NET, PROFILES, bad, obs, ok, settings, state } from './helpers.js';
import { render } from '../../../shared/i18n/catalog.js';

const officeRule = { profile: 'corporate', when: { dnsSearchDomain: 'corp.example' } };

test('healthy and nothing much better: keep, and say why', () => {
  const d = decideRepair(state(), obs([ok(A, 70), ok(B, 75), ok(CN, 60)]), settings());
  assert.equal(d.action, 'keep');
  assert.equal(d.cause, 'within-tolerance');
  assert.match(render('en', d.reason), /https:\/\/a\.example works \(score 70\)/);
});

test('the failure threshold: N-1 failures keep, N failures reorder to the working entry', () => {
  const health = [bad(A), ok(B, 60)];
  const before = decideRepair(state({ activeFailures: 2 }), obs(health), settings());
  assert.equal(before.action, 'keep');
  assert.equal(before.cause, 'unmeasured');
  const d = decideRepair(state({ activeFailures: 3 }), obs(health), settings());
  assert.equal(d.action, 'reorder');
  assert.equal(d.cause, 'failing');
  assert.ok(d.action === 'reorder' && d.goproxy === `${B}|${A}|direct`, JSON.stringify(d));
  assert.match(render('en', d.reason), /failed 3 times in a row/);
});

test('failing ignores the dwell time and the manual grace period', () => {
  const d = decideRepair(state({ activeFailures: 3, chosenAt: NOW - MIN, chosenBy: 'user' }), obs([bad(A), ok(B, 40)]), settings());
  assert.equal(d.action, 'reorder');
});

test('failing with no working entry in the chain: switch to the best working profile', () => {
  const d = decideRepair(state({ activeFailures: 5 }), obs([bad(A), bad(B), ok(CN, 50), ok(CORP, 80)]), settings());
  assert.equal(d.action, 'switch-profile');
  assert.ok(d.action === 'switch-profile' && d.profile === 'corporate' && d.goproxy === `${CORP},off`);
});

test('failing and nothing measured works: keep (no evidence a change helps)', () => {
  const d = decideRepair(state({ activeFailures: 9 }), obs([bad(A), bad(B), bad(CN), bad(C), bad(CORP)]), settings());
  assert.equal(d.action, 'keep');
  assert.equal(d.cause, 'failing-nothing-better');
});

test('failing: the profile a network rule names is preferred over a better-scoring one', () => {
  const d = decideRepair(
    state({ activeFailures: 3, profile: 'global' }),
    obs([bad(A), bad(B), ok(CN, 90), ok(CORP, 40)], OFFICE_NET),
    settings({ rules: [officeRule] }),
  );
  assert.ok(d.action === 'switch-profile' && d.profile === 'corporate', JSON.stringify(d));
});

test('better by both tolerances after the dwell time: reorder within the chain', () => {
  const d = decideRepair(state(), obs([ok(A, 40), ok(B, 80)]), settings());
  assert.equal(d.action, 'reorder');
  assert.equal(d.cause, 'better');
  assert.ok(d.action === 'reorder' && d.goproxy === `${B}|${A}|direct`);
});

test('better by both tolerances: switch profile when another profile is best', () => {
  const d = decideRepair(state(), obs([ok(A, 40), ok(B, 45), ok(CN, 90)]), settings());
  assert.ok(d.action === 'switch-profile' && d.profile === 'china' && d.goproxy === `${CN}|${C},direct`, JSON.stringify(d));
});

test('better by the absolute tolerance only, or by the relative only: keep', () => {
  // 85 vs 74: +11 points (> 10) but only +14.9% (< 20%).
  assert.equal(decideRepair(state(), obs([ok(A, 74), ok(B, 85)]), settings()).action, 'keep');
  // 9 vs 4: +125% but only +5 points.
  assert.equal(decideRepair(state(), obs([ok(A, 4), ok(B, 9)]), settings()).action, 'keep');
  // Exactly at both boundaries (strictly more is required): 60 vs 50 is +10 points.
  assert.equal(decideRepair(state(), obs([ok(A, 50), ok(B, 60)]), settings()).action, 'keep');
  assert.equal(beatsByTolerance(60.1, 50, settings()), true);
  assert.equal(beatsByTolerance(60, 50, settings()), false);
  assert.equal(beatsByTolerance(61, 51, settings({ relativeTolerance: 0.2 })), false, '61 is not more than 51 × 1.2');
});

test('better but within the dwell time: keep, saying how long it stays', () => {
  const d = decideRepair(state({ chosenAt: NOW - 10 * MIN }), obs([ok(A, 40), ok(B, 80)]), settings());
  assert.equal(d.action, 'keep');
  assert.equal(d.cause, 'dwell');
  assert.match(render('en', d.reason), /only 10 minutes old; it is kept at least 30 minutes/);
  assert.equal(decideRepair(state({ chosenAt: NOW - 30 * MIN }), obs([ok(A, 40), ok(B, 80)]), settings()).action, 'reorder');
});

test('a manual choice within the grace period is kept even when much worse', () => {
  const d = decideRepair(state({ chosenBy: 'user', chosenAt: NOW - 60 * MIN }), obs([ok(A, 10), ok(B, 95), ok(CN, 99)]), settings());
  assert.equal(d.action, 'keep');
  assert.equal(d.cause, 'manual-grace');
  assert.match(render('en', d.reason), /by hand 60 minutes ago.*60 minutes more/);
  const after = decideRepair(state({ chosenBy: 'user', chosenAt: NOW - 121 * MIN }), obs([ok(A, 10), ok(B, 95)]), settings());
  assert.equal(after.action, 'reorder');
});

test('the active entry unmeasured: keep, never act on missing evidence', () => {
  const d = decideRepair(state(), obs([ok(B, 99)]), settings());
  assert.equal(d.cause, 'unmeasured');
});

test('network rule: switches to its profile on a new network, with the rule in the reason', () => {
  const d = decideRepair(state({ chosenOnNetwork: fingerprintKey(HOME_NET) }), obs([ok(A, 90)], OFFICE_NET), settings({ rules: [officeRule] }));
  assert.ok(d.action === 'switch-profile' && d.profile === 'corporate', JSON.stringify(d));
  assert.equal(d.cause, 'network-rule');
  assert.match(render('en', d.reason), /search domain is corp\.example: network rule 1 uses profile "corporate"/);
});

test('network rule comes first: it wins over a working, better-scoring active entry and over grace made elsewhere', () => {
  const d = decideRepair(
    state({ chosenBy: 'user', chosenAt: NOW - MIN, chosenOnNetwork: fingerprintKey(HOME_NET) }),
    obs([ok(A, 99)], OFFICE_NET),
    settings({ rules: [officeRule] }),
  );
  assert.equal(d.action, 'switch-profile');
});

test('network rule waits for a manual choice made on this network within the grace period', () => {
  const d = decideRepair(
    state({ chosenBy: 'user', chosenAt: NOW - 5 * MIN, chosenOnNetwork: fingerprintKey(OFFICE_NET) }),
    obs([ok(A, 50)], OFFICE_NET),
    settings({ rules: [officeRule] }),
  );
  assert.equal(d.action, 'keep');
  assert.equal(d.cause, 'rule-waits');
  // ... unless that manual choice is failing.
  const failing = decideRepair(
    state({ chosenBy: 'user', chosenAt: NOW - 5 * MIN, chosenOnNetwork: fingerprintKey(OFFICE_NET), activeFailures: 3 }),
    obs([bad(A), bad(B)], OFFICE_NET),
    settings({ rules: [officeRule] }),
  );
  assert.ok(failing.action === 'switch-profile' && failing.profile === 'corporate');
});

test('network rule never switches to a profile whose every proxy was just seen failing', () => {
  const d = decideRepair(state({ chosenOnNetwork: null }), obs([ok(A, 60), bad(CORP)], OFFICE_NET), settings({ rules: [officeRule] }));
  assert.notEqual(d.action, 'switch-profile');
});

test('network rule on the network the choice was made on: waits for the dwell time', () => {
  const here = fingerprintKey(OFFICE_NET);
  const d = decideRepair(state({ chosenOnNetwork: here, chosenAt: NOW - 5 * MIN }), obs([ok(A, 60)], OFFICE_NET), settings({ rules: [officeRule] }));
  assert.equal(d.cause, 'rule-waits');
  const later = decideRepair(state({ chosenOnNetwork: here, chosenAt: NOW - 31 * MIN }), obs([ok(A, 60)], OFFICE_NET), settings({ rules: [officeRule] }));
  assert.equal(later.action, 'switch-profile');
});

test('a rule naming an unknown profile is ignored; a profile a rule chose is not left for being slower', () => {
  const ghost = decideRepair(state(), obs([ok(A, 70)], OFFICE_NET), settings({ rules: [{ profile: 'nope', when: { dnsSearchDomain: 'corp.example' } }] }));
  assert.equal(ghost.action, 'keep');
  const pinned = decideRepair(
    state({ profile: 'corporate', goproxy: `${CORP},off` }),
    obs([ok(CORP, 20), ok(A, 99)], OFFICE_NET),
    settings({ rules: [officeRule] }),
  );
  assert.equal(pinned.action, 'keep');
  assert.equal(pinned.cause, 'within-tolerance');
});

test('reorder draws on the profile chain: a proxy the watcher moved to the end comes back first once better', () => {
  const d = decideRepair(state({ goproxy: `${B}|${A}|direct` }), obs([ok(A, 90), ok(B, 40)]), settings());
  // Back in the profile's own order, so the profile's own chain is restored exactly (its "," too).
  assert.ok(d.action === 'reorder' && d.goproxy === `${A}|${B},direct`, JSON.stringify(d));
});

test('a chain that is not a profile (profile null) is reordered, never switched for being slower than a profile', () => {
  const d = decideRepair(state({ profile: null, goproxy: `${A},${B}` }), obs([ok(A, 30), ok(B, 90), ok(CN, 99)]), settings());
  // The best alternative is china's CN (99); switching is allowed, because profiles are what the user keeps.
  assert.ok(d.action === 'switch-profile' && d.profile === 'china');
  const noProfiles = decideRepair(state({ profile: null, goproxy: `${A},${B}` }), obs([ok(A, 30), ok(B, 90)], HOME_NET, []), settings());
  assert.ok(noProfiles.action === 'reorder' && noProfiles.goproxy === `${B}|${A}`, JSON.stringify(noProfiles));
});

test('direct or off first: never measured, so kept unless a rule applies', () => {
  assert.equal(decideRepair(state({ profile: null, goproxy: 'direct' }), obs([ok(CN, 99)]), settings()).action, 'keep');
  assert.equal(decideRepair(state({ profile: null, goproxy: 'off' }), obs([]), settings()).action, 'keep');
});

test('nextFailureStreak: any success resets, all failures add, no samples keep', () => {
  assert.equal(nextFailureStreak(2, [false, false]), 4);
  assert.equal(nextFailureStreak(2, [false, true]), 0);
  assert.equal(nextFailureStreak(2, []), 2);
});

test('profiles are plain data: the built-in names are not special', () => {
  const custom = [{ id: 'x', goproxy: `${A}` }, { id: 'y', goproxy: `${B}` }];
  const d = decideRepair(state({ profile: 'x', goproxy: A, activeFailures: 3 }), obs([bad(A), ok(B, 10)], null, custom), settings());
  assert.ok(d.action === 'switch-profile' && d.profile === 'y');
  assert.equal(PROFILES.length, 3);
});
