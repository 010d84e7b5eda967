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

/** The command-line tool on PATH ("Install command-line tool", electron/core/cli-install). */
export interface CliToolView {
  /** Whether this front end can install it; when not, `unavailable` says why. */
  available: boolean;
  /** 'appimage': the app runs from an AppImage, whose files move on every start; 'no-runtime': this front end was started without a way to run the CLI. */
  unavailable: 'appimage' | 'no-runtime' | null;
  /** The launcher the app keeps (runs the CLI with the app's own binary), or null when unavailable. */
  launcher: string | null;
  /** Where install puts it: the link's path, or on Windows the directory added to the user's Path. */
  target: string;
  installed: boolean;
  /** Whether a new terminal finds it: the link's directory is on PATH (POSIX), or our entry is in the user Path (Windows). */
  onPath: boolean;
  /** Something that is not ours already sits at the target (install refuses to replace it). */
  conflict: string | null;
  /** Why the app could not write its launcher at start-up (then GOAUTH cannot use it either), or null. */
  launcherProblem: string | null;
}
