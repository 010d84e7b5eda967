// The Benchmark view's model: the stream's benchmark events folded into one row per candidate
// (which sample, which phase, where the time went), and a finished report turned into the same
// rows, so a page opened after the run shows what a page that watched it shows.
import type { CandidateResult } from '../bench/aggregate.js';
import type { CandidateKind, Phase, ProbeFailure, ProbeSample } from '../bench/types.js';
import type { BenchProgressEvent } from '../contract/stream.js';

export const PHASES: readonly Phase[] = ['dns', 'connect', 'tls', 'ttfb', 'transfer'];
export type PhaseTotals = Record<Phase, number>;

export type BenchRowStatus = 'waiting' | 'running' | 'done' | 'cancelled';

export interface BenchRow {
  candidate: string;
  kind: CandidateKind | null;
  status: BenchRowStatus;
  samplesDone: number;
  samplesTotal: number | null;
  /** The phase the running sample is in. */
  phase: Phase | null;
  /** Milliseconds per phase, summed over every request of the finished samples. */
  phases: PhaseTotals;
  /** Samples whose phases are in `phases`. */
  measuredSamples: number;
  okSamples: number;
  /** The latest failure seen (a sample's, then the candidate's most frequent one once done). */
  error: ProbeFailure | null;
  result: CandidateResult | null;
}

const zeroPhases = (): PhaseTotals => ({ dns: 0, connect: 0, tls: 0, ttfb: 0, transfer: 0 });

function waitingRow(candidate: string): BenchRow {
  return { candidate, kind: null, status: 'waiting', samplesDone: 0, samplesTotal: null, phase: null, phases: zeroPhases(), measuredSamples: 0, okSamples: 0, error: null, result: null };
}

/** The rows of a run that just started: every candidate waiting, in the engine's order. */
export function startRows(candidates: readonly string[]): BenchRow[] {
  return candidates.map(waitingRow);
}

/** Where one sample's time went, over all its requests (a reused connection has no dns/connect/tls). */
export function samplePhases(sample: Pick<ProbeSample, 'requests'>): PhaseTotals {
  const t = zeroPhases();
  for (const r of sample.requests) {
    t.dns += r.dnsMs ?? 0;
    t.connect += r.connectMs ?? 0;
    t.tls += r.tlsMs ?? 0;
    t.ttfb += r.ttfbMs ?? 0;
    t.transfer += r.transferMs ?? 0;
  }
  return t;
}

function update(rows: readonly BenchRow[], candidate: string, change: (row: BenchRow) => BenchRow): BenchRow[] {
  const at = rows.findIndex((r) => r.candidate === candidate);
  if (at < 0) return [...rows, change(waitingRow(candidate))];
  const next = [...rows];
  next[at] = change(rows[at]!);
  return next;
}

/** One benchmark event applied to the rows (pure: returns new rows, the old ones are untouched). */
export function applyBenchEvent(rows: readonly BenchRow[], event: BenchProgressEvent): BenchRow[] {
  switch (event.type) {
    case 'candidate-start':
      return update(rows, event.candidate, (r) => ({ ...r, kind: event.kind, status: 'running', samplesTotal: event.samples }));
    case 'phase':
      return update(rows, event.progress.candidate, (r) => ({ ...r, status: r.status === 'waiting' ? 'running' : r.status, phase: event.progress.phase === 'done' ? null : event.progress.phase }));
    case 'sample-done':
      return update(rows, event.candidate, (r) => {
        const add = samplePhases(event.result);
        const phases = zeroPhases();
        for (const p of PHASES) phases[p] = r.phases[p] + add[p];
        return {
          ...r,
          samplesDone: Math.max(r.samplesDone, event.sample + 1),
          samplesTotal: event.of,
          phases,
          measuredSamples: r.measuredSamples + 1,
          okSamples: r.okSamples + (event.result.ok ? 1 : 0),
          error: event.result.error ?? r.error,
          phase: null,
        };
      });
    case 'candidate-done':
      return update(rows, event.candidate, (r) => ({
        ...r,
        kind: event.result.summary.kind,
        status: event.cancelled ? 'cancelled' : 'done',
        phase: null,
        result: event.result,
        error: event.result.summary.error,
      }));
  }
}

/** Rows for a finished report (no per-phase data survives in the report, only the summary). */
export function rowsFromReport(results: readonly CandidateResult[], cancelled: boolean): BenchRow[] {
  return results.map((result) => ({
    ...waitingRow(result.summary.candidate),
    kind: result.summary.kind,
    status: cancelled ? 'cancelled' : 'done',
    samplesDone: result.summary.samples,
    samplesTotal: result.summary.samples,
    okSamples: Math.round(result.summary.successRate * result.summary.samples),
    error: result.summary.error,
    result,
  }));
}

/**
 * The rows of a run this page watched, once its report is in: the report's figures, complete
 * whichever arrived first (the stream's last events or the report), with the phase timings the
 * page collected from the events (the report keeps none).
 */
export function finishedRows(watched: readonly BenchRow[], results: readonly CandidateResult[], cancelled: boolean): BenchRow[] {
  return rowsFromReport(results, cancelled).map((row) => {
    const live = watched.find((w) => w.candidate === row.candidate);
    return live !== undefined && live.measuredSamples > 0 ? { ...row, phases: live.phases, measuredSamples: live.measuredSamples } : row;
  });
}

export interface PhaseSegment {
  phase: Phase;
  /** Average per sample, ms. */
  ms: number;
  /** Share of the bar, 0..1. */
  share: number;
}

/** The phase breakdown bar of one row: average ms per sample, and each phase's share; [] when nothing was measured. */
export function phaseSegments(row: Pick<BenchRow, 'phases' | 'measuredSamples'>): PhaseSegment[] {
  if (row.measuredSamples === 0) return [];
  const total = PHASES.reduce((s, p) => s + row.phases[p], 0);
  if (total <= 0) return [];
  return PHASES.filter((p) => row.phases[p] > 0).map((phase) => ({ phase, ms: row.phases[phase] / row.measuredSamples, share: row.phases[phase] / total }));
}

/** Best first once scored; rows still running keep their start order after the scored ones. */
export function orderRows(rows: readonly BenchRow[]): BenchRow[] {
  const scored = rows.filter((r) => r.result !== null && r.status === 'done').sort((a, b) => b.result!.score - a.result!.score || (a.candidate < b.candidate ? -1 : 1));
  return [...scored, ...rows.filter((r) => !scored.includes(r))];
}
