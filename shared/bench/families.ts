// IPv4 and IPv6 measured apart, where a host has both: go dials the family its resolver sorts
// first and falls back to the other only after a delay (net.Dialer's FallbackDelay, 300 ms), so a
// slow or dead family costs the user time even when the other is fine. Pure: figures per family
// from the samples, and whether the difference is worth showing.
import type { Distribution } from './stats.js';
import { estimateFetch, REPRESENTATIVE_WORKLOAD, type Workload } from './estimate.js';
import { summarizeSamples } from './summary.js';
import type { CandidateKind, FailureKind, ProbeSample } from './types.js';

/** One family's figures, the same quantities as the candidate's row. */
export interface FamilyFigures {
  samples: number;
  successRate: number;
  ttfbMs: Distribution | null;
  setupMs: number | null;
  throughputBytesPerSec: number | null;
  /** The real go's estimated time for the workload over this family alone; null when it never worked. */
  estimateMs: number | null;
  /** The most frequent failure's kind, null when every sample worked. */
  error: FailureKind | null;
}

export interface FamilySplit {
  ipv4: FamilyFigures;
  ipv6: FamilyFigures;
}

/** Times closer than this share of the faster one are the same for the user. */
export const FAMILY_MATERIAL_SHARE = 0.2;
/**
 * ...and closer than this, whatever the share: a first byte a few ms apart, times the hundreds of
 * requests of a graph, is within what two runs of the same family differ by.
 */
export const FAMILY_MATERIAL_MS = 1_000;

function figures(candidate: string, kind: CandidateKind, samples: readonly ProbeSample[], workload: Workload): FamilyFigures {
  const s = summarizeSamples(candidate, kind, samples);
  const est = estimateFetch(s, workload);
  return {
    samples: s.samples,
    successRate: s.successRate,
    ttfbMs: s.ttfbMs,
    setupMs: s.setupMs ?? null,
    throughputBytesPerSec: s.throughputBytesPerSec,
    estimateMs: est.ms,
    error: s.error?.kind ?? null,
  };
}

/** Figures per family when samples of both were taken, else null. */
export function splitByFamily(candidate: string, kind: CandidateKind, samples: readonly ProbeSample[], workload: Workload = REPRESENTATIVE_WORKLOAD): FamilySplit | null {
  const v4 = samples.filter((s) => s.family === 'ipv4');
  const v6 = samples.filter((s) => s.family === 'ipv6');
  if (v4.length === 0 || v6.length === 0) return null;
  return { ipv4: figures(candidate, kind, v4, workload), ipv6: figures(candidate, kind, v6, workload) };
}

/** Whether the families differ enough to show: one works and the other does not, or their times differ by ≥ 20 % and ≥ 1 s. */
export function familiesDiffer(split: FamilySplit): boolean {
  const a = split.ipv4.estimateMs;
  const b = split.ipv6.estimateMs;
  if (a === null || b === null) return a !== b;
  const gap = Math.abs(a - b);
  return gap >= FAMILY_MATERIAL_MS && gap >= FAMILY_MATERIAL_SHARE * Math.min(a, b);
}
