// The application state the main process owns and every UI replicates read-only.
// Plain JSON (it crosses IPC and HTTP) and free of secrets: every value that may hold a URL
// with credentials is redacted before it enters the state (see redact.ts).
import type { Finding } from '../doctor/types.js';
import type { Message } from '../i18n/message.js';
import type { Profile } from '../profile/types.js';
import { DEFAULT_REPAIR_SETTINGS, type RepairSettings } from '../repair/decide.js';
import type { WatchEvent } from '../repair/events.js';
import type { BenchmarkReport } from '../bench/report.js';
import type { UiLocale } from '../ui/appearance.js';

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
  outcome: 'ok' | 'notFound' | 'error' | 'skipped' | 'hang';
  status: number | null;
  error: string | null;
  fallBackOnError: boolean;
  /** Why go moved on or stopped here: a message the UI renders in its language (explain.step.*). */
  why: Message;
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
  /** served, failed (go reports an error) or hang (go waits forever at the last step). */
  outcome: 'served' | 'failed' | 'hang';
  /** go's error, verbatim (not translated). */
  error: string | null;
  /** The advice (explain.fix.*, explain.auth.*, explain.checksum.*), rendered by the UI. */
  fix: Message | null;
  startedAt: number;
  finishedAt: number;
}

/** One profile as the UI lists it (profiles never hold secrets: validateProfile refuses them). */
export interface ProfileView {
  profile: Profile;
  origin: 'builtin' | 'user' | 'subscription';
  /** The subscription source, for subscribed profiles. */
  subscription: string | null;
  active: boolean;
  /** Why it cannot be applied yet (a placeholder to fill in...); empty when it can. */
  blockers: string[];
}

/** A team's published profile document the user subscribed to (credentials in the URL redacted). */
export interface SubscriptionView {
  /** The URL (redacted) or absolute file path. */
  source: string;
  intervalHours: number;
  /** ISO times; null before the first attempt / success. */
  lastAttempt: string | null;
  lastSuccess: string | null;
  /** The last refresh's failure in one sentence; null after a success. */
  lastError: string | null;
  /** The profiles it provides (kept from the last success when a refresh fails). */
  profileIds: string[];
}

/** One variable that does not have the profile's value after a switch, and who sets it. */
export interface MismatchView {
  /** clean: a new process; bash, zsh, fish: a new terminal of that shell; current: the process goproxyctl runs in. */
  context: 'clean' | 'bash' | 'zsh' | 'fish' | 'current';
  variable: string;
  /** The profile's value; null: unset. */
  expected: string | null;
  actual: string;
  /** Where the winning value comes from (os-env, env-file, goroot-env, ...). */
  source: string;
  path: string | null;
  line: number | null;
}

/** What switching to a profile did: the files written (one undoable apply) and go's verdict. */
export interface SwitchView {
  profileId: string;
  applyId: string | null;
  files: string[];
  /** True when the real go (and a new bash) see the profile. */
  verified: boolean;
  /** What still overrides the profile, in words (English, the CLI's). */
  mismatches: string[];
  /** The same, as facts the UI words in the user's language; absent from older states. */
  mismatchDetails?: MismatchView[];
  notes: string[];
  finishedAt: number;
}

/** A doctor finding, with a key that names it for "fix this one" (rule id + variable). */
export interface FindingView extends Finding {
  key: string;
  /** The doctor can fix it by itself (moving rc-file lines into the managed block). */
  fixable: boolean;
}

export interface DoctorFixView {
  key: string;
  moved: Record<string, string>;
  commented: string[];
  skipped: string[];
  warnings: string[];
  applyId: string | null;
}

/** One entry of the apply history (newest first in the state). */
export interface ApplyView {
  id: string;
  time: string;
  label: string;
  status: 'pending' | 'committed' | 'rolled-back' | 'undone';
  files: string[];
}

/** The latest measurement of one chain entry, from a probe round or a benchmark. */
export interface EntryHealthView {
  ok: boolean;
  /** First-byte latency for a benchmark, the probe's duration for a probe round; null if none. */
  latencyMs: number | null;
  checkedAt: number;
  error: string | null;
  /** Why it failed as an id (the probe's failure kind, the HTTP status), for the UI to word; absent from older states. */
  failure?: { kind: string; status: number | null } | null;
  source: 'probe' | 'benchmark';
  /** The probe module when the proxy answered 404/410 for it: reachable (ok), shown amber, "does not have <module>". */
  missingModule?: string | null;
}

/** The watcher's events: the one definition in shared/repair/events.ts. */
export type WatchEventView = WatchEvent;

/** The repair policy (shared/repair) plus whether auto-repair runs at all. */
export type AutoRepairSettings = RepairSettings & { enabled: boolean };

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export interface AppSettings {
  autoRepair: AutoRepairSettings;
  language: (typeof LANGUAGES)[number];
  theme: (typeof THEMES)[number];
  launchAtLogin: boolean;
  /** The module probes, benchmarks and the watcher ask every proxy for ("path@version"); null: the built-in default (shared/bench/probe-module.ts). */
  probeModule: string | null;
}

