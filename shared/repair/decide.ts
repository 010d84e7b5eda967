// The repair policy: given what the watcher remembers (state), what it just measured (observations)
// and the user's settings, keep the chain, reorder it, or switch profile, with the reason as a
// message (shared/i18n: each front end words it in its user's language, every figure included).
// Pure and deterministic; docs/auto-repair.md states the same policy for users.
//
// In order:
//   1. Network rules first. A rule naming another profile switches to it, unless that profile's first
//      entry was just seen failing, or the user chose the current setting by hand on this very
//      network within the grace period (and it is not failing). On the network the current choice
//      was made on, a rule switch also waits for the dwell time, so a rule and a failure cannot
//      bounce the chain back and forth.
//   2. Failing: the active entry (the one go tries first) failed `failureThreshold` times in a row.
//      Repair at once, whatever the dwell time or grace period: reorder the chain so a working proxy
//      comes first, else switch to the best profile whose first entry works, else keep (nothing
//      known to work is better than what is there).
//   3. A manual choice within the grace period is kept.
//   4. Better: a candidate faster than the active entry by at least the relative tolerance (20 %)
//      of the active entry's estimated time AND at least MIN_SAVING_MS (0.5 s), and the current
//      choice has been in place for the dwell time. When either side has no estimated time, the
//      score rule stands in: more than the absolute (10 points) and the relative tolerance. A
//      profile a rule chose is only reordered, never switched away from, for being slower.
//   5. Otherwise keep.
import { firstEntryKey, healthMap, reorderChain, sameChain, type CandidateHealth } from './chain-order.js';
import { fingerprintKey, type NetworkFingerprint } from './fingerprint.js';
import { matchNetworkRule, type NetworkRule } from './network-rules.js';
import { msg, type Message } from '../i18n/message.js';

export interface RepairSettings {
  /** Consecutive failures of the active entry that count as "failing". */
  failureThreshold: number;
  /** Score points (0..100) a candidate must win by ... */
  absoluteTolerance: number;
  /** ... and this fraction of the active entry's score, both at once. */
  relativeTolerance: number;
  /** A choice stays at least this long before a better candidate may replace it. */
  dwellMs: number;
  /** A choice the user made by hand is not undone for this long, unless it is failing. */
  manualGraceMs: number;
  rules: NetworkRule[];
}

export const DEFAULT_REPAIR_SETTINGS: RepairSettings = {
  failureThreshold: 3,
  absoluteTolerance: 10,
  relativeTolerance: 0.2,
  dwellMs: 30 * 60_000,
  manualGraceMs: 2 * 60 * 60_000,
  rules: [],
};

/** A profile as the policy needs it: its id and its GOPROXY chain. */
export interface RepairProfile {
  id: string;
  goproxy: string;
}

export interface RepairState {
  /** Epoch milliseconds. */
  now: number;
  /** The active profile's id; null when the chain is not a profile's (set by hand or elsewhere). */
  profile: string | null;
  /** The GOPROXY go uses now. */
  goproxy: string;
  /** When the current choice took effect. */
  chosenAt: number;
  chosenBy: 'user' | 'watch';
  /** fingerprintKey of the network the choice was made on; null when unknown. */
  chosenOnNetwork: string | null;
  /** Consecutive failed probes of the active entry (see nextFailureStreak). */
  activeFailures: number;
}

export interface RepairObservations {
  /** The network now; null when it could not be read. */
  network: NetworkFingerprint | null;
  /** The latest probe of each candidate measured (not every candidate is measured every time). */
  health: CandidateHealth[];
  profiles: RepairProfile[];
}

/** Why the decision came out as it did: tests and the event log use it; users read `reason` (rendered). */
export type RepairCause =
  | 'network-rule'
  | 'rule-waits'
  | 'failing'
  | 'failing-nothing-better'
  | 'manual-grace'
  | 'better'
  | 'dwell'
  | 'within-tolerance'
  | 'unmeasured';

export type RepairDecision =
  | { action: 'keep'; cause: RepairCause; reason: Message }
  | { action: 'reorder'; cause: RepairCause; goproxy: string; reason: Message }
  | { action: 'switch-profile'; cause: RepairCause; profile: string; goproxy: string; reason: Message };

/** The failure streak after one probe round of the active entry: any success resets it. */
export function nextFailureStreak(previous: number, samplesOk: readonly boolean[]): number {
  if (samplesOk.length === 0) return previous;
  return samplesOk.some(Boolean) ? 0 : previous + samplesOk.length;
}

const minutes = (ms: number): Message => {
  const count = Math.ceil(ms / 60_000);
  return msg(count === 1 ? 'ops.repair.minute' : 'ops.repair.minutes', { count });
};

/**
 * Time a switch must save at least, whatever the share: a few hundred ms on a whole graph's fetch
 * is within what two probe rounds of the same proxy differ by.
 */
export const MIN_SAVING_MS = 500;

