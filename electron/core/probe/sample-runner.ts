// The scaffolding every kind of sample shares: the session, the overall deadline, cancellation,
// progress events, and assembling the ProbeSample at the end.
import type { CandidateKind, Phase, ProbeFailure, ProbeProgress, ProbeSample, ProtocolRequest, RequestTiming } from '../../../shared/bench/types.js';
import { proxyForUrl } from '../../../shared/net/proxy-env.js';
import { ProbeError, probeError } from './failure.js';
import { resolveTimeouts, type Credentials, type ProbeOptionsBase } from './options.js';
import { ProbeSession, originOf, type FetchResult, type FetchSpec } from './session.js';
import { expiryWarning } from './tls-info.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

/** Failures after which the remaining requests of a sample cannot tell anything new. */
export function isFatal(f: ProbeFailure): boolean {
  if (f.kind === 'cancelled' || f.kind === 'dns' || f.kind === 'tls') return true;
  if (f.kind === 'connect' && f.phase === 'connect') return true;
  // A server that let one request time out is not answering: the next would only burn the deadline.
  return f.kind === 'timeout';
}

/**
 * A sample that says the candidate cannot be reached at all: no name, no connection, no TLS
 * session, or not one answer before the first-byte deadline. Another sample would only wait for
 * the same deadline again, so a benchmark takes no more samples of that candidate.
 */
export function isHardFailure(sample: Pick<ProbeSample, 'error' | 'requests'>): boolean {
  const f = sample.error;
  if (f === null) return false;
  if (f.kind === 'dns' || f.kind === 'tls') return true;
  if (f.kind === 'connect' && f.phase === 'connect') return true;
  if (f.kind !== 'timeout') return false;
  if (f.phase === 'dns' || f.phase === 'connect' || f.phase === 'tls') return true;
  return f.phase === 'ttfb' && sample.requests.every((r) => r.status === null);
}

export function stripUserinfo(url: URL): URL {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy;
}

export interface SampleContext {
  fetch(spec: FetchSpec): Promise<FetchResult>;
  /** Records a request's timing (after the caller has judged its body). */
  record(timing: RequestTiming): void;
  readonly aborted: boolean;
  readonly warnings: Message[];
}

export interface RunSampleArgs {
  candidate: string;
  kind: CandidateKind;
  /** The origin credentials may be sent to. */
  origin: URL | null;
  credentials: Credentials | null;
  opts: ProbeOptionsBase;
  /** Performs the requests; returns the sample's verdict (null = ok) and extra fields. */
  body(ctx: SampleContext): Promise<{ error: ProbeFailure | null; throughputBytesPerSec?: number | null; sumdbSupported?: boolean | null; module?: string | null; missingModule?: string | null }>;
}

export async function runSample(args: RunSampleArgs): Promise<ProbeSample> {
  const { opts } = args;
  const timeouts = resolveTimeouts(opts.timeouts);
  const env = opts.env ?? process.env;
  const startedAt = Date.now();
  const t0 = performance.now();
  const ac = new AbortController();
  const sampleNo = opts.sample ?? 0;
  const progress = (r: ProtocolRequest, phase: Phase | 'done'): void => {
    if (!opts.onProgress) return;
    const p: ProbeProgress = { candidate: args.candidate, sample: sampleNo, request: r, phase, at: Date.now() };
    try {
      opts.onProgress(p);
    } catch {
      // A listener's bug must not break the probe.
    }
  };
  const session = new ProbeSession({
    timeouts,
    family: opts.family ?? null,
    env,
    ca: opts.ca ?? [],
    connectTo: opts.connectTo ?? {},
    hosts: opts.hosts ?? {},
    credentials: args.credentials,
    credentialOrigin: args.origin && args.credentials ? originOf(args.origin) : null,
    signal: ac.signal,
    onPhase: (r, p) => progress(r, p),
  });
  const onUserAbort = (): void => ac.abort(probeError('cancelled', session.phase, msg('bench.probe.cancelledOf', { where: args.candidate })));
  if (opts.signal?.aborted) onUserAbort();
  opts.signal?.addEventListener('abort', onUserAbort, { once: true });
  const overall = setTimeout(() => {
    ac.abort(probeError('timeout', session.phase, msg('bench.probe.sampleTimedOut', { where: args.candidate, ms: timeouts.overallMs })));
  }, timeouts.overallMs);

  const requests: RequestTiming[] = [];
  const warnings: Message[] = [];
  let verdict: Awaited<ReturnType<RunSampleArgs['body']>>;
  try {
    verdict = await args.body({
      fetch: async (spec) => {
        if (ac.signal.aborted) {
          const reason = ac.signal.reason as unknown;
          const failure = reason instanceof ProbeError ? reason.failure : probeError('cancelled', null, msg('bench.probe.cancelled')).failure;
          const timing: RequestTiming = { request: spec.request, path: new URL(spec.url).pathname, status: null, dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, transferMs: null, bytes: 0, protocol: null, reused: false, error: failure };
          return { timing, status: null, headers: {}, body: Buffer.alloc(0), overflowed: false, timeCapped: false, finalUrl: spec.url, crossOriginRedirect: false, credentialsSent: false };
        }
        progress(spec.request, 'dns');
        return session.fetch(spec);
      },
      record: (timing) => {
        requests.push(timing);
        progress(timing.request, 'done');
      },
      get aborted() {
        return ac.signal.aborted;
      },
      warnings,
    });
  } finally {
    clearTimeout(overall);
    opts.signal?.removeEventListener('abort', onUserAbort);
    await session.close();
  }
  const first = session.connections[0] ?? null;
  // A rejected certificate is still worth showing on the sample.
  const tls = session.firstTls() ?? verdict.error?.tls ?? requests.find((r) => r.error?.tls)?.error?.tls ?? null;
  if (tls) {
    const w = expiryWarning(tls, args.origin?.host ?? args.candidate);
    if (w) warnings.push(w);
  }
  let via: string | null = null;
  if (args.origin) {
    try {
      const p = proxyForUrl(args.origin.href, env);
      via = p ? stripUserinfo(new URL(p)).href.replace(/\/$/, '') : null;
    } catch {
      via = null;
    }
  }
  return {
    candidate: args.candidate,
    kind: args.kind,
    family: opts.family === 4 ? 'ipv4' : opts.family === 6 ? 'ipv6' : (first?.family ?? session.failedConnections[0]?.family ?? null),
    startedAt,
    durationMs: performance.now() - t0,
    requests,
    ok: verdict.error === null,
    error: verdict.error,
    throughputBytesPerSec: verdict.throughputBytesPerSec ?? null,
    protocol: first?.protocol ?? null,
    tls,
    sumdbSupported: verdict.sumdbSupported ?? null,
    warnings,
    connections: session.connections.length,
    via,
    ...(verdict.module !== undefined ? { module: verdict.module } : {}),
    ...(verdict.missingModule !== undefined ? { missingModule: verdict.missingModule } : {}),
  };
}
