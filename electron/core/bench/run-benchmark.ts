// runBenchmark: every candidate probed with the real Go proxy protocol, in parallel up to a cap,
// the samples of one candidate in sequence (two samples of one proxy at once would compete for
// the same link and skew each other), then summaries, scores and the recommended chain.
// Memory stays bounded: a candidate's samples are summarized as soon as it finishes; only the
// summaries and the history records (a few numbers per sample) are kept.
import { aggregateCandidate, anyRouteWorks, rankResults, type CandidateResult } from '../../../shared/bench/aggregate.js';
import type { BenchCandidate } from '../../../shared/bench/catalog.js';
import type { BenchmarkReport } from '../../../shared/bench/report.js';
import { recommendChain } from '../../../shared/bench/recommend.js';
import type { ProbeProgress, ProbeSample } from '../../../shared/bench/types.js';
import { normalizeProxyUrl } from '../../../shared/go/goproxy.js';
import { REPRESENTATIVE_WORKLOAD, type Workload } from '../../../shared/bench/estimate.js';
import { WIDELY_MIRRORED_MODULES, type ModuleRef } from '../../../shared/bench/probe-module.js';
import { isHardFailure, probeDirect, probeFamilies, probeSumdb, type BodyCaps, type Credentials, type PhaseTimeouts } from '../probe/index.js';
import type { BenchListener } from './events.js';
import type { HistoryRecord } from '../history/index.js';
import { appendHistory, recordsOfSamples } from './history-writer.js';
import { runPool } from './pool.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { probeSumdbRoutes } from './sumdb-routes.js';

export const DEFAULT_SAMPLES = 3;
export const DEFAULT_CONCURRENCY = 8;

export interface RunBenchmarkOptions {
  /** The module every proxy is asked for (and whose host `direct` is checked against). */
  module: ModuleRef;
  /** What go would fetch: the times and the ranking are for it; default the representative graph. */
  workload?: Workload;
  /** Asked for when a proxy answers 404/410 for `module`; default the widely mirrored modules. */
  fallbackModules?: readonly ModuleRef[];
  samples?: number;
  concurrency?: number;
  timeouts?: Partial<PhaseTimeouts>;
  maxBodyBytes?: Partial<BodyCaps>;
  signal?: AbortSignal;
  /** HTTPS_PROXY / NO_PROXY / SSL_CERT_FILE... as go would see them; default process.env. */
  env?: NodeJS.ProcessEnv;
  ca?: string[];
  /** Names answered before DNS, as /etc/hosts is (ProbeOptionsBase.hosts: the lab's dual-stack names). */
  hosts?: Record<string, readonly string[]>;
  /** Credentials per candidate (electron/core/bench/credentials.ts reads the secret store). */
  credentialsFor?: (candidateUrl: string) => Promise<Credentials | null>;
  /** The user's current settings, for the recommendation. */
  currentGoproxy: string;
  currentGosumdb: string;
  /** Where the history is written; null to not record; default the app's data directory. */
  historyDir?: string | null;
  onEvent?: BenchListener;
}

export type { BenchmarkReport };

/** The URL a candidate is reported under: go's normalization, never credentials. */
export function reportedName(c: BenchCandidate): string {
  return c.kind === 'direct' ? 'direct' : normalizeProxyUrl(c.url);
}

