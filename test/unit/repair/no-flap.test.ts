// Hysteresis: the policy must never flap. A simulator feeds decideRepair long random sequences
// (scores that wander and oscillate, random outages, network moves, manual choices) and checks the
// promises of docs/auto-repair.md on every step. Seeds are fixed so a failure can be replayed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreCandidate } from '../../../shared/bench/score.js';
import type { CandidateSummary } from '../../../shared/bench/summary.js';
import {
  afterDecision,
  decideRepair,
  fingerprintKey,
  nextFailureStreak,
  reconcileChoice,
  stateFor,
  type CandidateHealth,
  type RepairDecision,
  type RepairSettings,
  type WatchMemory,
} from '../../../shared/repair/index.js';
import { A, B, C, CN, CORP, HOME_NET, MIN, NOW, OFFICE_NET, PROFILES, prng, settings } from './helpers.js';
import { render } from '../../../shared/i18n/catalog.js';

const ALL = [A, B, C, CN, CORP];

/** A working proxy's score from its first-byte latency, through the real scoring formula. */
function scoreForLatency(candidate: string, ttfbMs: number): number {
  const summary: CandidateSummary = {
    candidate,
    kind: 'proxy',
    samples: 1,
    successRate: 1,
    ttfbMs: { median: ttfbMs, p90: ttfbMs * 1.3 },
    totalMs: { median: ttfbMs * 6, p90: ttfbMs * 8 },
    throughputBytesPerSec: 2_000_000,
    protocolErrors: 0,
    sumdbSupported: false,
    tls: null,
    error: null,
    protocol: 'http/1.1',
  };
  return scoreCandidate(summary).score;
}

/** The same as a watcher probe reports it now: the score and the estimated time it comes from. */
function timedHealth(candidate: string, ttfbMs: number): CandidateHealth {
  const summary: CandidateSummary = {
    candidate,
    kind: 'proxy',
    samples: 1,
    successRate: 1,
    ttfbMs: { median: ttfbMs, p90: ttfbMs * 1.3 },
    totalMs: { median: ttfbMs * 6, p90: ttfbMs * 8 },
    throughputBytesPerSec: 2_000_000,
    protocolErrors: 0,
    sumdbSupported: false,
    tls: null,
    error: null,
    protocol: 'http/1.1',
  };
  const { score, estimate } = scoreCandidate(summary);
  return { candidate, ok: true, score, estimateMs: estimate.ms };
}

interface Step {
  t: number;
  decision: RepairDecision;
  before: WatchMemory;
  manual: boolean;
  networkKey: string;
}

/** Runs one random world for `steps` rounds of `roundMs`; returns every step. */
function simulate(seed: number, s: RepairSettings, steps: number, roundMs: number, withTimes = false): Step[] {
  const rnd = prng(seed);
  const latency = new Map(ALL.map((c) => [c, 30 + rnd() * 400]));
  const down = new Map(ALL.map((c) => [c, false]));
  let network = rnd() < 0.5 ? HOME_NET : OFFICE_NET;
  let configured = { profile: 'global' as string | null, goproxy: (PROFILES[0] as { goproxy: string }).goproxy };
  let memory: WatchMemory | null = null;
  const out: Step[] = [];
  for (let i = 0; i < steps; i++) {
    const t = NOW + i * roundMs;
    // The world moves: latencies wander, outages start and end, the laptop sometimes changes network.
    for (const c of ALL) {
      latency.set(c, Math.max(5, (latency.get(c) ?? 100) * (0.8 + rnd() * 0.4)));
      if (rnd() < 0.03) down.set(c, !down.get(c));
    }
    if (rnd() < 0.01) network = network === HOME_NET ? OFFICE_NET : HOME_NET;
    // Sometimes the user picks a profile by hand.
    let manual = false;
    if (rnd() < 0.01) {
      const p = PROFILES[Math.floor(rnd() * PROFILES.length)] as { id: string; goproxy: string };
      configured = { profile: p.id, goproxy: p.goproxy };
      manual = true;
    }
    const key = fingerprintKey(network);
    memory = reconcileChoice(memory, configured, t, key);
    const health: CandidateHealth[] = ALL.map((c) =>
      down.get(c)
        ? { candidate: c, ok: false, score: 0 }
        : withTimes
          ? timedHealth(c, latency.get(c) ?? 100)
          : { candidate: c, ok: true, score: scoreForLatency(c, latency.get(c) ?? 100) },
    );
    const activeFirst = configured.goproxy.split(/[,|]/)[0] as string;
    const activeOk = health.find((h) => h.candidate === activeFirst)?.ok ?? true;
    memory = { ...memory, activeFailures: nextFailureStreak(memory.activeFailures, [activeOk]) };
    const before = memory;
    const decision = decideRepair(stateFor(memory, t), { network, health, profiles: PROFILES }, s);
    memory = afterDecision(memory, decision, t, key);
    if (decision.action !== 'keep') configured = { profile: memory.profile, goproxy: decision.goproxy };
    out.push({ t, decision, before, manual, networkKey: key });
  }
  return out;
}

