// The aggregated result of benchmarking one candidate: what scoring, the recommendation, the CLI
// table and the history all consume. Built from the prober's samples by `summarizeSamples`.
import type { Distribution } from './stats.js';
import { distribution, median, successRate } from './stats.js';
import { STALL_COST_MS } from './estimate.js';
import type { CandidateKind, FailureKind, HttpProtocol, ProbeFailure, ProbeSample, RequestTiming, TlsInfo } from './types.js';

export interface CandidateSummary {
  /** Normalized URL, 'direct', or a checksum database URL. */
  candidate: string;
  kind: CandidateKind;
  samples: number;
  /** Share of samples that succeeded, 0..1. */
  successRate: number;
  /** Over every protocol request of every sample: request written -> first response byte. */
  ttfbMs: Distribution | null;
  /** Wall time of the successful samples. */
  totalMs: Distribution | null;
  /** Median over the samples that measured it (the capped .zip read). */
  throughputBytesPerSec: number | null;
  /** Responses that broke the Go proxy protocol (wrong body), over all samples. */
  protocolErrors: number;
  /** Whether `<proxy>/sumdb/sum.golang.org/supported` answered 200; null when not checked. */
  sumdbSupported: boolean | null;
  /** The certificate seen (the most recent sample that saw one); null for plain http or no TLS reached. */
  tls: TlsInfo | null;
  /** The most frequent failure among failed samples (ties: the latest); null when every sample worked. */
  error: ProbeFailure | null;
  /** The HTTP version negotiated most recently; null when no response arrived. */
  protocol: HttpProtocol | null;
  /** Module proxies: the probe module ("path@version") when the proxy answered 404/410 for it in a sample. */
  missingModule?: string | null;
  /** Median over the samples of the first connection's set-up (DNS + connect + TLS); null when none was timed. */
  setupMs?: number | null;
  /** Share of requests that failed, 404/410 aside (go moves on from those at once); 0..1. */
  requestFailureRate?: number;
  /** Median cost of a failed request before go would move on: its first byte, or STALL_COST_MS when nothing answered. */
  failureMs?: number | null;
}

function mostFrequentFailure(failed: readonly ProbeSample[]): ProbeFailure | null {
  const counts = new Map<FailureKind, number>();
  let best: ProbeFailure | null = null;
  let bestCount = 0;
  // Later samples win ties (>=): the latest evidence describes the candidate's present state.
  for (const sample of failed) {
    if (!sample.error) continue;
    const count = (counts.get(sample.error.kind) ?? 0) + 1;
    counts.set(sample.error.kind, count);
    if (count >= bestCount) {
      best = sample.error;
      bestCount = count;
    }
  }
  return best;
}

function lastNonNull<T>(values: readonly (T | null)[]): T | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** Aggregates the samples of one candidate (in the order they were taken). */
export function summarizeSamples(candidate: string, kind: CandidateKind, samples: readonly ProbeSample[]): CandidateSummary {
  const ordered = [...samples].sort((a, b) => a.startedAt - b.startedAt);
  const ttfbs = ordered.flatMap((s) => s.requests.map((r) => r.ttfbMs).filter((v): v is number => v !== null));
  const okSamples = ordered.filter((s) => s.ok);
  const throughputs = ordered.map((s) => s.throughputBytesPerSec).filter((v): v is number => v !== null);
  const protocolErrors = ordered.reduce(
    (n, s) => n + s.requests.filter((r) => r.error?.kind === 'protocol').length + (s.error?.kind === 'protocol' && !s.requests.some((r) => r.error?.kind === 'protocol') ? 1 : 0),
    0,
  );
  const sumdbAnswers = ordered.map((s) => s.sumdbSupported).filter((v): v is boolean => v !== null);
  const sumdbSupported = sumdbAnswers.length === 0 ? null : sumdbAnswers.includes(true);
  const failed = ordered.filter((s) => !s.ok);
  const requests = ordered.flatMap((s) => s.requests);
  const failedRequests = requests.filter((r) => r.error !== null && r.error.kind !== 'not-found' && r.error.kind !== 'cancelled');
  const setups = ordered.map((s) => firstSetup(s.requests)).filter((v): v is number => v !== null);
  return {
    candidate,
    kind,
    samples: ordered.length,
    successRate: successRate(ordered.map((s) => s.ok)),
    ttfbMs: distribution(ttfbs),
    totalMs: distribution(okSamples.map((s) => s.durationMs)),
    throughputBytesPerSec: median(throughputs),
    protocolErrors,
    sumdbSupported,
    tls: lastNonNull(ordered.map((s) => s.tls ?? s.error?.tls ?? null)),
    error: failed.length === 0 ? null : mostFrequentFailure(failed),
    protocol: lastNonNull(ordered.map((s) => s.protocol)),
    missingModule: lastNonNull(ordered.map((s) => s.missingModule ?? null)),
    setupMs: median(setups),
    requestFailureRate: requests.length === 0 ? 0 : failedRequests.length / requests.length,
    failureMs: median(failedRequests.map((r) => (r.status !== null && r.ttfbMs !== null ? r.ttfbMs : STALL_COST_MS))),
  };
}

/** DNS + connect + TLS of the first request of a sample that opened a connection. */
function firstSetup(requests: readonly RequestTiming[]): number | null {
  const first = requests.find((r) => r.connectMs !== null);
  return first ? (first.dnsMs ?? 0) + (first.connectMs ?? 0) + (first.tlsMs ?? 0) : null;
}
