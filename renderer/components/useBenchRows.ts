// The live benchmark rows: the stream's benchmark events folded by shared/ui/bench-rows.ts.
// Kept at the app level, so leaving the Benchmark view and coming back keeps the rows.
import { useEffect, useState } from 'react';
import type { AppState } from '../../shared/contract/state.js';
import { applyBenchEvent, startRows, type BenchRow } from '../../shared/ui/bench-rows.js';
import type { Replica } from '../state/replica.js';

export interface LiveBench {
  /** The run the rows belong to (its start time), or null before any run was seen. */
  startedAt: number | null;
  rows: BenchRow[];
}

export function useBenchRows(replica: Replica, running: AppState['benchmark']['running'] | null): LiveBench {
  const [live, setLive] = useState<LiveBench>({ startedAt: null, rows: [] });
  const startedAt = running?.startedAt ?? null;
  const candidates = running?.candidates;
  useEffect(() => {
    if (startedAt !== null && candidates !== undefined) setLive((l) => (l.startedAt === startedAt ? l : { startedAt, rows: applyAll(startRows(candidates), l.startedAt === null ? l.rows : []) }));
  }, [startedAt, candidates]);
  useEffect(
    () =>
      replica.onActivity((event) => {
        if (event.type === 'bench') setLive((l) => ({ ...l, rows: applyBenchEvent(l.rows, event.event) }));
      }),
    [replica],
  );
  return live;
}

/** Rows that arrived before the run's state did (events can outrun the patch) merged into the fresh rows. */
function applyAll(fresh: BenchRow[], early: BenchRow[]): BenchRow[] {
  return fresh.map((r) => early.find((e) => e.candidate === r.candidate) ?? r);
}