function checkInvariants(seed: number, s: RepairSettings, run: Step[]): number {
  let changes = 0;
  for (const step of run) {
    const d = step.decision;
    if (d.action === 'keep') continue;
    changes++;
    const kept = step.t - step.before.chosenAt;
    const where = `seed ${seed} at +${(step.t - NOW) / MIN} min: ${d.cause} (${render('en', d.reason)})`;
    assert.notEqual(d.goproxy, '', where);
    switch (d.cause) {
      case 'failing':
        // Only after N consecutive failures of the active entry.
        assert.ok(step.before.activeFailures >= s.failureThreshold, where);
        break;
      case 'better':
        // Never within the dwell time of the previous change (by anyone), never within a manual grace period.
        assert.ok(kept >= s.dwellMs, where);
        assert.ok(!(step.before.chosenBy === 'user' && kept < s.manualGraceMs), where);
        break;
      case 'network-rule': {
        const sameNetwork = step.before.chosenOnNetwork === step.networkKey;
        // On the network the choice was made on: only after the dwell time (or when failing);
        // a manual choice made on this network is never overridden within its grace period unless failing.
        if (sameNetwork) assert.ok(kept >= s.dwellMs || step.before.activeFailures >= s.failureThreshold, where);
        if (sameNetwork && step.before.chosenBy === 'user' && kept < s.manualGraceMs) assert.ok(step.before.activeFailures >= s.failureThreshold, where);
        break;
      }
      default:
        assert.fail(`${where}: a change with cause ${d.cause}`);
    }
  }
  return changes;
}

test('no flapping: 60 random worlds of 8 hours each keep every hysteresis promise', () => {
  const s = settings({ rules: [{ profile: 'corporate', when: { gatewaySubnet: '10.20.0.0/16' } }] });
  let total = 0;
  for (let seed = 1; seed <= 60; seed++) total += checkInvariants(seed, s, simulate(seed, s, 8 * 60, MIN));
  // The property is not vacuous: the worlds do make the policy act.
  assert.ok(total > 60, `only ${total} changes over all worlds`);
});

test('no flapping when probes carry times (the hysteresis in time): 60 random worlds of 8 hours each', () => {
  const s = settings({ rules: [{ profile: 'corporate', when: { gatewaySubnet: '10.20.0.0/16' } }] });
  let total = 0;
  for (let seed = 1; seed <= 60; seed++) total += checkInvariants(seed, s, simulate(seed, s, 8 * 60, MIN, true));
  assert.ok(total > 60, `only ${total} changes over all worlds`);
});

test('no flapping with hair-trigger settings (threshold 1, zero tolerances, no dwell or grace)', () => {
  const s = settings({ failureThreshold: 1, absoluteTolerance: 0, relativeTolerance: 0, dwellMs: 0, manualGraceMs: 0 });
  for (let seed = 1000; seed <= 1020; seed++) checkInvariants(seed, s, simulate(seed, s, 300, MIN));
});

