// Builders for benchmark summaries used by the scoring and recommendation tests.
import type { CandidateSummary } from '../../../shared/bench/summary.js';
import type { TlsInfo } from '../../../shared/bench/types.js';
import { mulberry32 } from '../../../shared/util/prng.js';
import { msg } from '../../../shared/i18n/message.js';
import { makeFailure } from '../../../electron/core/probe/failure.js';

export function tls(daysToExpiry: number, problem: TlsInfo['problem'] = null): TlsInfo {
  return { subject: 'CN=proxy.example', issuer: 'CN=Example CA', validTo: '2030-01-01T00:00:00Z', daysToExpiry, problem };
}

/** A healthy https proxy: 3/3 samples, 40 ms median first byte, 5 MB/s. */
export function summary(overrides: Partial<CandidateSummary> = {}): CandidateSummary {
  return {
    candidate: 'https://proxy.example',
    kind: 'proxy',
    samples: 3,
    successRate: 1,
    ttfbMs: { median: 40, p90: 60 },
    totalMs: { median: 400, p90: 500 },
    throughputBytesPerSec: 5_000_000,
    protocolErrors: 0,
    sumdbSupported: true,
    tls: tls(200),
    error: null,
    protocol: 'h2',
    ...overrides,
  };
}

export function failing(candidate: string, kind: 'timeout' | 'dns' | 'connect' = 'timeout', overrides: Partial<CandidateSummary> = {}): CandidateSummary {
  return summary({
    candidate,
    successRate: 0,
    ttfbMs: null,
    totalMs: null,
    throughputBytesPerSec: null,
    sumdbSupported: null,
    tls: null,
    error: failureOf(kind, candidate),
    protocol: null,
    ...overrides,
  });
}

/** The failure the probe reports for a dead host of each kind (electron/core/probe/failure.ts's words). */
function failureOf(kind: 'timeout' | 'dns' | 'connect', candidate: string) {
  const where = candidate.replace(/^https?:\/\//, '');
  if (kind === 'timeout') return makeFailure('timeout', 'connect', msg('bench.probe.connectTimedOutAfter', { where, ms: 3000 }));
  if (kind === 'dns') return makeFailure('dns', 'dns', msg('bench.probe.dnsFailed', { where, code: 'ENOTFOUND' }));
  return makeFailure('connect', 'connect', msg('bench.probe.connectFailed', { where, code: 'ECONNREFUSED' }));
}

/** Seeded, so a failing random sequence can be replayed. */
export const random = mulberry32;

/** A random but valid working summary. */
export function randomSummary(rand: () => number, candidate = 'https://proxy.example'): CandidateSummary {
  const median = 1 + rand() * 2000;
  const days = Math.floor(rand() * 400) - 30;
  return summary({
    candidate,
    successRate: [1 / 3, 2 / 3, 1][Math.floor(rand() * 3)] as number,
    ttfbMs: { median, p90: median * (1 + rand() * 3) },
    throughputBytesPerSec: rand() < 0.1 ? null : rand() * 50_000_000,
    protocolErrors: rand() < 0.7 ? 0 : Math.floor(rand() * 5),
    sumdbSupported: [true, false, null][Math.floor(rand() * 3)] as boolean | null,
    tls: rand() < 0.2 ? null : tls(days, rand() < 0.1 ? 'self-signed' : null),
  });
}
