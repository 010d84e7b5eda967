// What go does for one module: a port of TryProxies (cmd/go/internal/modfetch/proxy.go)
// and lookup (modfetch/repo.go), the same in go 1.19 and 1.23.
//
// The walk is a generator so that a caller performs only the network fetches go would
// actually make: it yields an Attempt, the caller probes and sends back the Outcome.
import { msg, type Message } from '../i18n/message.js';
import { goQuote } from '../util/utf8.js';
import { checkModulePath } from './escape.js';
import { parseGoproxy } from './goproxy.js';
import { matchPrefixPatterns } from './match.js';

/**
 * Where go's HTTP client gives up on its own (net/http's DefaultTransport, which
 * cmd/go/internal/web uses through http.DefaultClient): the dialer's 30 s timeout and the 10 s
 * TLS-handshake timeout. There is no response-header, body or overall timeout, so a server that
 * accepts the connection and never answers (or stops mid-body) makes go wait forever: 'hang'.
 */
export type Stall = 'dial' | 'tls';
export const GO_DIAL_TIMEOUT_S = 30;
export const GO_TLS_HANDSHAKE_TIMEOUT_S = 10;

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'notFound'; status: number | null; message: string }
  /** `stall`: the error comes only after go's own timeout (30 s dial, 10 s TLS handshake). */
  | { kind: 'error'; status: number | null; message: string; stall?: Stall }
  /** Connected, then no response (or a body that stops after `status`): go waits forever. */
  | { kind: 'hang'; message: string; status?: number | null };

/** A network fetch the caller must perform. */
export type Attempt =
  | { entry: string /* normalized proxy url */; kind: 'proxy'; /** the URL as go uses it (default scheme added, credentials kept) */ raw?: string }
  | { entry: 'direct' | 'noproxy'; kind: 'direct' };

export interface ChainStep {
  /** A proxy URL, or one of the keywords 'direct', 'off', 'noproxy'. */
  entry: string;
  outcome: 'ok' | 'notFound' | 'error' | 'skipped' | 'hang';
  status: number | null;
  error: string | null;
  fallBackOnError: boolean;
  /** Seconds go waits at this step before it gives up (its dial or TLS timeout); null when the answer comes at once or never ('hang'). */
  goWaitsSeconds?: number | null;
  /** One sentence: why go moved on or stopped (shared/i18n/parts/explain.ts, explain.step.*). */
  why: Message;
}

/** served: some entry serves the module; failed: go reports an error; hang: go waits forever at the last step. */
export type ChainVerdict = 'served' | 'failed' | 'hang';

export interface ChainResolution {
  module: string;
  steps: ChainStep[];
  /** The proxy URL that served the module, 'direct', or null when none did. */
  servedBy: string | null;
  outcome: ChainVerdict;
  error: string | null;
  /** One-line advice (explain.fix.*), or null when there is nothing to fix (or nothing obvious). */
  fix: Message | null;
}

/** gonoproxy is the effective value (already defaulted from GOPRIVATE). */
export interface ChainConfig {
  goproxy: string;
  gonoproxy: string;
}

/** One element of go's internal proxy list: a user entry, or the hidden "noproxy" step. */
export type ProxySpec =
  | { kind: 'noproxy'; fallBackOnError: false }
  | { kind: 'proxy'; url: string; raw: string; fallBackOnError: boolean; position: number }
  | { kind: 'direct' | 'off'; fallBackOnError: boolean; position: number };

// modfetch/repo.go: these are "not found" errors (errors.Is(err, fs.ErrNotExist)).
export const ERR_PROXY_OFF = 'module lookup disabled by GOPROXY=off';
export const ERR_NOPROXY = 'disabled by GOPRIVATE/GONOPROXY';
export const ERR_USE_PROXY = 'path does not match GOPRIVATE/GONOPROXY';
// cmd/go/internal/web/http.go (1.19 and 1.23): a URL with userinfo on plain http is never fetched.
export const ERR_INSECURE_CREDENTIALS = 'refusing to pass credentials to insecure URL';

/**
 * proxyList(): the hidden "noproxy" entry comes first when GONOPROXY is set and GOPROXY is
 * not exactly "direct"; then the parsed GOPROXY entries (position = 1-based index in GOPROXY).
 */
