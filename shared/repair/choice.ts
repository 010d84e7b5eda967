// What the watcher remembers between rounds (and restarts): the current choice, who made it, when,
// on which network, and the failure streak of its first entry. A chain that differs from the one
// remembered was changed by someone else (`goproxyctl use`, the tray, `go env -w`, an edited rc
// file): that is a manual choice, and its grace period starts when the watcher first sees it.
import { sameChain } from './chain-order.js';
import type { RepairDecision, RepairState } from './decide.js';
import type { ChainChoice } from './events.js';

/** A RepairState without its clock: what outlives a round. */
export type WatchMemory = Omit<RepairState, 'now'>;

/** What is configured right now. */
export type CurrentChoice = ChainChoice;

export function reconcileChoice(memory: WatchMemory | null, current: CurrentChoice, now: number, networkKey: string | null): WatchMemory {
  if (memory === null) {
    // First start: whatever is configured counts as the user's, made long ago, so the watcher may
    // repair it for being slow as well as for failing; the user started the watcher for that.
    return { profile: current.profile, goproxy: current.goproxy, chosenAt: 0, chosenBy: 'user', chosenOnNetwork: networkKey, activeFailures: 0 };
  }
  if (!sameChain(memory.goproxy, current.goproxy) || memory.profile !== current.profile) {
    return { profile: current.profile, goproxy: current.goproxy, chosenAt: now, chosenBy: 'user', chosenOnNetwork: networkKey, activeFailures: 0 };
  }
  return { ...memory, goproxy: current.goproxy };
}

export function stateFor(memory: WatchMemory, now: number): RepairState {
  return { now, ...memory };
}

/** The memory after the watcher applied a decision (a keep changes nothing). */
export function afterDecision(memory: WatchMemory, decision: RepairDecision, now: number, networkKey: string | null): WatchMemory {
  if (decision.action === 'keep') return memory;
  const profile = decision.action === 'switch-profile' ? decision.profile : memory.profile;
  return { profile, goproxy: decision.goproxy, chosenAt: now, chosenBy: 'watch', chosenOnNetwork: networkKey, activeFailures: 0 };
}