/**
 * Is `betterMs` faster than `currentMs` by both tolerances: it saves at least `relativeTolerance`
 * of the current time and at least MIN_SAVING_MS? In time, because the score is a view of the
 * time (100 × 10 s / (10 s + t)) whose points shrink at both ends: between 0.2 s and 1 s they are
 * 7 points apart, between 60 s and 40 s only 6, so a points rule would keep a proxy that costs 20 s
 * more and could not tell sub-second proxies apart by what the user notices.
 */
export function beatsInTime(betterMs: number, currentMs: number, s: Pick<RepairSettings, 'relativeTolerance'>): boolean {
  const saving = currentMs - betterMs;
  return saving >= MIN_SAVING_MS && saving >= s.relativeTolerance * currentMs;
}

/** Is `better` better than `current` by more than both tolerances (in score points, for health without a time)? */
export function beatsByTolerance(better: number, current: number, s: Pick<RepairSettings, 'absoluteTolerance' | 'relativeTolerance'>): boolean {
  return better - current > s.absoluteTolerance && better > current * (1 + s.relativeTolerance);
}

interface Option {
  action: 'reorder' | 'switch-profile';
  profile: string | null;
  goproxy: string;
  /** The entry go would try first. */
  first: string;
  score: number;
  estimateMs: number | null;
}

function seconds(ms: number): Message {
  return msg('ops.repair.seconds', { n: ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)) });
}

function describeProfile(id: string | null): Message {
  return id === null ? msg('ops.repair.own-chain') : msg('ops.repair.profile', { profile: id });
}

