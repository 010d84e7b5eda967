// Response shapes that are answers only (they do not live in the state).
import type { CredentialView, KeychainStatusView } from './state.js';

export interface UndoView {
  /** The apply that was undone, or null when there was none. */
  undone: { id: string; label: string; appliedAt: string; files: string[] } | null;
  /** The profile in effect after the undo (the newest `use` still applied), or null. */
  activeProfile: string | null;
}

export const HISTORY_RESOLUTIONS = ['raw', 'minute', 'hour'] as const;
export type HistoryResolutionView = (typeof HISTORY_RESOLUTIONS)[number];

/** One candidate's latency over a window (the history store's HistorySeries plus its uptime). */
export interface HistorySeriesView {
  candidate: string;
  resolution: HistoryResolutionView;
  /** Unix seconds (uPlot's unit). */
  times: number[];
  median: (number | null)[];
  p90: (number | null)[];
  failures: number[];
  samples: number[];
  /** Successful probes / all probes in the window, 0..1; null without probes. */
  uptime: number | null;
}

export interface CredentialsView {
  list: CredentialView[];
  status: KeychainStatusView;
}

export interface BenchmarkStartedView {
  startedAt: number;
  candidates: string[];
}
