// From one candidate's samples to what a benchmark reports: the summary (shared/bench/summary.ts
// does the statistics), its score, and the row of `goproxyctl bench --json`, whose shape is a
// contract (issue 3) and is built only here.
import type { Distribution } from './stats.js';
import { candidateStatus, isReachable, isWorking, scoreCandidate, type CandidateStatus } from './score.js';
import { describeEstimate, REPRESENTATIVE_WORKLOAD, type Workload } from './estimate.js';
import { render } from '../i18n/catalog.js';
import { msg, type Locale, type Message } from '../i18n/message.js';
import { summarizeSamples, type CandidateSummary } from './summary.js';
import { familiesDiffer, splitByFamily, type FamilySplit } from './families.js';
import type { CandidateKind, FailureKind, HttpProtocol, ProbeSample } from './types.js';

/** One benchmarked candidate: its summary, the time go would take for the workload, and the score derived from it. */
export interface CandidateResult {
  summary: CandidateSummary;
  score: number;
  /** Estimated ms for the real go to fetch the benchmark's workload through it (estimate.ts); null when it never worked. */
  estimateMs?: number | null;
  /** When samples over both IPv4 and IPv6 were taken: the figures of each (families.ts). */
  families?: FamilySplit | null;
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
  /** `message` is the sentence rendered in the command's language; `messageMessage` the same as a message (id and values, stable for scripts). */
  error: { kind: FailureKind; status: number | null; message: string; messageMessage: Message } | null;
  score: number;
  /** Estimated ms for the real go to fetch the workload through it; null when it does not work. */
  estimateMs: number | null;
  /** The same in words in the command's language, e.g. "≈ 4.2 s for a typical graph's 100 modules". */
  estimate: string;
  /** `estimate` as a message (id and values). */
  estimateMessage: Message;
  /** working, missing-module ("reachable, does not have <module>"), or failing. */
  status: CandidateStatus;
  /** The probe module when the proxy answered 404/410 for it, else null. */
  missingModule: string | null;
  /** Present only when the host has both families and they differ materially (families.ts): each family's figures. */
  families?: FamilySplit;
}

/** The whole `goproxyctl bench --json` document (exact shape of the contract). */
export interface BenchJson {
  durationMs: number;
  /** What the times are for: the representative graph, or the project's. */
  workload: Workload;
  results: BenchJsonResult[];
  recommendation: { goproxy: string; gosumdb: string | null };
}

/**
 * Samples that were cut short by the user's cancel say nothing about the candidate, so they are
 * left out; the rest are summarized (ttfb over every request of every sample) and scored.
 */
export function aggregateCandidate(candidate: string, kind: CandidateKind, samples: readonly ProbeSample[], workload: Workload = REPRESENTATIVE_WORKLOAD): CandidateResult {
  const measured = samples.filter((s) => s.error?.kind !== 'cancelled');
  const summary = summarizeSamples(candidate, kind, measured);
  const { score, estimate } = scoreCandidate(summary, workload);
  const families = kind === 'proxy' ? splitByFamily(candidate, kind, measured, workload) : null;
  return { summary, score, estimateMs: kind === 'sumdb' ? null : estimate.ms, ...(families ? { families } : {}) };
}

/** Best first (highest score, then the shorter estimated time); ties by URL so the order is stable from run to run. */
export function rankResults(results: readonly CandidateResult[]): CandidateResult[] {
  const time = (r: CandidateResult): number => r.estimateMs ?? Infinity;
  return [...results].sort((a, b) => b.score - a.score || time(a) - time(b) || (a.summary.candidate < b.summary.candidate ? -1 : a.summary.candidate > b.summary.candidate ? 1 : 0));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const roundDist = (d: Distribution | null): Distribution | null => (d ? { median: round2(d.median), p90: round2(d.p90) } : null);

/** What the row's `estimate` says: the time in words, or why there is none. */
export function estimateMessageOf(r: CandidateResult, workload: Workload = REPRESENTATIVE_WORKLOAD): Message {
  const s = r.summary;
  if (s.kind === 'sumdb') return msg('bench.estimate.sumdb');
  if (candidateStatus(s) === 'missing-module') return msg('bench.estimate.missingModule', { module: s.missingModule ?? '' });
  return describeEstimate({ ms: r.estimateMs ?? null }, workload);
}

/** One row of `bench --json`; its texts in `locale` (English by default, so scripts keep working), each with its message beside it. */
export function toJsonResult(r: CandidateResult, workload: Workload = REPRESENTATIVE_WORKLOAD, locale: Locale = 'en'): BenchJsonResult {
  const s = r.summary;
  const estimateMs = r.estimateMs ?? null;
  const estimate = estimateMessageOf(r, workload);
  return {
    proxy: s.candidate,
    ok: isWorking(s),
    samples: s.samples,
    successRate: round2(s.successRate),
    ttfbMs: roundDist(s.ttfbMs),
    totalMs: roundDist(s.totalMs),
    throughputBytesPerSec: s.throughputBytesPerSec === null ? null : Math.round(s.throughputBytesPerSec),
    protocol: s.protocol,
    error: s.error ? { kind: s.error.kind, status: s.error.status, message: render(locale, s.error.messageMessage), messageMessage: s.error.messageMessage } : null,
    score: r.score,
    estimateMs: estimateMs === null ? null : Math.round(estimateMs),
    estimate: render(locale, estimate),
    estimateMessage: estimate,
    status: candidateStatus(s),
    missingModule: s.missingModule ?? null,
    ...(r.families && familiesDiffer(r.families) ? { families: roundFamilies(r.families) } : {}),
  };
}

function roundFamilies(split: FamilySplit): FamilySplit {
  const one = (f: FamilySplit['ipv4']): FamilySplit['ipv4'] => ({
    ...f,
    successRate: round2(f.successRate),
    ttfbMs: roundDist(f.ttfbMs),
    setupMs: f.setupMs === null ? null : round2(f.setupMs),
    throughputBytesPerSec: f.throughputBytesPerSec === null ? null : Math.round(f.throughputBytesPerSec),
    estimateMs: f.estimateMs === null ? null : Math.round(f.estimateMs),
  });
  return { ipv4: one(split.ipv4), ipv6: one(split.ipv6) };
}

export function toBenchJson(durationMs: number, results: readonly CandidateResult[], recommendation: { goproxy: string; gosumdb: string | null }, workload: Workload = REPRESENTATIVE_WORKLOAD, locale: Locale = 'en'): BenchJson {
  return {
    durationMs: Math.round(durationMs),
    workload,
    results: rankResults(results).map((r) => toJsonResult(r, workload, locale)),
    recommendation: { goproxy: recommendation.goproxy, gosumdb: recommendation.gosumdb },
  };
}

/** Whether go could get modules through any candidate: a reachable proxy or a working direct. */
export function anyRouteWorks(results: readonly CandidateResult[]): boolean {
  return results.some((r) => r.summary.kind !== 'sumdb' && isReachable(r.summary));
}
