// THE contract between the UI and the engine: one object, from which everything derives.
// - main registers one IPC handler per key (electron/app/ipc.ts),
// - the preload exposes one method per key (electron/preload/bridge.ts),
// - the headless server serves one route per key (electron/core/headless/routes.ts),
// - both renderer clients implement `Api` (renderer/bridge/).
// Adding a command = one entry here + one handler in electron/core/service/handlers.ts;
// the compiler then points at every side that lacks it, and test/unit/app/contract-conformance
// fails if a side serves a key that is not here.
//
// Kinds: `command` (request → response, may change the state), `state` (the current state,
// read-only) and `stream` (a snapshot, then patches and events; see stream.ts).
import { checkModulePath } from '../go/escape.js';
import { isCanonicalSemver } from '../go/semver.js';
import type { Envelope } from './envelope.js';
import { networkRuleSchema, profileId, profileSchema, settingsSchema } from './request-schemas.js';
import { HISTORY_RESOLUTIONS, type BenchmarkStartedView, type CliToolView, type CredentialsView, type HistorySeriesView, type UndoView } from './responses.js';
import { array, boolean, integer, nullable, number, object, oneOf, phantom, refine, string, type CheckResult, type Phantom, type Schema } from './schema.js';
import type {
  AppSettings,
  ApplyView,
  CredentialView,
  DoctorFixView,
  EntryHealthView,
  ExplainView,
  FindingView,
  GoConfigView,
  ProfileView,
  SubscriptionView,
  SwitchView,
  WatchEventView,
  AppState,
} from './state.js';
import type { StreamMessage } from './stream.js';

export interface CommandSpec<Req, Res> {
  readonly kind: 'command';
  readonly request: Schema<Req>;
  readonly response: Phantom<Res>;
  /** One line for humans (the headless server's index of routes, the docs). */
  readonly summary: string;
}
export interface StateSpec {
  readonly kind: 'state';
  readonly summary: string;
}
export interface StreamSpec {
  readonly kind: 'stream';
  readonly summary: string;
}
export type ContractSpec = CommandSpec<unknown, unknown> | StateSpec | StreamSpec;

function command<Req, Res>(summary: string, request: Schema<Req>, response: Phantom<Res>): CommandSpec<Req, Res> {
  return { kind: 'command', summary, request, response };
}

const modulePath = refine(string({ minLength: 1, maxLength: 500 }), (p) => {
  const problem = checkModulePath(p);
  return problem === null ? null : `is not a valid module path (${problem})`;
});
const subscriptionSource = string({ minLength: 1, maxLength: 2000 });
const canonicalVersion = refine(string({ minLength: 1, maxLength: 200 }), (v) =>
  isCanonicalSemver(v) ? null : 'must be a full semantic version such as v1.2.3 (or null for the latest)',
);