export function proxySpecs(config: ChainConfig): { ok: true; specs: ProxySpec[] } | { ok: false; error: string } {
  const parsed = parseGoproxy(config.goproxy);
  if (!parsed.ok) return parsed;
  const specs: ProxySpec[] = [];
  if (config.gonoproxy !== '' && config.goproxy !== 'direct') specs.push({ kind: 'noproxy', fallBackOnError: false });
  parsed.value.entries.forEach((entry, i) => {
    if (entry.kind === 'proxy') specs.push({ kind: 'proxy', url: entry.url, raw: entry.raw, fallBackOnError: entry.fallBackOnError, position: i + 1 });
    else specs.push({ kind: entry.kind, fallBackOnError: entry.fallBackOnError, position: i + 1 });
  });
  return { ok: true, specs };
}

// TryProxies' error ranks: direct/noproxy errors are the most helpful, then proxy errors
// other than not-found, then not-found.
const NOT_EXIST_RANK = 0;
const PROXY_RANK = 1;
const DIRECT_RANK = 2;

export function* walkChain(config: ChainConfig, modulePath: string, version?: string): Generator<Attempt, ChainResolution, Outcome> {
  const list = proxySpecs(config);
  if (!list.ok) {
    return { module: modulePath, steps: [], servedBy: null, outcome: 'failed', error: list.error, fix: msg('explain.fix.goproxy-invalid', { error: list.error }) };
  }
  if (modulePath === 'std' || modulePath === 'cmd') {
    const error = `can't query specific version (${goQuote(version ?? 'latest')}) of standard-library module ${goQuote(modulePath)}`;
    return { module: modulePath, steps: [], servedBy: null, outcome: 'failed', error, fix: msg('explain.fix.std') };
  }
  const malformed = checkModulePath(modulePath);
  if (malformed !== null) {
    return { module: modulePath, steps: [], servedBy: null, outcome: 'failed', error: malformed, fix: msg('explain.fix.bad-path') };
  }

  const privateModule = matchPrefixPatterns(config.gonoproxy, modulePath);
  const steps: ChainStep[] = [];
  let bestErr: string | null = null;
  let bestRank = NOT_EXIST_RANK;
  let stoppedAt: StopPoint | null = null;

  for (let i = 0; i < list.specs.length; i++) {
    const spec = list.specs[i];
    if (spec === undefined) break;
    const isLast = i === list.specs.length - 1;
    const entry = specName(spec);
    const outcome = yield* lookupOutcome(spec, privateModule);
    if (outcome.kind === 'ok') {
      steps.push({ entry, outcome: 'ok', status: null, error: null, fallBackOnError: spec.fallBackOnError, goWaitsSeconds: null, why: msg('explain.step.served', { entry: describe(spec) }) });
      return { module: modulePath, steps, servedBy: spec.kind === 'proxy' ? spec.url : 'direct', outcome: 'served', error: null, fix: slowEntryFix(list.specs, steps) };
    }
    if (outcome.kind === 'hang') {
      // No error ever comes back, so neither ',' nor '|' gets a say: the walk ends here.
      steps.push({
        entry, outcome: 'hang', status: null, error: outcome.message, fallBackOnError: spec.fallBackOnError, goWaitsSeconds: null,
        why: outcome.status == null ? msg('explain.step.hang', { entry: describe(spec) }) : msg('explain.step.hang-body', { entry: describe(spec), status: outcome.status }),
      });
      return { module: modulePath, steps, servedBy: null, outcome: 'hang', error: outcome.message, fix: hangFix(spec) };
    }
    const isNotExist = outcome.kind === 'notFound' || outcome.kind === 'skipped' || outcome.kind === 'off';
    const err = outcome.message;

    if (spec.kind === 'direct' || (spec.kind === 'noproxy' && err !== ERR_USE_PROXY)) {
      bestErr = err;
      bestRank = DIRECT_RANK;
    } else if (bestRank <= PROXY_RANK && !isNotExist) {
      bestErr = err;
      bestRank = PROXY_RANK;
    } else if (bestRank === NOT_EXIST_RANK) {
      bestErr = err;
    }

    const stops = !spec.fallBackOnError && !isNotExist;
    const status = outcome.kind === 'notFound' || outcome.kind === 'error' ? outcome.status : null;
    const stall = outcome.kind === 'error' ? outcome.stall ?? null : null;
    steps.push({
      entry,
      outcome: outcome.kind === 'skipped' ? 'skipped' : outcome.kind === 'notFound' ? 'notFound' : 'error',
      status,
      error: err,
      fallBackOnError: spec.fallBackOnError,
      goWaitsSeconds: stall === null ? null : stallSeconds(stall),
      why: explainStep(spec, outcome, stops, isLast),
    });
    if (stops) {
      if (!isLast) stoppedAt = { spec, status, stall, error: err };
      break;
    }
  }
  return { module: modulePath, steps, servedBy: null, outcome: 'failed', error: bestErr, fix: adviseFix(list.specs, steps, stoppedAt, privateModule) };
}