function checkCount(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be a whole number between ${min} and ${max}, got ${value}`);
  return value;
}

export async function runBenchmark(candidates: readonly BenchCandidate[], opts: RunBenchmarkOptions): Promise<BenchmarkReport> {
  const samples = checkCount('samples', opts.samples ?? DEFAULT_SAMPLES, 1, 100);
  const concurrency = checkCount('concurrency', opts.concurrency ?? DEFAULT_CONCURRENCY, 1, 256);
  const emit: BenchListener = (e) => {
    try {
      opts.onEvent?.(e);
    } catch {
      // A listener's bug must not break the benchmark.
    }
  };
  const workload = opts.workload ?? REPRESENTATIVE_WORKLOAD;
  const startedAt = Date.now();
  const t0 = performance.now();
  const warnings: Message[] = [];
  const results: CandidateResult[] = [];
  // Only the few numbers the history keeps survive a finished candidate, never its samples.
  const records: HistoryRecord[] = [];

  await runPool(
    candidates,
    concurrency,
    async (candidate, index) => {
      const name = reportedName(candidate);
      emit({ type: 'candidate-start', candidate: name, kind: candidate.kind, index, samples });
      const credentials = candidate.kind === 'direct' ? null : ((await opts.credentialsFor?.(candidate.url)) ?? null);
      const taken: ProbeSample[] = [];
      const deadFamilies: ('ipv4' | 'ipv6')[] = [];
      for (let n = 1; n <= samples && !opts.signal?.aborted; n++) {
        // A proxy whose host has both IPv4 and IPv6 is sampled over each (probeFamilies).
        const perFamily = await probeOnce(candidate, n, credentials, opts, name, emit, deadFamilies);
        for (const s of perFamily) if (s.family !== null && isHardFailure(s) && !deadFamilies.includes(s.family)) deadFamilies.push(s.family);
        // The probe names the candidate by its own normalization; the report uses go's.
        const named = perFamily.map((sample) => (sample.candidate === name ? sample : { ...sample, candidate: name }));
        taken.push(...named);
        for (const result of named) emit({ type: 'sample-done', candidate: name, sample: n, of: samples, result });
        // A dead host is declared after one deadline, not samples × deadline.
        if (perFamily.every((sample) => isHardFailure(sample))) break;
      }
      const last = taken.at(-1);
      const cutShort = taken.length < samples && !(last !== undefined && isHardFailure(last));
      const cancelled = Boolean(opts.signal?.aborted) && (cutShort || taken.some((s) => s.error?.kind === 'cancelled'));
      const result = aggregateCandidate(name, candidate.kind, taken, workload);
      if (!cancelled) {
        results.push(result);
        records.push(...recordsOfSamples(name, taken));
      }
      emit({ type: 'candidate-done', candidate: name, index, result, cancelled });
    },
    opts.signal,
  );

  const cancelled = Boolean(opts.signal?.aborted);
  const ranked = rankResults(results);
  // GOSUMDB advice needs a real lookup through the routes go would take (issue 10).
  const sumdbRoutes = cancelled
    ? []
    : await probeSumdbRoutes(ranked.map((r) => r.summary), {
        gosumdb: opts.currentGosumdb,
        module: opts.module,
        signal: opts.signal,
        timeouts: opts.timeouts,
        maxBodyBytes: opts.maxBodyBytes,
        env: opts.env ?? process.env,
        ca: opts.ca,
        credentialsFor: opts.credentialsFor,
      });
  // One decision; its reasons are messages, worded by whichever front end shows them.
  const recommendation = recommendChain([...ranked, ...sumdbRoutes].map((r) => r.summary), { currentGoproxy: opts.currentGoproxy, currentGosumdb: opts.currentGosumdb, workload });
  let recorded = 0;
  if (opts.historyDir !== null) {
    try {
      recorded = await appendHistory(records, opts.historyDir);
    } catch (err) {
      warnings.push(msg('bench.warning.historyUnwritable', { error: (err as Error).message }));
    }
  }
  return {
    startedAt,
    durationMs: performance.now() - t0,
    workload,
    results: ranked,
    recommendation,
    cancelled,
    anyWorking: anyRouteWorks(ranked),
    recorded,
    warnings,
  };
}

async function probeOnce(candidate: BenchCandidate, sample: number, credentials: Credentials | null, opts: RunBenchmarkOptions, name: string, emit: BenchListener, skipFamilies: readonly ('ipv4' | 'ipv6')[] = []): Promise<ProbeSample[]> {
  const base = {
    signal: opts.signal,
    timeouts: opts.timeouts,
    maxBodyBytes: opts.maxBodyBytes,
    env: opts.env ?? process.env,
    ca: opts.ca,
    hosts: opts.hosts,
    sample,
    credentials,
    onProgress: (progress: ProbeProgress) =>
      emit({ type: 'phase', progress: { ...progress, candidate: name } }),
  };
  switch (candidate.kind) {
    case 'direct':
      return [await probeDirect(opts.module, { ...base, credentials: null })];
    case 'sumdb':
      return [await probeSumdb(candidate.url, { ...base, module: opts.module, gosumdb: opts.currentGosumdb })];
    case 'proxy':
      return probeFamilies(candidate.url, { ...base, module: opts.module, fallbackModules: opts.fallbackModules ?? WIDELY_MIRRORED_MODULES, skipFamilies });
  }
}
