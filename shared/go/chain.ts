// What go does for one module: a port of TryProxies (cmd/go/internal/modfetch/proxy.go)
// and lookup (modfetch/repo.go), the same in go 1.19 and 1.23.
//
// The walk is a generator so that a caller performs only the network fetches go would
// actually make: it yields an Attempt, the caller probes and sends back the Outcome.
import { goQuote } from '../util/utf8.js';
import { checkModulePath } from './escape.js';
import { parseGoproxy } from './goproxy.js';
import { matchPrefixPatterns } from './match.js';

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'notFound'; status: number | null; message: string }
  | { kind: 'error'; status: number | null; message: string };

/** A network fetch the caller must perform. */
export type Attempt =
  | { entry: string /* normalized proxy url */; kind: 'proxy'; /** the URL as go uses it (default scheme added, credentials kept) */ raw?: string }
  | { entry: 'direct' | 'noproxy'; kind: 'direct' };

export interface ChainStep {
  entry: string | 'direct' | 'off' | 'noproxy';
  outcome: 'ok' | 'notFound' | 'error' | 'skipped';
  status: number | null;
  error: string | null;
  fallBackOnError: boolean;
  /** One sentence: why go moved on or stopped. */
  why: string;
}

export interface ChainResolution {
  module: string;
  steps: ChainStep[];
  servedBy: string | 'direct' | null;
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
    return { module: modulePath, steps: [], servedBy: null, error: list.error, fix: `Fix GOPROXY: it must be a list of http(s)/file URLs, "direct" or "off" separated by "," or "|" (${list.error}).` };
  }
  if (modulePath === 'std' || modulePath === 'cmd') {
    const error = `can't query specific version (${goQuote(version ?? 'latest')}) of standard-library module ${goQuote(modulePath)}`;
    return { module: modulePath, steps: [], servedBy: null, error, fix: 'The standard library comes with the go toolchain and is never downloaded.' };
  }
  const malformed = checkModulePath(modulePath);
  if (malformed !== null) {
    return { module: modulePath, steps: [], servedBy: null, error: malformed, fix: 'Check the module path: it is not one go can download.' };
  }

  const privateModule = matchPrefixPatterns(config.gonoproxy, modulePath);
  const steps: ChainStep[] = [];
  let bestErr: string | null = null;
  let bestRank = NOT_EXIST_RANK;
  let stoppedAt: { spec: ProxySpec; status: number | null } | null = null;

  for (let i = 0; i < list.specs.length; i++) {
    const spec = list.specs[i];
    if (spec === undefined) break;
    const isLast = i === list.specs.length - 1;
    const entry = specName(spec);
    const outcome = yield* lookupOutcome(spec, privateModule);
    if (outcome.kind === 'ok') {
      steps.push({ entry, outcome: 'ok', status: null, error: null, fallBackOnError: spec.fallBackOnError, why: `${describe(spec)} served the module, so go stops here.` });
      return { module: modulePath, steps, servedBy: spec.kind === 'proxy' ? spec.url : 'direct', error: null, fix: null };
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
    steps.push({
      entry,
      outcome: outcome.kind === 'skipped' ? 'skipped' : outcome.kind === 'notFound' ? 'notFound' : 'error',
      status,
      error: err,
      fallBackOnError: spec.fallBackOnError,
      why: explainStep(spec, outcome, stops, isLast),
    });
    if (stops) {
      if (!isLast) stoppedAt = { spec, status };
      break;
    }
  }
  return { module: modulePath, steps, servedBy: null, error: bestErr, fix: adviseFix(list.specs, steps, stoppedAt, privateModule) };
}

/** Runs walkChain to the end, asking `outcomeOf` for each fetch go would make. */
export function resolveChain(config: ChainConfig, modulePath: string, outcomeOf: (a: Attempt) => Outcome, version?: string): ChainResolution {
  const walk = walkChain(config, modulePath, version);
  let next = walk.next();
  while (!next.done) next = walk.next(outcomeOf(next.value));
  return next.value;
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
      const what = `${describe(spec)} failed${outcome.status !== null ? ` with ${outcome.status}` : ''}`;
      if (spec.kind === 'direct') return `${what}; direct ends the list.`;
      if (spec.kind === 'noproxy') return `${what}; the GONOPROXY step never falls back, so go stops here.`;
      if (!stops) return `${what} and is followed by '|', so ${onward}.`;
      return isLast ? `${what} and it was the last entry.` : `${what} and is followed by ${separatorAfter(spec)}, which falls back only on 404/410, so go stops here.`;
    }
    case 'ok':
      return `${describe(spec)} served the module.`;
  }
}

function adviseFix(specs: readonly ProxySpec[], steps: readonly ChainStep[], stoppedAt: { spec: ProxySpec; status: number | null } | null, privateModule: boolean): string | null {
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
