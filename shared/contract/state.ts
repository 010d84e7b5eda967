// The application state the main process owns and every UI replicates read-only.
// Plain JSON (it crosses IPC and HTTP) and free of secrets: every value that may hold a URL
// with credentials is redacted before it enters the state (see redact.ts).

export type ConfigSource = 'os-env' | 'env-file' | 'goroot-env' | 'default' | 'derived';

export interface ConfigVarView {
  name: string;
  value: string;
  source: ConfigSource;
  /** The file, for env-file and goroot-env values. */
  path: string | null;
  /** Values set in lower sources that this one hides, highest first. */
  shadows: { source: ConfigSource; value: string; path: string | null }[];
}

export type ChainEntryView =
  | { kind: 'proxy'; url: string; fallBackOnError: boolean }
  | { kind: 'direct' | 'off'; fallBackOnError: boolean };

/** The effective Go configuration, as go itself would read it. */
export interface GoConfigView {
  /** When it was read (epoch milliseconds). */
  readAt: number;
  go: { binary: string; version: string; goroot: string } | null;
  goError: string | null;
  envFilePath: string | null;
  vars: ConfigVarView[];
  /** GOPROXY parsed the way go parses it; empty with chainError set when go would reject it. */
  chain: ChainEntryView[];
  chainError: string | null;
  chainWarnings: string[];
}

export type ModuleFile = 'info' | 'mod' | 'zip';

export interface ExplainStepView {
  request: ModuleFile;
  entry: string;
  outcome: 'ok' | 'notFound' | 'error' | 'skipped';
  status: number | null;
  error: string | null;
  fallBackOnError: boolean;
  why: string;
}

/** What go would do for one module, walked live against the chain. */
export interface ExplainView {
  module: string;
  requestedVersion: string | null;
  /** The version go settles on (the one asked for, or the latest the serving entry reported). */
  version: string | null;
  goproxy: string;
  steps: ExplainStepView[];
  servedBy: string | null;
  error: string | null;
  fix: string | null;
  startedAt: number;
  finishedAt: number;
}

export interface AppState {
  /** Increases with every change; the stream's patches name the revision they apply to. */
  revision: number;
  config: { loading: boolean; view: GoConfigView | null; error: string | null };
  explain: {
    running: { module: string; version: string | null } | null;
    last: ExplainView | null;
    error: string | null;
  };
}

export const INITIAL_STATE: AppState = {
  revision: 0,
  config: { loading: false, view: null, error: null },
  explain: { running: null, last: null, error: null },
};
