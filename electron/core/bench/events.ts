// The benchmark's progress stream: what the CLI's live rows and the app's UI consume.
import type { CandidateResult } from '../../../shared/bench/aggregate.js';
import type { CandidateKind, ProbeProgress, ProbeSample } from '../../../shared/bench/types.js';

export type BenchEvent =
  /** A candidate's first sample is starting. */
  | { type: 'candidate-start'; candidate: string; kind: CandidateKind; index: number; samples: number }
  /** A phase of a request of a sample (the probe's own progress event). */
  | { type: 'phase'; progress: ProbeProgress }
  /** One sample finished (`sample` counts from 1). */
  | { type: 'sample-done'; candidate: string; sample: number; of: number; result: ProbeSample }
  /** Every sample of a candidate finished (or it was cancelled): its summary and score. */
  | { type: 'candidate-done'; candidate: string; index: number; result: CandidateResult; cancelled: boolean };

export type BenchListener = (event: BenchEvent) => void;