export const CONTRACT = {
  state: { kind: 'state', summary: 'The current application state' },
  stream: { kind: 'stream', summary: 'The state as a snapshot, then patches and events' },
  rereadAll: command(
    'Re-read everything the state is derived from (the Go configuration, profiles, settings, apply history; the doctor if it has run), as when the window regains focus',
    object({}),
    phantom<{ revision: number }>(),
  ),
  refreshConfig: command('Re-read the effective Go configuration, as go reads it', object({}), phantom<GoConfigView>()),
  explain: command(
    'Walk the GOPROXY chain for a module exactly as go would, and say what it would do',
    object({ module: modulePath, version: nullable(canonicalVersion) }),
    phantom<ExplainView>(),
  ),

  // Profiles (electron/core/profiles); switching goes through the use engine (electron/core/use).
  refreshProfiles: command('Re-read the profiles (built-in, yours and subscribed) into the state', object({}), phantom<ProfileView[]>()),
  switchProfile: command(
    'Apply a profile (go env file and shells, one undoable apply) and verify it with the real go',
    object({ id: profileId }),
    phantom<SwitchView>(),
  ),
  applyRecommendation: command(
    "Apply the last benchmark's recommendation: the active profile with the recommended chain, saved as \"recommended\" and switched to",
    object({}),
    phantom<SwitchView>(),
  ),
  createProfile: command('Add a new profile of yours', object({ profile: profileSchema }), phantom<ProfileView>()),
  updateProfile: command('Replace one of your profiles (built-in and subscribed ones are read-only)', object({ profile: profileSchema }), phantom<ProfileView>()),
  deleteProfile: command('Delete one of your profiles', object({ id: profileId }), phantom<{ id: string }>()),
  duplicateProfile: command(
    'Copy any profile under a new id, as a profile of yours',
    object({ id: profileId, newId: profileId, name: nullable(string({ minLength: 1, maxLength: 200 })) }),
    phantom<ProfileView>(),
  ),
  importProfiles: command(
    'Import every profile of a JSON document (all are validated before any is stored)',
    object({ text: string({ minLength: 1, maxLength: 60_000 }), replace: boolean() }),
    phantom<ProfileView[]>(),
  ),
  exportProfile: command('A profile as the JSON document `goproxyctl profiles export` writes', object({ id: profileId }), phantom<{ id: string; text: string }>()),
  subscribeProfiles: command(
    "Subscribe to a team's profile document (an http(s) URL or a file path), fetched once now and then every intervalHours",
    object({ source: subscriptionSource, intervalHours: number({ min: 1, max: 720 }) }),
    phantom<SubscriptionView>(),
  ),
  unsubscribeProfiles: command('Stop a subscription and remove the profiles it provided', object({ source: subscriptionSource }), phantom<{ source: string }>()),
  refreshSubscriptions: command(
    'Fetch every subscription now; a failed one keeps its profiles and records the error',
    object({}),
    phantom<SubscriptionView[]>(),
  ),

  // The doctor (electron/core/doctor, shared/doctor).
  runDoctor: command('Check the configuration for shadowed or broken settings; findings land in the state', object({}), phantom<FindingView[]>()),
  fixFinding: command(
    'Fix one finding the doctor can fix by itself (an undoable apply)',
    object({ key: string({ minLength: 1, maxLength: 200 }) }),
    phantom<DoctorFixView>(),
  ),

  // Applies and undo (electron/core/apply).
  refreshApplies: command('Re-read the history of applies into the state', object({}), phantom<ApplyView[]>()),
  undoLastApply: command(
    'Restore, byte for byte, every file the last apply changed (force: even files edited since)',
    object({ force: boolean() }),
    phantom<UndoView>(),
  ),

  // Latency history (electron/core/history): a query, not state (it can be a month of minutes).
  queryHistory: command(
    'Latency series per candidate over a window (null candidate: every candidate recorded)',
    object({
      candidate: nullable(string({ minLength: 1, maxLength: 2000 })),
      from: integer({ min: 0, max: 8_640_000_000_000_000 }),
      to: integer({ min: 0, max: 8_640_000_000_000_000 }),
      resolution: oneOf(HISTORY_RESOLUTIONS),
    }),
    phantom<HistorySeriesView[]>(),
  ),

  // Settings and the watcher (electron/core/watch, shared/repair).
  updateSettings: command(
    'Replace the settings (auto-repair and its tolerances and network rules, language, theme, launch at login)',
    object({ settings: settingsSchema }),
    phantom<AppSettings>(),
  ),
  checkNetworkRule: command('Check one network rule without saving it (null: it is fine)', object({ rule: networkRuleSchema }), phantom<{ problem: null }>()),
  testNow: command('Probe every proxy of the active chain once; the results land in the state', object({}), phantom<Record<string, EntryHealthView>>()),
  repairNow: command('Run one repair round now (probe, decide, apply if better), whatever the settings', object({}), phantom<WatchEventView | null>()),

  // Credentials (electron/core/secrets): the secret goes in, never comes back.
  refreshCredentials: command('List the stored credentials (origin and user) and the keychain status', object({}), phantom<CredentialsView>()),
  setCredential: command(
    'Store the credential for a private proxy in the OS keychain',
    object({ origin: string({ minLength: 1, maxLength: 500 }), user: string({ minLength: 1, maxLength: 200 }), secret: string({ minLength: 1, maxLength: 4096 }) }),
    phantom<CredentialView>(),
  ),
  removeCredential: command('Remove the credential of a proxy from the keychain', object({ origin: string({ minLength: 1, maxLength: 500 }) }), phantom<{ removed: boolean }>()),

  // The benchmark (electron/core/bench): progress arrives as stream events, the report in the state.
  startBenchmark: command(
    'Start a benchmark (null proxies: the public catalog plus the current GOPROXY; project: a Go module directory whose graph the ranking is for, null for the representative one)',
    object({
      proxies: nullable(array(string({ minLength: 1, maxLength: 2000 }), { maxItems: 50 })),
      samples: integer({ min: 1, max: 20 }),
      project: nullable(string({ minLength: 1, maxLength: 4096 })),
    }),
    phantom<BenchmarkStartedView>(),
  ),
  cancelBenchmark: command('Cancel the running benchmark', object({}), phantom<{ cancelled: boolean }>()),

  // The command-line tool on PATH (electron/core/cli-install), as VS Code installs `code`.
  cliToolStatus: command('Whether the command-line tool is installed on PATH, and where it would go', object({}), phantom<CliToolView>()),
  installCliTool: command("Put `goproxyctl` on PATH: a link to the launcher that runs the CLI with the app's own binary", object({}), phantom<CliToolView>()),
  uninstallCliTool: command('Remove what "Install command-line tool" put on PATH, and nothing else', object({}), phantom<CliToolView>()),
} as const satisfies Record<string, ContractSpec>;