export interface CredentialView {
  origin: string;
  user: string;
}

export interface KeychainStatusView {
  available: boolean;
  /** e.g. "Secret Service"; null when unavailable. */
  backend: string | null;
  /** The sentence that names the fix, when unavailable (English: the CLI's words). */
  problem: string | null;
  /** Why, as an id the UI words in the user's language (unavailable, locked, no-collection, foreign-item, failed). */
  problemId?: string | null;
  /** The same sentence as a message (shared/i18n), for the problems the UI has no words of its own for. */
  problemMessage?: Message | null;
}

/**
 * A finished benchmark as the UI sees it: the engine's report without its bookkeeping, plus the
 * recommendation's reasons in each UI language (the recommendation engine words them itself,
 * shared/bench/recommend.ts), so a change of language needs no new run.
 */
export type BenchmarkView = Omit<BenchmarkReport, 'recorded'> & { reasonsByLocale?: Record<UiLocale, string[]> };

/** One upstream of the local relay's chain, as the relay measured it. */
export interface RelayUpstreamView {
  /** The upstream URL (redacted). */
  url: string;
  /** cooling: it just failed and is skipped until coolUntil (epoch ms), then re-probed. */
  state: 'healthy' | 'cooling';
  coolUntil: number | null;
  requests: number;
  failures: number;
  firstByteP90Ms: number | null;
}

/** The local relay the service runs while the active profile goes through it (docs/relay.md). */
export interface RelayView {
  /** off: the active chain does not use the relay; up: it serves; down: wanted but not running (see error). */
  status: 'off' | 'up' | 'down';
  /** The port go asks first (http://127.0.0.1:<port>); null when off. */
  port: number | null;
  /** The URL it serves on; null unless up. */
  url: string | null;
  /** The chain it walks (redacted); null unless up. */
  chain: string | null;
  /** Since the relay started. */
  requests: number;
  cacheHits: number;
  cacheBytes: number;
  upstreams: RelayUpstreamView[];
  error: string | null;
  /** When these figures were taken (epoch ms); null before the first reading. */
  updatedAt: number | null;
}

export const RELAY_OFF: RelayView = { status: 'off', port: null, url: null, chain: null, requests: 0, cacheHits: 0, cacheBytes: 0, upstreams: [], error: null, updatedAt: null };

export interface AppState {
  /** Increases with every change; the stream's patches name the revision they apply to. */
  revision: number;
  config: { loading: boolean; view: GoConfigView | null; error: string | null };
  explain: {
    running: { module: string; version: string | null } | null;
    last: ExplainView | null;
    error: string | null;
  };
  profiles: {
    list: ProfileView[];
    active: string | null;
    loaded: boolean;
    error: string | null;
    /** Read with the list; optional only so states built before subscriptions existed still type-check. */
    subscriptions: SubscriptionView[];
  };
  /** The profile switch in progress (through the use engine) and the last one. */
  switching: { running: string | null; last: SwitchView | null; error: string | null };
  doctor: { running: boolean; findings: FindingView[] | null; checkedAt: number | null; lastFix: DoctorFixView | null; error: string | null };
  applies: { list: ApplyView[]; error: string | null };
  settings: AppSettings;
  watch: {
    /** A probe or repair round is running. */
    running: boolean;
    /** The last repair or keep decision. */
    lastDecision: WatchEventView | null;
    lastError: string | null;
  };
  /** Latest measurement per candidate URL (redacted), from probe rounds and benchmarks. */
  health: Record<string, EntryHealthView>;
  credentials: { list: CredentialView[]; status: KeychainStatusView | null; error: string | null };
  benchmark: { running: { startedAt: number; candidates: string[] } | null; last: BenchmarkView | null; error: string | null };
  /**
   * The local relay, updated at most about once a second while it serves. Optional only so states
   * built before the relay existed still type-check; the service always sets it.
   */
  relay?: RelayView;
}

export const DEFAULT_SETTINGS: AppSettings = {
  // Off until the user turns it on: repairs rewrite their files.
  autoRepair: { enabled: false, ...DEFAULT_REPAIR_SETTINGS },
  language: 'system',
  theme: 'system',
  launchAtLogin: false,
  probeModule: null,
};

export const INITIAL_STATE: AppState = {
  revision: 0,
  config: { loading: false, view: null, error: null },
  explain: { running: null, last: null, error: null },
  profiles: { list: [], active: null, loaded: false, error: null, subscriptions: [] },
  switching: { running: null, last: null, error: null },
  doctor: { running: false, findings: null, checkedAt: null, lastFix: null, error: null },
  applies: { list: [], error: null },
  settings: DEFAULT_SETTINGS,
  watch: { running: false, lastDecision: null, lastError: null },
  health: {},
  credentials: { list: [], status: null, error: null },
  benchmark: { running: null, last: null, error: null },
  relay: RELAY_OFF,
};
