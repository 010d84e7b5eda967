// One health probe of one candidate, through the probe engine and the benchmark's scoring, reduced
// to what the repair policy reads (ok, score) plus what the event log shows (time, failure kind).
import { WIDELY_MIRRORED_MODULES } from '../../../shared/bench/probe-module.js';
import { candidateStatus, scoreCandidate } from '../../../shared/bench/score.js';
import { summarizeSamples } from '../../../shared/bench/summary.js';
import type { CandidateHealth } from '../../../shared/repair/chain-order.js';
import { DEAD_HOST_DEADLINES, probeProxy, type ModuleRef, type PhaseTimeouts } from '../probe/index.js';

export interface HealthProbe extends CandidateHealth {
  durationMs: number;
  /** The failure kind, e.g. 'timeout', 'http'; null when it worked. */
  error: string | null;
  /**
   * The probe module when the candidate answered 404/410 for it (and for the widely mirrored
   * ones): it is reachable, so ok, never a reason to repair away from it as if it were dead.
   */
  missingModule: string | null;
}

export type ProbeCandidate = (candidate: string, signal?: AbortSignal) => Promise<HealthProbe>;

export interface ProberOptions {
  module: ModuleRef;
  timeouts?: Partial<PhaseTimeouts>;
  env?: NodeJS.ProcessEnv;
  ca?: string[];
}

// The benchmark's dead-host deadlines; a shorter transfer and overall limit than a benchmark's,
// since a health probe only has to tell whether the entry works.
export const WATCH_TIMEOUTS: PhaseTimeouts = { ...DEAD_HOST_DEADLINES, transferMs: 8_000, overallMs: 15_000 };

export function makeProber(opts: ProberOptions): ProbeCandidate {
  return async (candidate, signal) => {
    const sample = await probeProxy(candidate, {
      module: opts.module,
      fallbackModules: WIDELY_MIRRORED_MODULES,
      timeouts: { ...WATCH_TIMEOUTS, ...opts.timeouts },
      env: opts.env,
      ca: opts.ca,
      signal,
    });
    const summary = summarizeSamples(sample.candidate, 'proxy', [sample]);
    const status = candidateStatus(summary);
    const { score, estimate } = scoreCandidate(summary);
    return {
      candidate: sample.candidate,
      ok: status !== 'failing',
      score,
      // The repair policy compares times when it has them (shared/repair/decide.ts).
      estimateMs: estimate.ms === null ? null : Math.round(estimate.ms),
      durationMs: Math.round(sample.durationMs),
      error: status === 'failing' ? (sample.error?.kind ?? null) : null,
      missingModule: status === 'missing-module' ? (summary.missingModule ?? null) : null,
    };
  };
}
