// The score of one benchmarked candidate, 0..100, derived from a time: how long the real go
// would take to fetch a workload through it (shared/bench/estimate.ts; docs/scoring.md has the
// model and a worked example). score = 100 × H / (H + time), H = 10 s: strictly decreasing in the
// time, 50 at 10 s, 0 when it never worked. The certificate and the checksum database do not
// change the time and so not the score; they are said in words (explainScore) and a refused
// certificate already fails every sample (go will not fetch from it).
import { describeEstimate, estimateFetch, formatDuration, GO_PARALLELISM, REPRESENTATIVE_WORKLOAD, scoreFromTime, type FetchEstimate, type Workload } from './estimate.js';
import { msg, type Message } from '../i18n/message.js';
import type { CandidateSummary } from './summary.js';
import { kindMessage, tlsProblemMessage } from './words.js';

export interface CandidateScore {
  score: number;
  estimate: FetchEstimate;
}

/** A certificate expiring sooner than this is warned about. */
export const CERTIFICATE_WARNING_DAYS = 14;

export type CertificateHealth = 'healthy' | 'expiring' | 'broken' | 'none';

export function certificateHealth(summary: Pick<CandidateSummary, 'tls'>): CertificateHealth {
  const tls = summary.tls;
  if (!tls) return 'none';
  if (tls.problem !== null || tls.daysToExpiry < 0) return 'broken';
  if (tls.daysToExpiry < CERTIFICATE_WARNING_DAYS) return 'expiring';
  return 'healthy';
}

/** True when at least one sample worked: the gate between "ranked" and "score 0". */
export function isWorking(summary: Pick<CandidateSummary, 'successRate'>): boolean {
  return summary.successRate > 0;
}

/**
 * working: a sample got a module through it; missing-module: it answers, but 404/410 for every
 * module asked for (shown amber, "reachable, does not have <module>": never failing, and kept in
 * the recommended chain, since go falls through a 404/410 with either separator); failing: the rest.
 */
export type CandidateStatus = 'working' | 'missing-module' | 'failing';

export function candidateStatus(summary: Pick<CandidateSummary, 'successRate' | 'error' | 'missingModule'>): CandidateStatus {
  if (isWorking(summary)) return 'working';
  if (summary.missingModule && summary.error?.kind === 'not-found') return 'missing-module';
  return 'failing';
}

/** Working, or reachable without the probe module: go can use it. */
export function isReachable(summary: Pick<CandidateSummary, 'successRate' | 'error' | 'missingModule'>): boolean {
  return candidateStatus(summary) !== 'failing';
}

/** Scores one candidate: the time for the workload, as 0..100. Pure and deterministic. */
export function scoreCandidate(summary: CandidateSummary, workload: Workload = REPRESENTATIVE_WORKLOAD): CandidateScore {
  const estimate = estimateFetch(summary, workload);
  return { score: isWorking(summary) ? scoreFromTime(estimate.ms) : 0, estimate };
}

function formatRate(bytesPerSec: number): string {
  if (bytesPerSec >= 1_000_000) return `${(bytesPerSec / 1_000_000).toFixed(1)} MB/s`;
  if (bytesPerSec >= 1_000) return `${(bytesPerSec / 1_000).toFixed(0)} kB/s`;
  return `${Math.round(bytesPerSec)} B/s`;
}

function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1_000) return `${Math.round(n / 1_000)} kB`;
  return `${n} B`;
}

const ms = (x: number): string => `${Math.round(x)} ms`;

function certificateMessage(summary: CandidateSummary): Message | null {
  const days = summary.tls?.daysToExpiry ?? 0;
  switch (certificateHealth(summary)) {
    case 'healthy':
      return msg('bench.score.certHealthy', { days });
    case 'expiring':
      return msg(days === 1 ? 'bench.score.certExpiringTomorrow' : 'bench.score.certExpiring', { days });
    case 'broken': {
      const problem = summary.tls?.problem ?? null;
      return problem === null || problem === 'expired' ? msg('bench.score.certExpired') : msg('bench.score.certRefused', { problem: tlsProblemMessage(problem) });
    }
    case 'none':
      return null;
  }
}

/** The score in sentences: the time and where it goes, then what does not change the time. */
export function explainScore(summary: CandidateSummary, workload: Workload = REPRESENTATIVE_WORKLOAD): Message[] {
  const { score, estimate } = scoreCandidate(summary, workload);
  const total = msg('bench.score.total', { score, estimate: describeEstimate(estimate, workload) });
  if (candidateStatus(summary) === 'missing-module') return [total, msg('bench.score.missingModule', { module: summary.missingModule ?? '' })];
  if (!isWorking(summary)) {
    const error = summary.error;
    return [total, error ? msg('bench.score.neverWorkedBecause', { kind: kindMessage(error.kind), error: error.messageMessage }) : msg('bench.score.neverWorked')];
  }
  const lines = [total];
  if (estimate.setupMs > 0) lines.push(msg('bench.score.setup', { time: ms(estimate.setupMs) }));
  lines.push(msg('bench.score.requests', { requests: workload.requests, latency: ms(summary.ttfbMs?.median ?? 0), parallel: GO_PARALLELISM, time: formatDuration(estimate.requestsMs) }));
  if (estimate.failureRate > 0) lines.push(msg('bench.score.failures', { percent: Math.round(estimate.failureRate * 100), cost: formatDuration(summary.failureMs ?? 0) }));
  const tp = summary.throughputBytesPerSec;
  lines.push(
    tp !== null && tp > 0
      ? msg('bench.score.bytes', { bytes: formatBytes(workload.bytes), rate: formatRate(tp * GO_PARALLELISM), time: formatDuration(estimate.bytesMs) })
      : msg('bench.score.noThroughput'),
  );
  if (summary.protocolErrors > 0) lines.push(msg('bench.score.protocol', { count: summary.protocolErrors }));
  lines.push(msg(summary.sumdbSupported === true ? 'bench.score.sumdbServed' : summary.sumdbSupported === false ? 'bench.score.sumdbNotServed' : 'bench.score.sumdbUnchecked'));
  const cert = certificateMessage(summary);
  if (cert !== null) lines.push(cert);
  return lines;
}
