// From one candidate's samples to what a benchmark reports: the summary (shared/bench/summary.ts
// does the statistics), its score, and the row of `goproxyctl bench --json`, whose shape is a
// contract (issue 3) and is built only here.
import type { Distribution } from './stats.js';
import { candidateStatus, isReachable, isWorking, scoreCandidate, type CandidateStatus } from './score.js';
import { summarizeSamples, type CandidateSummary } from './summary.js';
import type { CandidateKind, FailureKind, HttpProtocol, ProbeSample } from './types.js';

/** One benchmarked candidate: its summary and score. */
export interface CandidateResult {
  summary: CandidateSummary;
  score: number;
}

/** A row of `goproxyctl bench --json` (exact shape of the contract). */
export interface BenchJsonResult {
  proxy: string;
  ok: boolean;
  samples: number;
  successRate: number;
  ttfbMs: Distribution | null;
  totalMs: Distribution | null;
  throughputBytesPerSec: number | null;
  protocol: HttpProtocol | null;
  error: { kind: FailureKind; status: number | null; message: string } | null;
  score: number;
  /** working, missing-module ("reachable, does not have <module>"), or failing. */
  status: CandidateStatus;
  /** The probe module when the proxy answered 404/410 for it, else null. */
  missingModule: string | null;
}

/** The whole `goproxyctl bench --json` document (exact shape of the contract). */
export interface BenchJson {
  durationMs: number;
  results: BenchJsonResult[];
  recommendation: { goproxy: string; gosumdb: string | null };
}

/**
 * Samples that were cut short by the user's cancel say nothing about the candidate, so they are
 * left out; the rest are summarized (ttfb over every request of every sample) and scored.
 */
export function aggregateCandidate(candidate: string, kind: CandidateKind, samples: readonly ProbeSample[]): CandidateResult {
  const measured = samples.filter((s) => s.error?.kind !== 'cancelled');
  const summary = summarizeSamples(candidate, kind, measured);
  return { summary, score: scoreCandidate(summary).score };
}

/** Best first; ties by URL so the order is stable from run to run. */
export function rankResults(results: readonly CandidateResult[]): CandidateResult[] {
  return [...results].sort((a, b) => b.score - a.score || (a.summary.candidate < b.summary.candidate ? -1 : a.summary.candidate > b.summary.candidate ? 1 : 0));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const roundDist = (d: Distribution | null): Distribution | null => (d ? { median: round2(d.median), p90: round2(d.p90) } : null);

export function toJsonResult(r: CandidateResult): BenchJsonResult {
  const s = r.summary;
  return {
    proxy: s.candidate,
    ok: isWorking(s),
    samples: s.samples,
    successRate: round2(s.successRate),
    ttfbMs: roundDist(s.ttfbMs),
    totalMs: roundDist(s.totalMs),
    throughputBytesPerSec: s.throughputBytesPerSec === null ? null : Math.round(s.throughputBytesPerSec),
    protocol: s.protocol,
    error: s.error ? { kind: s.error.kind, status: s.error.status, message: s.error.message } : null,
    score: r.score,
    status: candidateStatus(s),
    missingModule: s.missingModule ?? null,
  };
}

export function toBenchJson(durationMs: number, results: readonly CandidateResult[], recommendation: { goproxy: string; gosumdb: string | null }): BenchJson {
  return {
    durationMs: Math.round(durationMs),
    results: rankResults(results).map(toJsonResult),
    recommendation: { goproxy: recommendation.goproxy, gosumdb: recommendation.gosumdb },
  };
}

/** Whether go could get modules through any candidate: a reachable proxy or a working direct. */
export function anyRouteWorks(results: readonly CandidateResult[]): boolean {
  return results.some((r) => r.summary.kind !== 'sumdb' && isReachable(r.summary));
}
