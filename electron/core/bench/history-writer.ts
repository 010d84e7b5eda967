// Every sample of a benchmark goes into the latency history (electron/core/history): one record
// per sample, so charts get every measurement rather than one point per run.
import { summarizeSamples } from '../../../shared/bench/summary.js';
import type { ProbeSample } from '../../../shared/bench/types.js';
import { HistoryStore, defaultHistoryDir, recordFromSummary, type HistoryRecord } from '../history/index.js';

/** The history record of one sample (the candidate's URL as the benchmark reports it). */
export function recordOfSample(candidate: string, sample: ProbeSample): HistoryRecord {
  return recordFromSummary(summarizeSamples(candidate, sample.kind, [sample]), sample.startedAt, 'benchmark');
}

/** The records of a finished candidate's samples (cancelled ones say nothing and are left out). */
export function recordsOfSamples(candidate: string, samples: readonly ProbeSample[]): HistoryRecord[] {
  return samples.filter((s) => s.error?.kind !== 'cancelled').map((s) => recordOfSample(candidate, s));
}

/** Appends the records to the store in `dir` (default: the app's data directory). */
export async function appendHistory(records: readonly HistoryRecord[], dir: string = defaultHistoryDir()): Promise<number> {
  if (records.length === 0) return 0;
  const store = await HistoryStore.open(dir);
  await store.append(records);
  return records.length;
}