export type Contract = typeof CONTRACT;
export type ContractKey = keyof Contract;
type KeysOfKind<Kind> = { [K in ContractKey]: Contract[K] extends { kind: Kind } ? K : never }[ContractKey];
export type CommandKey = KeysOfKind<'command'>;
export type RequestOf<K extends CommandKey> = Contract[K] extends { request: Schema<infer Req> } ? Req : never;
export type ResponseOf<K extends CommandKey> = Contract[K] extends { response: Phantom<infer Res> } ? Res : never;

export type Unsubscribe = () => void;
export type StreamListener = (message: StreamMessage) => void;

/** What the renderer calls: commands resolve with their response or throw a ContractError. */
export type Api = {
  [K in ContractKey]: Contract[K] extends { kind: 'command' }
    ? (request: RequestOf<K & CommandKey>) => Promise<ResponseOf<K & CommandKey>>
    : Contract[K] extends { kind: 'state' }
      ? () => Promise<AppState>
      : (listener: StreamListener) => Unsubscribe;
};

/** What the preload exposes (window.goproxyctl): the same keys, errors as data (see envelope.ts). */
export type PreloadApi = {
  [K in ContractKey]: Contract[K] extends { kind: 'command' }
    ? (request: RequestOf<K & CommandKey>) => Promise<Envelope<ResponseOf<K & CommandKey>>>
    : Api[K];
};

/** The main process's side: one handler per command. */
export type CommandHandlers<Ctx> = {
  [K in CommandKey]: (request: RequestOf<K>, ctx: Ctx) => Promise<ResponseOf<K>>;
};

export const CONTRACT_KEYS = Object.keys(CONTRACT) as ContractKey[];
export const COMMAND_KEYS = CONTRACT_KEYS.filter((k): k is CommandKey => CONTRACT[k].kind === 'command');

/** The name under which the preload exposes the PreloadApi in the renderer's main world. */
export const BRIDGE_GLOBAL = 'goproxyctl';

/** The IPC channel of a key: derived, never written by hand. */
export function channelOf(key: ContractKey): string {
  return `goproxyctl:${key}`;
}

/** The headless server's route of a key: commands are POSTed, state and stream are GETs. */
export function routeOf(key: ContractKey): { method: 'GET' | 'POST'; path: string } {
  return { method: CONTRACT[key].kind === 'command' ? 'POST' : 'GET', path: `/api/${key}` };
}

export function isContractKey(value: unknown): value is ContractKey {
  return typeof value === 'string' && Object.hasOwn(CONTRACT, value);
}

export function isCommandKey(value: unknown): value is CommandKey {
  return isContractKey(value) && CONTRACT[value].kind === 'command';
}

/** Checks an untrusted request against the command's request shape. */
export function checkRequest<K extends CommandKey>(key: K, raw: unknown): CheckResult<RequestOf<K>> {
  return (CONTRACT[key].request as Schema<RequestOf<K>>).check(raw, 'request');
}