export function decideRepair(state: RepairState, obs: RepairObservations, settings: RepairSettings): RepairDecision {
  const health = healthMap(obs.health);
  const active = firstEntryKey(state.goproxy);
  const activeHealth = active === null ? undefined : health.get(active);
  const failing = state.activeFailures >= settings.failureThreshold;
  const now = state.now;
  const kept = now - state.chosenAt;
  const networkKey = obs.network ? fingerprintKey(obs.network) : null;
  const sameNetworkAsChoice = networkKey !== null && networkKey === state.chosenOnNetwork;
  const inGrace = state.chosenBy === 'user' && kept < settings.manualGraceMs;
  const profilesById = new Map(obs.profiles.map((p) => [p.id, p]));
  const keep = (cause: RepairCause, reason: Message): RepairDecision => ({ action: 'keep', cause, reason });

  // The current profile's own chain is the pool a reorder draws from: a chain the watcher reordered
  // earlier may have moved a recovered proxy to the end, and the profile remembers it.
  const pool = (state.profile !== null && profilesById.get(state.profile)?.goproxy) || state.goproxy;
  const reordered = reorderChain(pool, health);
  const reorderFirst = firstEntryKey(reordered);
  const reorderOption: Option | null =
    reorderFirst !== null && reorderFirst !== active && health.get(reorderFirst)?.ok === true && !sameChain(reordered, state.goproxy)
      ? { action: 'reorder', profile: state.profile, goproxy: reordered, first: reorderFirst, score: health.get(reorderFirst)?.score ?? 0, estimateMs: health.get(reorderFirst)?.estimateMs ?? null }
      : null;
  const profileOption = (p: RepairProfile): Option | null => {
    const chain = reorderChain(p.goproxy, health);
    const first = firstEntryKey(chain);
    const h = first === null ? undefined : health.get(first);
    return first !== null && h?.ok === true ? { action: 'switch-profile', profile: p.id, goproxy: chain, first, score: h.score, estimateMs: h.estimateMs ?? null } : null;
  };

  // 1. Network rules first.
  const match = matchNetworkRule(settings.rules, obs.network);
  const ruleProfile = match ? profilesById.get(match.rule.profile) : undefined;
  if (match && ruleProfile && ruleProfile.id !== state.profile) {
    // Working proxies sort first, so the rule's chain starts with a failing entry only when every
    // proxy of it was just seen failing: switching there would trade one failure for another.
    const ruleChain = reorderChain(ruleProfile.goproxy, health);
    const ruleFirst = firstEntryKey(ruleChain);
    const ruleTargetFailing = ruleFirst !== null && health.get(ruleFirst)?.ok === false;
    if (!ruleTargetFailing) {
      if (inGrace && sameNetworkAsChoice && !failing) {
        return keep('rule-waits', msg('ops.repair.rule-waits-grace', { match: match.reason, rule: ruleProfile.id, current: describeProfile(state.profile), ago: minutes(kept), left: minutes(settings.manualGraceMs - kept) }));
      }
      if (!sameNetworkAsChoice || kept >= settings.dwellMs || failing) {
        return { action: 'switch-profile', cause: 'network-rule', profile: ruleProfile.id, goproxy: ruleChain, reason: msg('ops.repair.network-rule', { match: match.reason, n: match.index + 1, profile: ruleProfile.id }) };
      }
      return keep('rule-waits', msg('ops.repair.rule-waits-dwell', { match: match.reason, rule: ruleProfile.id, age: minutes(kept), dwell: minutes(settings.dwellMs) }));
    }
  }
  const pinnedByRule = match !== null && ruleProfile !== undefined && ruleProfile.id === state.profile;

  // 2. Failing: repair now.
  if (failing) {
    const what = msg(state.activeFailures === 1 ? 'ops.repair.failed-once' : 'ops.repair.failed-times', { entry: active ?? msg('ops.repair.first-entry'), count: state.activeFailures });
    if (reorderOption) {
      return { action: 'reorder', cause: 'failing', goproxy: reorderOption.goproxy, reason: msg('ops.repair.failing-reorder', { what, first: reorderOption.first, score: reorderOption.score }) };
    }
    // Even a rule's profile is left when it is failing and another works; the rule takes the
    // network back after the dwell time, once its profile is seen working again.
    const candidates = obs.profiles.filter((p) => p.id !== state.profile).map(profileOption).filter((o): o is Option => o !== null);
    // A rule's profile is preferred when it works; otherwise the best-scoring profile.
    candidates.sort((a, b) => Number(b.profile === match?.rule.profile) - Number(a.profile === match?.rule.profile) || b.score - a.score || (a.profile ?? '').localeCompare(b.profile ?? ''));
    const best = candidates[0];
    if (best && best.profile !== null) {
      return { action: 'switch-profile', cause: 'failing', profile: best.profile, goproxy: best.goproxy, reason: msg('ops.repair.failing-switch', { what, profile: best.profile, first: best.first, score: best.score }) };
    }
    return keep('failing-nothing-better', msg('ops.repair.failing-nothing-better', { what }));
  }

  // 3. A manual choice is the user's for the grace period.
  if (inGrace) {
    return keep('manual-grace', msg('ops.repair.manual-grace', { current: describeProfile(state.profile), ago: minutes(kept), left: minutes(settings.manualGraceMs - kept) }));
  }

  // 4. Better by both tolerances, after the dwell time.
  if (!activeHealth || !activeHealth.ok) {
    const failures = msg(state.activeFailures === 1 ? 'ops.repair.failure' : 'ops.repair.failures', { count: state.activeFailures });
    return keep('unmeasured', active === null
      ? msg('ops.repair.unmeasured-first', { failures, threshold: settings.failureThreshold })
      : msg('ops.repair.unmeasured', { entry: active, failures, threshold: settings.failureThreshold }));
  }
  const options = [reorderOption, ...(pinnedByRule ? [] : obs.profiles.filter((p) => p.id !== state.profile).map(profileOption))].filter(
    (o): o is Option => o !== null && o.first !== active,
  );
  options.sort((a, b) => b.score - a.score || Number(a.action === 'switch-profile') - Number(b.action === 'switch-profile'));
  const best = options[0];
  const activeMs = activeHealth.estimateMs ?? null;
  const inTime = best !== undefined && best.estimateMs !== null && activeMs !== null;
  const percent = Math.round(settings.relativeTolerance * 100);
  const figures = (score: number, ms: number | null): Message => (inTime && ms !== null ? msg('ops.repair.figures-time', { time: seconds(ms), score }) : msg('ops.repair.figures-score', { score }));
  const activeFigures = figures(activeHealth.score, activeMs);
  const activeEntry = active ?? msg('ops.repair.first-entry');
  const activeLabel = msg('ops.repair.labelled', { entry: activeEntry, figures: activeFigures });
  const margin = inTime
    ? msg('ops.repair.margin-time', { percent, time: seconds(MIN_SAVING_MS) })
    : msg('ops.repair.margin-score', { points: settings.absoluteTolerance, percent });
  const beats = best !== undefined && (inTime ? beatsInTime(best.estimateMs as number, activeMs, settings) : beatsByTolerance(best.score, activeHealth.score, settings));
  if (!best) return keep('within-tolerance', msg('ops.repair.within-tolerance', { entry: activeEntry, figures: activeFigures }));
  const bestLabel = msg('ops.repair.labelled', { entry: best.first, figures: figures(best.score, best.estimateMs) });
  if (!beats) {
    return keep('within-tolerance', msg('ops.repair.within-tolerance-best', { entry: activeEntry, figures: activeFigures, best: bestLabel, margin }));
  }
  if (kept < settings.dwellMs) {
    return keep('dwell', msg('ops.repair.dwell', { best: bestLabel, active: activeLabel, age: minutes(kept), dwell: minutes(settings.dwellMs) }));
  }
  if (best.action === 'reorder') return { action: 'reorder', cause: 'better', goproxy: best.goproxy, reason: msg('ops.repair.better-reorder', { best: bestLabel, active: activeLabel, margin }) };
  return { action: 'switch-profile', cause: 'better', profile: best.profile as string, goproxy: best.goproxy, reason: msg('ops.repair.better-switch', { best: bestLabel, active: activeLabel, margin, profile: best.profile as string }) };
}