/** Runs walkChain to the end, asking `outcomeOf` for each fetch go would make. */
export function resolveChain(config: ChainConfig, modulePath: string, outcomeOf: (a: Attempt) => Outcome, version?: string): ChainResolution {
  const walk = walkChain(config, modulePath, version);
  let next = walk.next();
  while (!next.done) next = walk.next(outcomeOf(next.value));
  return next.value;
}

interface StopPoint {
  spec: ProxySpec;
  status: number | null;
  stall: Stall | null;
  error: string;
}

type StepOutcome =
  | Outcome
  | { kind: 'skipped'; message: string } // resolved by go without the network (a not-found kind error)
  | { kind: 'off'; message: string };

/** lookup() in repo.go for one list element; yields when go would touch the network. */
function* lookupOutcome(spec: ProxySpec, privateModule: boolean): Generator<Attempt, StepOutcome, Outcome> {
  if (privateModule) {
    if (spec.kind === 'noproxy' || spec.kind === 'direct') return yield* attempt({ entry: spec.kind, kind: 'direct' });
    return { kind: 'skipped', message: ERR_NOPROXY };
  }
  switch (spec.kind) {
    case 'off':
      return { kind: 'off', message: ERR_PROXY_OFF };
    case 'direct':
      return yield* attempt({ entry: 'direct', kind: 'direct' });
    case 'noproxy':
      return { kind: 'skipped', message: ERR_USE_PROXY };
    case 'proxy':
      return yield* attempt({ entry: spec.url, kind: 'proxy', raw: spec.raw });
  }
}

function* attempt(a: Attempt): Generator<Attempt, Outcome, Outcome> {
  const outcome = (yield a) as Outcome | undefined;
  // A caller that resumes without an outcome gets a failure rather than a crash.
  return outcome ?? { kind: 'error', status: null, message: 'no outcome was supplied for this fetch' };
}

function specName(spec: ProxySpec): string {
  return spec.kind === 'proxy' ? spec.url : spec.kind;
}

/** How a step's sentence names the entry ("Entry 2 (https://…)"). */
function describe(spec: ProxySpec): Message {
  switch (spec.kind) {
    case 'proxy': return msg('explain.entry.proxy', { position: spec.position, url: spec.url });
    case 'direct':
    case 'off': return msg('explain.entry.keyword', { position: spec.position, keyword: spec.kind });
    case 'noproxy': return msg('explain.entry.noproxy');
  }
}

function separatorAfter(spec: ProxySpec): string {
  return spec.fallBackOnError ? "'|'" : "','";
}

type FailedStep = Exclude<StepOutcome, { kind: 'ok' } | { kind: 'hang' }>;

function explainStep(spec: ProxySpec, outcome: FailedStep, stops: boolean, isLast: boolean): Message {
  const onward = msg(isLast ? 'explain.onward.last' : 'explain.onward.next');
  const entry = describe(spec);
  switch (outcome.kind) {
    case 'skipped':
      if (spec.kind === 'noproxy') return msg(isLast ? 'explain.step.noproxy-skipped-last' : 'explain.step.noproxy-skipped');
      return msg('explain.step.private-skipped', { entry, onward });
    case 'off':
      return msg('explain.step.off', { entry });
    case 'notFound':
      return outcome.status !== null ? msg('explain.step.not-found-status', { entry, status: outcome.status, onward }) : msg('explain.step.not-found', { entry, onward });
    case 'error': {
      const what = outcome.stall
        ? msg(outcome.stall === 'dial' ? 'explain.what.dial' : 'explain.what.tls', { entry, seconds: stallSeconds(outcome.stall) })
        : outcome.status !== null ? msg('explain.what.failed-status', { entry, status: outcome.status }) : msg('explain.what.failed', { entry });
      if (spec.kind === 'direct') return msg('explain.step.error-direct', { what });
      if (spec.kind === 'noproxy') return msg('explain.step.error-noproxy', { what });
      if (!stops && outcome.stall) return msg('explain.step.error-pipe-stall', { what, onward, seconds: stallSeconds(outcome.stall) });
      if (!stops) return msg('explain.step.error-pipe', { what, onward });
      return isLast ? msg('explain.step.error-last', { what }) : msg('explain.step.error-stops', { what, separator: separatorAfter(spec) });
    }
  }
}

