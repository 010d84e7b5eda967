// One health probe of one candidate, through the probe engine and the benchmark's scoring, reduced
// to what the repair policy reads (ok, score) plus what the event log shows (time, failure kind).
import { scoreCandidate } from '../../../shared/bench/score.js';
import { summarizeSamples } from '../../../shared/bench/summary.js';
import type { CandidateHealth } from '../../../shared/repair/chain-order.js';
import { probeProxy, type ModuleRef, type PhaseTimeouts } from '../probe/index.js';

export interface HealthProbe extends CandidateHealth {
  durationMs: number;
  /** The failure kind, e.g. 'timeout', 'http'; null when it worked. */
  error: string | null;
}

export type ProbeCandidate = (candidate: string, signal?: AbortSignal) => Promise<HealthProbe>;

export interface ProberOptions {
  module: ModuleRef;
  timeouts?: Partial<PhaseTimeouts>;
  env?: NodeJS.ProcessEnv;
  ca?: string[];
}

// Shorter than a benchmark's: a dead proxy must be found dead within one probe round.
export const WATCH_TIMEOUTS: PhaseTimeouts = { dnsMs: 3_000, connectMs: 3_000, tlsMs: 3_000, ttfbMs: 5_000, transferMs: 8_000, overallMs: 15_000 };

export function makeProber(opts: ProberOptions): ProbeCandidate {
  return async (candidate, signal) => {
    const sample = await probeProxy(candidate, { module: opts.module, timeouts: { ...WATCH_TIMEOUTS, ...opts.timeouts }, env: opts.env, ca: opts.ca, signal });
    const summary = summarizeSamples(sample.candidate, 'proxy', [sample]);
    return { candidate: sample.candidate, ok: sample.ok, score: scoreCandidate(summary).score, durationMs: Math.round(sample.durationMs), error: sample.error?.kind ?? null };
  };
}
