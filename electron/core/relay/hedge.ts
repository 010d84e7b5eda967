// The hedging decision for one run of '|'-joined upstreams. Pure: the walker calls it whenever
// something happens (an attempt answered, failed, or a timer fired) and does what it says.
//
// go asks the members one after another and moves on after an error (TryProxies with
// fallBackOnError). The relay asks the next member early when the current one is slower than
// its recent p90, because go would have asked it anyway had the current one failed; the first
// good answer wins and the others are cancelled. A member is never started before the one before
// it, so the order go would use is kept.

export type MemberState =
  | { phase: 'waiting' }
  | { phase: 'running'; startedAt: number; answered: boolean; hedgeDelayMs: number }
  | { phase: 'done'; ok: boolean };

export type HedgeDecision =
  | { action: 'start'; index: number }
  | { action: 'finish'; winner: number | null }
  /** Nothing to do until something happens or `at` (epoch ms) passes; at = null: only an event. */
  | { action: 'wait'; at: number | null };

export function decideHedge(members: readonly MemberState[], now: number): HedgeDecision {
  const winner = members.findIndex((m) => m.phase === 'done' && m.ok);
  if (winner >= 0) return { action: 'finish', winner };
  const next = members.findIndex((m) => m.phase === 'waiting');
  const running = members.filter((m): m is Extract<MemberState, { phase: 'running' }> => m.phase === 'running');
  if (next < 0) return running.length === 0 ? { action: 'finish', winner: null } : { action: 'wait', at: null };
  // Nothing in flight: the previous member failed (or this is the first), go would ask this one now.
  if (running.length === 0) return { action: 'start', index: next };
  // The latest member started is the one go would be waiting on: hedge when it is slow.
  const latest = running.reduce((a, b) => (b.startedAt >= a.startedAt ? b : a));
  if (latest.answered) return { action: 'wait', at: null };
  const due = latest.startedAt + latest.hedgeDelayMs;
  return now >= due ? { action: 'start', index: next } : { action: 'wait', at: due };
}