function stallSeconds(stall: Stall): number {
  return stall === 'dial' ? GO_DIAL_TIMEOUT_S : GO_TLS_HANDSHAKE_TIMEOUT_S;
}

// go asks for .info, .mod and .zip separately, each walk from the top of the list; a module graph
// of this size is what a small service pulls in (the cost figure the advice quotes).
const REQUESTS_PER_MODULE = 3;
const TYPICAL_GRAPH_MODULES = 50;

/** "150 requests × 30 s = 75 min": what a stalling entry costs a typical download. */
export function stallCost(stall: Stall): Message {
  const requests = REQUESTS_PER_MODULE * TYPICAL_GRAPH_MODULES;
  const seconds = requests * stallSeconds(stall);
  return msg('explain.stall.cost', { perModule: REQUESTS_PER_MODULE, modules: TYPICAL_GRAPH_MODULES, requests, seconds: stallSeconds(stall), minutes: Math.round(seconds / 60) });
}

function stallPhrase(stall: Stall): Message {
  return msg(stall === 'dial' ? 'explain.stall.dial' : 'explain.stall.tls', { seconds: stallSeconds(stall) });
}

/** "entry 2 (https://…)" inside a fix, or the step's entry as written when the list has no such proxy. */
function inlineName(specs: readonly ProxySpec[], entry: string): Message | string {
  const spec = specs.find((s) => s.kind === 'proxy' && s.url === entry);
  return spec && spec.kind === 'proxy' ? msg('explain.entry.proxy-inline', { position: spec.position, url: spec.url }) : entry;
}

/** When go gets there in the end but only after waiting out a stalling entry, on every request. */
function slowEntryFix(specs: readonly ProxySpec[], steps: readonly ChainStep[]): Message | null {
  const slow = steps.find((s) => s.outcome === 'error' && s.goWaitsSeconds != null);
  if (slow === undefined) return null;
  const stall: Stall = slow.goWaitsSeconds === GO_DIAL_TIMEOUT_S ? 'dial' : 'tls';
  return msg('explain.fix.slow-entry', { entry: inlineName(specs, slow.entry), stall: stallPhrase(stall), cost: stallCost(stall) });
}

/** A hang has one cure: go must not reach that entry. '|' never helps: no error ever comes. */
function hangFix(spec: ProxySpec): Message {
  switch (spec.kind) {
    case 'proxy':
      return msg('explain.fix.hang-proxy', { position: spec.position, url: spec.url });
    case 'direct':
      return msg('explain.fix.hang-direct');
    case 'noproxy':
      return msg('explain.fix.hang-noproxy');
    case 'off':
      return msg('explain.fix.off');
  }
}

// The example chain the advice quotes when GOPROXY ends with off: go's own default.
const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';

function adviseFix(specs: readonly ProxySpec[], steps: readonly ChainStep[], stoppedAt: StopPoint | null, privateModule: boolean): Message | null {
  const refused = steps.find((s) => s.error?.startsWith(ERR_INSECURE_CREDENTIALS));
  if (refused !== undefined) return msg('explain.fix.insecure-credentials', { entry: inlineName(specs, refused.entry) });
  if (stoppedAt !== null && stoppedAt.spec.kind === 'proxy' && stoppedAt.stall !== null) {
    const stall = stoppedAt.stall;
    return msg('explain.fix.stall-stops', { position: stoppedAt.spec.position, stall: stallPhrase(stall), seconds: stallSeconds(stall), cost: stallCost(stall) });
  }
  if (stoppedAt !== null && stoppedAt.spec.kind === 'proxy') {
    const position = stoppedAt.spec.position;
    return stoppedAt.status !== null ? msg('explain.fix.status-stops', { position, status: stoppedAt.status }) : msg('explain.fix.failed-stops', { position });
  }
  const last = steps[steps.length - 1];
  if (last?.entry === 'off') return msg('explain.fix.ends-off', { example: DEFAULT_GOPROXY });
  if (steps.length > 0 && steps.every((s) => s.outcome === 'notFound' || s.outcome === 'skipped')) {
    if (privateModule) return msg('explain.fix.private-no-direct');
    const hasDirect = specs.some((s) => s.kind === 'direct');
    return msg(hasDirect ? 'explain.fix.nowhere-direct' : 'explain.fix.nowhere-proxy');
  }
  return null;
}
