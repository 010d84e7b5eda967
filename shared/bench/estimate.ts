// The score that is a time: how long the real go would take to fetch a workload through one
// candidate, from what the benchmark measured. Pure; docs/scoring.md has the model and a worked
// example.
//
//   perRequest = L + f × (F + L)         L: median first byte of a request on an open connection
//                                        f: share of requests that failed (not counting 404/410)
//                                        F: what a failure costs before go moves on (its first
//                                           byte, or STALL_COST_MS when nothing came back)
//   requests   = workload.requests × perRequest / GO_PARALLELISM
//   bytes      = workload.bytes / (T × GO_PARALLELISM)    T: throughput of the capped .zip read
//   time       = S + requests + bytes                     S: one connection's DNS + connect + TLS
//
// Why this shape: `go mod download` into an empty cache asks, per module, for the .info, the .mod
// and the .zip (cmd/go/internal/modfetch: Stat, GoMod, Download), over connections it keeps
// alive (HTTP/2 on TLS: one connection; HTTP/1.1 keep-alive: a few), so a connection is set up
// about once and every request then pays one first byte. go works through the graph level by
// level and downloads zips in parallel; against the real go 1.23 on the lab's 20-module graph
// (npm run bench:probe, latency-bound and bandwidth-bound proxies) that averages about two
// requests in flight, hence GO_PARALLELISM = 2. A failed request is paid for and then served by
// the next entry (behind "|"), which is assumed as fast as this one.
import { msg, type Message } from '../i18n/message.js';
import type { CandidateSummary } from './summary.js';

/** What go fetches: a project's module graph, or the representative one below. */
export interface Workload {
  modules: number;
  /** HTTP requests go makes for it into an empty module cache. */
  requests: number;
  /** Bytes of the .zip, .mod and .info files. */
  bytes: number;
  /** 'representative': REPRESENTATIVE_WORKLOAD; 'project': measured from the user's go.mod/go.sum; 'lab': a benchmark script's. */
  source: 'representative' | 'project' | 'lab';
}

/**
 * Without a project: a mid-sized service's graph, 100 modules, each fetched as .info, .mod and
 * .zip (300 requests), with zips of 150 kB on average (most modules are small libraries, a few are
 * large such as golang.org/x/sys or the cloud SDKs), 15 MB in all.
 */
export const REPRESENTATIVE_WORKLOAD: Workload = { modules: 100, requests: 300, bytes: 15_000_000, source: 'representative' };

/** Requests go fetches per module into an empty cache: .info, .mod, .zip. */
export const REQUESTS_PER_MODULE = 3;
/** Requests (and zip transfers) go has in flight at once, on average, for a module graph. */
export const GO_PARALLELISM = 2;
/**
 * A request that timed out or found no connection: at least the probe's dead-host deadline
 * (electron/core/probe/options.ts); go itself would wait longer (a 30 s dial, no limit at all on a
 * silent answer), so this is a lower bound.
 */
export const STALL_COST_MS = 3_000;

export interface FetchEstimate {
  /** The estimated wall time in ms; null when the candidate never worked (go would not get the workload through it). */
  ms: number | null;
  setupMs: number;
  requestsMs: number;
  bytesMs: number;
  /** Share of requests that failed (0..1). */
  failureRate: number;
}

/** The estimate for one candidate (a proxy) and one workload. */
export function estimateFetch(summary: CandidateSummary, workload: Workload = REPRESENTATIVE_WORKLOAD): FetchEstimate {
  const failureRate = summary.requestFailureRate ?? Math.max(0, 1 - summary.successRate);
  if (summary.successRate <= 0 || summary.ttfbMs === null) return { ms: null, setupMs: 0, requestsMs: 0, bytesMs: 0, failureRate };
  const latency = summary.ttfbMs.median;
  const failCost = summary.failureMs ?? STALL_COST_MS;
  const perRequest = latency + failureRate * (failCost + latency);
  const requestsMs = (workload.requests * perRequest) / GO_PARALLELISM;
  const tp = summary.throughputBytesPerSec;
  // Unmeasured throughput (no zip large enough to time the pipe, or none read): the bytes cost nothing we can see.
  const bytesMs = tp !== null && tp > 0 ? (workload.bytes / (tp * GO_PARALLELISM)) * 1000 : 0;
  const setupMs = summary.setupMs ?? 0;
  return { ms: setupMs + requestsMs + bytesMs, setupMs, requestsMs, bytesMs, failureRate };
}

/** The time at which the score is 50; the score is 100 × H / (H + time). */
export const SCORE_HALF_TIME_MS = 10_000;

/** 0..100 from the time, strictly decreasing; 0 when it never worked. */
export function scoreFromTime(ms: number | null): number {
  if (ms === null) return 0;
  return Math.max(0.1, Math.round((1000 * SCORE_HALF_TIME_MS) / (SCORE_HALF_TIME_MS + Math.max(0, ms))) / 10);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 100_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** "this project's 42 modules", "a typical graph's 100 modules". */
export function workloadMessage(w: Workload): Message {
  return msg(`bench.estimate.workload.${w.source}`, { modules: w.modules });
}

/** "≈ 4.2 s for a typical graph's 100 modules", or why there is no time. */
export function describeEstimate(est: Pick<FetchEstimate, 'ms'>, workload: Workload): Message {
  if (est.ms === null) return msg('bench.estimate.none');
  return msg('bench.estimate.time', { time: formatDuration(est.ms), workload: workloadMessage(workload) });
}

/** A project's graph as a workload: its module count and, when known, its bytes (else the representative average per module). */
export function workloadOf(modules: number, bytes: number | null, source: Workload['source'] = 'project'): Workload {
  const perModule = REPRESENTATIVE_WORKLOAD.bytes / REPRESENTATIVE_WORKLOAD.modules;
  return { modules, requests: modules * REQUESTS_PER_MODULE, bytes: bytes ?? Math.round(modules * perModule), source };
}
