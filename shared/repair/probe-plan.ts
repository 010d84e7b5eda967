// What to measure, and when: re-probe only what the decision needs. The active entry is measured on
// every trigger; the alternatives (the rest of the active chain, the first working-looking entry of
// each other profile, the profile a network rule names) only when they could change the decision:
// the active entry is failing or just failed, or the network changed (or the machine woke), which
// voids everything measured before.
import { candidateKey, chainEntries, entryKey, firstEntryKey } from './chain-order.js';
import type { RepairProfile, RepairSettings, RepairState } from './decide.js';
import type { NetworkFingerprint } from './fingerprint.js';
import { matchNetworkRule } from './network-rules.js';

export type WatchTrigger = 'start' | 'network-change' | 'wake' | 'health-check' | 'failures';

/** Candidates are probed as proxies; `direct` and `off` are never probed by the watcher. */
function proxiesOf(goproxy: string): string[] {
  return (chainEntries(goproxy) ?? []).filter((e) => e.kind === 'proxy').map(entryKey);
}

export function activeCandidate(state: Pick<RepairState, 'goproxy'>): string | null {
  const first = firstEntryKey(state.goproxy);
  return first === null || first === 'direct' || first === 'off' ? null : first;
}

/**
 * Whether this round should look beyond the active entry: after a network change, a wake or at
 * start (what was measured before says nothing about this network), or when the active entry
 * just failed (so the alternatives are measured by the time the streak reaches the threshold).
 * A health check of a working entry measures that entry alone: an idle watcher stays cheap.
 */
export function needsAlternatives(trigger: WatchTrigger, activeFailed: boolean): boolean {
  return trigger === 'start' || trigger === 'network-change' || trigger === 'wake' || activeFailed;
}

/** The alternatives worth a probe, at most `limit`, nearest first; never the active entry. */
export function alternativesToProbe(
  state: Pick<RepairState, 'goproxy' | 'profile'>,
  profiles: readonly RepairProfile[],
  settings: Pick<RepairSettings, 'rules'>,
  network: NetworkFingerprint | null,
  limit = 8,
): string[] {
  const active = activeCandidate(state);
  const out: string[] = [];
  const add = (k: string): void => {
    if (k !== active && !out.includes(k)) out.push(k);
  };
  const rule = matchNetworkRule(settings.rules, network);
  const ruleProfile = rule ? profiles.find((p) => p.id === rule.rule.profile) : undefined;
  const own = profiles.find((p) => p.id === state.profile);
  // The active chain and its profile first (a reorder is the smallest repair), then the rule's
  // profile, then every other profile's proxies in order.
  for (const k of proxiesOf(state.goproxy)) add(k);
  if (own) for (const k of proxiesOf(own.goproxy)) add(k);
  if (ruleProfile) for (const k of proxiesOf(ruleProfile.goproxy)) add(k);
  for (const p of profiles) for (const k of proxiesOf(p.goproxy)) add(k);
  return out.slice(0, limit).map(candidateKey);
}
