// The state stream: a snapshot first, then patches (top-level keys replaced, batched per tick),
// and events for things that are not state (notices now; high-rate progress samples later).
// Patches name the revision they build on, so a replica that missed one asks for a snapshot
// instead of drifting silently.
import type { CandidateResult } from '../bench/aggregate.js';
import type { CandidateKind, ProbeProgress, ProbeSample } from '../bench/types.js';
import type { AppState, WatchEventView } from './state.js';

export type NoticeCode =
  /** The effective GOPROXY differs from the previous read (someone ran `go env -w`, edited a file...). */
  | 'goproxy-changed'
  /** The configuration could not be read (go missing or failing). */
  | 'config-unreadable';

/** A benchmark's progress (electron/core/bench's BenchEvent): high-rate, so events, never state. */
export type BenchProgressEvent =
  | { type: 'candidate-start'; candidate: string; kind: CandidateKind; index: number; samples: number }
  | { type: 'phase'; progress: ProbeProgress }
  | { type: 'sample-done'; candidate: string; sample: number; of: number; result: ProbeSample }
  | { type: 'candidate-done'; candidate: string; index: number; result: CandidateResult; cancelled: boolean };

export type AppEvent =
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; code: NoticeCode; params: Record<string, string> }
  /** One step of a running benchmark (the report itself lands in the state). */
  | { type: 'bench'; event: BenchProgressEvent }
  /** What the watcher did: probes, network changes, repairs (notifications), keeps and errors. */
  | { type: 'watch'; event: WatchEventView };

export type StateChanges = Partial<Omit<AppState, 'revision'>>;

export type StreamMessage =
  | { type: 'snapshot'; state: AppState }
  | { type: 'patch'; base: number; revision: number; changes: StateChanges }
  | { type: 'event'; event: AppEvent };

/** The top-level keys whose value changed (by identity: the store never mutates in place). */
export function diffState(prev: AppState, next: AppState): StateChanges {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof AppState)[]) {
    if (key !== 'revision' && prev[key] !== next[key]) changes[key] = next[key];
  }
  return changes;
}

export type ReplicaStep = { kind: 'replace'; state: AppState } | { kind: 'ignore' } | { kind: 'resync' } | { kind: 'event'; event: AppEvent };

/** What a read-only replica does with one message. */
export function applyStreamMessage(replica: AppState | null, message: StreamMessage): ReplicaStep {
  switch (message.type) {
    case 'snapshot':
      return replica !== null && message.state.revision < replica.revision ? { kind: 'ignore' } : { kind: 'replace', state: message.state };
    case 'patch':
      if (replica === null) return { kind: 'resync' };
      if (message.revision <= replica.revision) return { kind: 'ignore' }; // already in a newer snapshot
      if (message.base !== replica.revision) return { kind: 'resync' }; // a patch was missed
      return { kind: 'replace', state: { ...replica, ...message.changes, revision: message.revision } };
    case 'event':
      return { kind: 'event', event: message.event };
  }
}

/** A light structural check for messages arriving from another process or over the network. */
export function isStreamMessage(value: unknown): value is StreamMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'snapshot') return typeof m.state === 'object' && m.state !== null && typeof (m.state as AppState).revision === 'number';
  if (m.type === 'patch') return typeof m.base === 'number' && typeof m.revision === 'number' && typeof m.changes === 'object' && m.changes !== null;
  if (m.type === 'event') return typeof m.event === 'object' && m.event !== null;
  return false;
}