test('a proxy oscillating around the tolerance for 10 simulated minutes: at most one switch per dwell window', () => {
  const dwellMs = 2 * MIN;
  const s = settings({ dwellMs, absoluteTolerance: 2, relativeTolerance: 0.03 });
  const round = 5_000;
  // A stays at 200 ms; B's latency swings from well above to well below A's, every 40 s: its score
  // crosses the "better by both tolerances" line back and forth all the time.
  const scoreA = scoreForLatency(A, 200);
  let memory: WatchMemory | null = null;
  let configured = { profile: 'global' as string | null, goproxy: `${A}|${B},direct` };
  const switches: number[] = [];
  for (let t = 0; t <= 10 * MIN; t += round) {
    const bLatency = 200 * Math.pow(4, Math.sin((2 * Math.PI * t) / 40_000));
    const scoreB = scoreForLatency(B, bLatency);
    memory = reconcileChoice(memory, configured, NOW + t, fingerprintKey(HOME_NET));
    const health = [
      { candidate: A, ok: true, score: scoreA },
      { candidate: B, ok: true, score: scoreB },
    ];
    memory = { ...memory, activeFailures: 0 };
    const d = decideRepair(stateFor(memory, NOW + t), { network: HOME_NET, health, profiles: [PROFILES[0]!] }, s);
    memory = afterDecision(memory, d, NOW + t, fingerprintKey(HOME_NET));
    if (d.action !== 'keep') {
      configured = { profile: memory.profile, goproxy: d.goproxy };
      switches.push(t);
    }
  }
  assert.ok(switches.length >= 2, `the oscillation should cause switches at all (got ${switches.length})`);
  for (let start = 0; start <= 10 * MIN; start += round) {
    const inWindow = switches.filter((t) => t >= start && t < start + dwellMs).length;
    assert.ok(inWindow <= 1, `${inWindow} switches within the dwell window starting at ${start / 1000} s: ${switches.join(', ')}`);
  }
});

test('the same oscillation with times on the probes: at most one switch per dwell window', () => {
  const dwellMs = 2 * MIN;
  const s = settings({ dwellMs, absoluteTolerance: 2, relativeTolerance: 0.03 });
  const round = 5_000;
  // A stays at 200 ms; B's latency swings from well above to well below A's, every 40 s: its score
  // crosses the "better by both tolerances" line back and forth all the time.
  let memory: WatchMemory | null = null;
  let configured = { profile: 'global' as string | null, goproxy: `${A}|${B},direct` };
  const switches: number[] = [];
  for (let t = 0; t <= 10 * MIN; t += round) {
    const bLatency = 200 * Math.pow(4, Math.sin((2 * Math.PI * t) / 40_000));
    const healthB = timedHealth(B, bLatency);
    memory = reconcileChoice(memory, configured, NOW + t, fingerprintKey(HOME_NET));
    const health = [
      timedHealth(A, 200),
      healthB,
    ];
    memory = { ...memory, activeFailures: 0 };
    const d = decideRepair(stateFor(memory, NOW + t), { network: HOME_NET, health, profiles: [PROFILES[0]!] }, s);
    memory = afterDecision(memory, d, NOW + t, fingerprintKey(HOME_NET));
    if (d.action !== 'keep') {
      configured = { profile: memory.profile, goproxy: d.goproxy };
      switches.push(t);
    }
  }
  assert.ok(switches.length >= 2, `the oscillation should cause switches at all (got ${switches.length})`);
  for (let start = 0; start <= 10 * MIN; start += round) {
    const inWindow = switches.filter((t) => t >= start && t < start + dwellMs).length;
    assert.ok(inWindow <= 1, `${inWindow} switches within the dwell window starting at ${start / 1000} s: ${switches.join(', ')}`);
  }
});
