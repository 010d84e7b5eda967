// What go does for one module: a port of TryProxies (cmd/go/internal/modfetch/proxy.go)
// and lookup (modfetch/repo.go), the same in go 1.19 and 1.23.
//
// The walk is a generator so that a caller performs only the network fetches go would
// actually make: it yields an Attempt, the caller probes and sends back the Outcome.
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
  /** Connected, then no response (or a body that stops): go waits forever. */
  | { kind: 'hang'; message: string };

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
  /** One sentence: why go moved on or stopped. */
  why: string;
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
  /** One-line advice, or null when there is nothing to fix (or nothing obvious). */
  fix: string | null;
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
    return { module: modulePath, steps: [], servedBy: null, outcome: 'failed', error: list.error, fix: `Fix GOPROXY: it must be a list of http(s)/file URLs, "direct" or "off" separated by "," or "|" (${list.error}).` };
  }
  if (modulePath === 'std' || modulePath === 'cmd') {
    const error = `can't query specific version (${goQuote(version ?? 'latest')}) of standard-library module ${goQuote(modulePath)}`;
    return { module: modulePath, steps: [], servedBy: null, outcome: 'failed', error, fix: 'The standard library comes with the go toolchain and is never downloaded.' };
  }
  const malformed = checkModulePath(modulePath);
  if (malformed !== null) {
    return { module: modulePath, steps: [], servedBy: null, outcome: 'failed', error: malformed, fix: 'Check the module path: it is not one go can download.' };
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
      steps.push({ entry, outcome: 'ok', status: null, error: null, fallBackOnError: spec.fallBackOnError, goWaitsSeconds: null, why: `${describe(spec)} served the module, so go stops here.` });
      return { module: modulePath, steps, servedBy: spec.kind === 'proxy' ? spec.url : 'direct', outcome: 'served', error: null, fix: slowEntryFix(list.specs, steps) };
    }
    if (outcome.kind === 'hang') {
      // No error ever comes back, so neither ',' nor '|' gets a say: the walk ends here.
      steps.push({
        entry, outcome: 'hang', status: null, error: outcome.message, fallBackOnError: spec.fallBackOnError, goWaitsSeconds: null,
        why: `${describe(spec)} accepted the connection but never answers: go has no response timeout, so it waits here forever, whatever separator follows.`,
      });
      return { module: modulePath, steps, servedBy: null, outcome: 'hang', error: `go would hang: ${outcome.message}`, fix: hangFix(spec) };
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

function describe(spec: ProxySpec): string {
  switch (spec.kind) {
    case 'proxy': return `Entry ${spec.position} (${spec.url})`;
    case 'direct': return `Entry ${spec.position} (direct)`;
    case 'off': return `Entry ${spec.position} (off)`;
    case 'noproxy': return 'The GONOPROXY step (direct)';
  }
}

function separatorAfter(spec: ProxySpec): string {
  return spec.fallBackOnError ? "'|'" : "','";
}

function explainStep(spec: ProxySpec, outcome: StepOutcome, stops: boolean, isLast: boolean): string {
  const onward = isLast ? 'it was the last entry' : 'go tries the next entry';
  switch (outcome.kind) {
    case 'skipped':
      return spec.kind === 'noproxy'
        ? `The module does not match GONOPROXY/GOPRIVATE, so go skips the no-proxy step and ${onward === 'go tries the next entry' ? 'uses GOPROXY' : 'has nothing else to try'}.`
        : `${describe(spec)} is not asked: the module matches GONOPROXY/GOPRIVATE, and ${onward}.`;
    case 'off':
      return `${describe(spec)} refuses every module lookup, and the list ends there.`;
    case 'notFound':
      return `${describe(spec)} does not have the module${outcome.status !== null ? ` (${outcome.status})` : ''}, a not-found answer, so ${isLast ? onward : 'go tries the next entry'}.`;
    case 'error': {
      const what = outcome.stall
        ? `${describe(spec)} ${outcome.stall === 'dial' ? `cannot be reached: go waits ${GO_DIAL_TIMEOUT_S} s to connect` : `stalls the TLS handshake: go waits ${GO_TLS_HANDSHAKE_TIMEOUT_S} s`}, then fails`
        : `${describe(spec)} failed${outcome.status !== null ? ` with ${outcome.status}` : ''}`;
      if (spec.kind === 'direct') return `${what}; direct ends the list.`;
      if (spec.kind === 'noproxy') return `${what}; the GONOPROXY step never falls back, so go stops here.`;
      if (!stops && outcome.stall) return `${what} and is followed by '|', so ${onward}; every request that reaches this entry pays the ${stallSeconds(outcome.stall)} s again.`;
      if (!stops) return `${what} and is followed by '|', so ${onward}.`;
      return isLast ? `${what} and it was the last entry.` : `${what} and is followed by ${separatorAfter(spec)}, which falls back only on 404/410, so go stops here.`;
    }
    case 'ok':
      return `${describe(spec)} served the module.`;
    case 'hang':
      return `${describe(spec)} never answers: go waits forever.`;
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
export function stallCost(stall: Stall): string {
  const requests = REQUESTS_PER_MODULE * TYPICAL_GRAPH_MODULES;
  const seconds = requests * stallSeconds(stall);
  return `about ${REQUESTS_PER_MODULE} requests per module (.info, .mod, .zip), so a ${TYPICAL_GRAPH_MODULES}-module graph pays ${requests} × ${stallSeconds(stall)} s = ${Math.round(seconds / 60)} min of waiting, spread over go's parallel downloads`;
}

function stallPhrase(stall: Stall): string {
  return stall === 'dial' ? `cannot be reached within go's ${GO_DIAL_TIMEOUT_S} s dial timeout` : `stalls the TLS handshake until go's ${GO_TLS_HANDSHAKE_TIMEOUT_S} s timeout`;
}

/** When go gets there in the end but only after waiting out a stalling entry, on every request. */
function slowEntryFix(specs: readonly ProxySpec[], steps: readonly ChainStep[]): string | null {
  const slow = steps.find((s) => s.outcome === 'error' && s.goWaitsSeconds != null);
  if (slow === undefined) return null;
  const spec = specs.find((s) => s.kind === 'proxy' && s.url === slow.entry);
  const name = spec && spec.kind === 'proxy' ? `entry ${spec.position} (${spec.url})` : slow.entry;
  const stall: Stall = slow.goWaitsSeconds === GO_DIAL_TIMEOUT_S ? 'dial' : 'tls';
  return `${name} ${stallPhrase(stall)}, and go pays that on every request before '|' moves on: ${stallCost(stall)}. Remove it from GOPROXY or move it after the entry that serves your modules.`;
}

/** A hang has one cure: go must not reach that entry. '|' never helps: no error ever comes. */
function hangFix(spec: ProxySpec): string {
  switch (spec.kind) {
    case 'proxy':
      return `Remove entry ${spec.position} (${spec.url}) from GOPROXY, or move it after an entry that serves your modules: it accepts connections and never answers, go has no response timeout, and '|' does not help (it only moves on after an error).`;
    case 'direct':
    case 'noproxy':
      return `The module's own host accepts the connection and never answers, and go has no response timeout: put a proxy that has the module before direct in GOPROXY${spec.kind === 'noproxy' ? ', or take the module out of GONOPROXY/GOPRIVATE' : ''}.`;
    case 'off':
      return 'GOPROXY=off refuses downloads.';
  }
}

function adviseFix(specs: readonly ProxySpec[], steps: readonly ChainStep[], stoppedAt: StopPoint | null, privateModule: boolean): string | null {
  const refused = steps.find((s) => s.error?.startsWith(ERR_INSECURE_CREDENTIALS));
  if (refused !== undefined) {
    const spec = specs.find((s) => s.kind === 'proxy' && s.url === refused.entry);
    const name = spec && spec.kind === 'proxy' ? `entry ${spec.position} (${spec.url})` : refused.entry;
    return `${name} has user:password in an http:// URL, and go never sends credentials over plain http: it refuses the request. Serve that proxy over https (go sends credentials only there) and keep them in ~/.netrc or GOAUTH rather than in GOPROXY.`;
  }
  if (stoppedAt !== null && stoppedAt.spec.kind === 'proxy' && stoppedAt.stall !== null) {
    return `entry ${stoppedAt.spec.position} ${stallPhrase(stoppedAt.stall)} and is followed by ',': go stops there. Remove it from GOPROXY (best), or use '|' after it to move on after the ${stallSeconds(stoppedAt.stall)} s, paid again on every request: ${stallCost(stoppedAt.stall)}.`;
  }
  if (stoppedAt !== null && stoppedAt.spec.kind === 'proxy') {
    const failed = stoppedAt.status !== null ? `returned ${stoppedAt.status}` : 'failed';
    return `entry ${stoppedAt.spec.position} ${failed} and is followed by ',': go stops here; use '|' to fail over on errors`;
  }
  const last = steps[steps.length - 1];
  if (last?.entry === 'off') {
    return 'GOPROXY ends with off, which refuses downloads; put a proxy (and direct) before it, e.g. https://proxy.golang.org,direct.';
  }
  if (steps.length > 0 && steps.every((s) => s.outcome === 'notFound' || s.outcome === 'skipped')) {
    if (privateModule) return 'The module matches GONOPROXY/GOPRIVATE, so only a direct fetch can serve it; add direct to GOPROXY or remove the pattern.';
    const hasDirect = specs.some((s) => s.kind === 'direct');
    return hasDirect
      ? 'No entry has this module or version; check the module path and version.'
      : 'No proxy has this module or version; if it is private, add its pattern to GOPRIVATE so go fetches it directly, or add direct to GOPROXY.';
  }
  return null;
}
