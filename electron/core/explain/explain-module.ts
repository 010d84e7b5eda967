// `explain`: walks the GOPROXY chain for one module exactly as go would (the decisions come from
// shared/go/chain.ts), asking each entry the question go would ask, and only the entries go would
// actually reach. The answer tells the user, before they wait 30 seconds, what go will do.
//
// go resolves the version (.info), the go.mod and the zip through the chain *separately*
// (each is its own TryProxies call in cmd/go/internal/modfetch), so a proxy that has the .info
// but answers 404 for the zip serves only part of the download. Explain walks the chain once
// per file, in go's order, and reports the entry that served the zip.
//
// Stalls: explain waits `timeoutMs` (its own, short) to *detect* that a phase stalls, then reports
// what go would do (go-get.ts): an error after go's 30 s dial or 10 s TLS timeout, or a hang. An
// entry that stalled once is not asked again by the later walks: go would pay the wait again on
// each request, and the answer would be the same.
import { walkChain, type Attempt, type ChainResolution, type ChainStep, type Outcome } from '../../../shared/go/chain.js';
import { escapeModulePath, escapeVersion } from '../../../shared/go/escape.js';
import { compareSemver, isCanonicalSemver } from '../../../shared/go/semver.js';
import { createGoSession, goGet, stallError, type GetResult, type GoGetOptions } from './go-get.js';
import type { Stall } from '../../../shared/go/chain.js';
import { GoCredentials } from './go-credentials.js';
import { goAtLeast } from '../../../shared/go/version.js';
import type { ProbeSession } from '../probe/session.js';
import { pickGoImport } from '../probe/probe-direct.js';
import { checksumStep, type ChecksumConfig, type ChecksumExplanation } from './checksum-step.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

export interface ExplainRequest {
  module: string;
  /** A canonical version (v1.2.3), or null for the latest version (@v/list, then @latest). */
  version: string | null;
  goproxy: string;
  gonoproxy: string;
  env: NodeJS.ProcessEnv;
  /** `go version` output of the go that will run (netrc matching and GOAUTH depend on it); null: unknown. */
  goVersion?: string | null;
  /** The effective GOAUTH (go ≥ 1.24). */
  goauth?: string;
  /** How long explain waits before it calls a phase stalled (default 10 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** GOSUMDB and friends: with them, explain also checks checksum verification as go does. */
  checksum?: ChecksumConfig;
}

export type ModuleFile = 'info' | 'mod' | 'zip';
export type ExplainStep = ChainStep & { request: ModuleFile };
export interface Explanation extends Omit<ChainResolution, 'steps'> {
  steps: ExplainStep[];
  /** The version go settles on: the one asked for, or the latest the serving entry reported. */
  version: string | null;
  /** Checksum verification after the download; null when not asked or nothing was served. */
  checksum: ChecksumExplanation | null;
}

export async function explainModule(req: ExplainRequest): Promise<Explanation> {
  const timeoutMs = req.timeoutMs ?? 10_000;
  const signal = req.signal ?? new AbortController().signal;
  const session = createGoSession(req.env, timeoutMs, signal);
  const credentials = new GoCredentials({ goVersion: req.goVersion ?? null, goauth: req.goauth ?? '', env: req.env, signal });
  // Credentials go to their origin only: each (origin, credentials) pair gets a session of its own.
  const withCredentials = new Map<string, ProbeSession>();
  const sessionWith = (origin: string, user: string, secret: string): ProbeSession => {
    const key = `${origin} ${user}:${secret}`;
    let s = withCredentials.get(key);
    if (!s) withCredentials.set(key, (s = createGoSession(req.env, timeoutMs, signal, { origin, user, secret })));
    return s;
  };
  // An origin whose dial or TLS handshake stalled once is not asked again: go would pay the
  // wait again on each request, and the answer would be the same.
  const stalledOrigins = new Map<string, Stall>();
  /** One GET as go makes it for this entry: with the credentials go would attach, or refused as go refuses. */
  const getterFor = (attempt: Attempt): Getter => async (url, opts) => {
    const origin = new URL(url).origin;
    const stalled = stalledOrigins.get(origin);
    if (stalled) return stallError(url, url, stalled);
    const raw = attempt.kind === 'proxy' ? attempt.raw ?? attempt.entry : url;
    const auth = await credentials.forRequest(raw, url);
    if (auth.kind === 'refused') return { kind: 'error', status: null, url, message: auth.message };
    const res = await goGet(auth.kind === 'basic' ? sessionWith(origin, auth.user, auth.secret) : session, url, opts);
    if (res.kind === 'error' && res.stall && res.url === url) stalledOrigins.set(origin, res.stall);
    return res;
  };
  const config = { goproxy: req.goproxy, gonoproxy: req.gonoproxy };
  // The direct check does not depend on the file: ask the VCS host once.
  let direct: Promise<Outcome> | null = null;
  // (its https fetch carries .netrc/GOAUTH credentials for the module's host, as go's does)
  const askDirectOnce = () => (direct ??= askDirect(req.module, getterFor({ entry: 'direct', kind: 'direct' })));
  let version = req.version;
  const steps: ExplainStep[] = [];
  const unauthorized: string[] = [];
  try {
    let last: ChainResolution | null = null;
    for (const file of ['info', 'mod', 'zip'] as const) {
      last = await walk(config, req.module, async (attempt) => {
        if (attempt.kind === 'direct') return askDirectOnce();
        const get = getterFor(attempt);
        let outcome: Outcome;
        if (file === 'info') {
          const answer = await askInfo(get, attempt.entry, req.module, version);
          if (answer.outcome.kind === 'ok' && answer.resolved) version = answer.resolved;
          outcome = answer.outcome;
        } else {
          outcome = await askFile(get, attempt.entry, req.module, version!, file);
        }
        if (outcome.kind === 'error' && outcome.status === 401) unauthorized.push(attempt.entry);
        return outcome;
      });
      steps.push(...last.steps.map((s) => ({ ...s, request: file })));
      // A direct fetch gets everything from the VCS host at once; a failure ends the download.
      if (last.servedBy === null || last.servedBy === 'direct') break;
    }
    const result = { ...last!, steps, version, checksum: null };
    if (result.outcome === 'failed' && unauthorized.length > 0) result.fix = await unauthorizedFix(unauthorized[0]!, credentials, req.goVersion ?? null) ?? result.fix;
    if (!req.checksum || result.servedBy === null || version === null) return result;
    return await checksumStep(result, { ...req, checksum: req.checksum, version }, session);
  } finally {
    await Promise.all([session, ...withCredentials.values()].map((s) => s.close()));
  }
}

type Getter = (url: string, opts: GoGetOptions) => Promise<GetResult>;

/** Why go got a 401 from this entry, and what makes go send the right credentials. */
async function unauthorizedFix(entry: string, credentials: GoCredentials, goVersion: string | null): Promise<Message | null> {
  const url = new URL(entry);
  if (url.protocol === 'http:') return msg('explain.auth.http', { entry });
  const mismatch = await credentials.netrcMismatch(entry);
  if (!mismatch) return null;
  const { wanted, file } = mismatch;
  if (mismatch.present.length > 0) {
    const present = mismatch.present.map((m) => `"machine ${m}"`).join(', ');
    return msg('explain.auth.netrc-other-name', { entry, file, present, go: goVersion ?? msg('explain.auth.this-go'), wanted });
  }
  return msg(goAtLeast(goVersion, 1, 24) ? 'explain.auth.none-goauth' : 'explain.auth.none', { entry, wanted, file });
}

async function walk(config: { goproxy: string; gonoproxy: string }, module: string, ask: (a: Attempt) => Promise<Outcome>): Promise<ChainResolution> {
  const walker = walkChain(config, module);
  let next = walker.next(undefined as unknown as Outcome);
  while (!next.done) next = walker.next(await ask(next.value));
  return next.value;
}

const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
const SMALL: Omit<GoGetOptions, 'request'> = { maxBytes: 1 << 20 };

/** The requests go's proxy repo makes to settle the version: `.info`, or for latest `@v/list` then `.info`, or `@latest`. */
async function askInfo(get: Getter, base: string, module: string, version: string | null): Promise<{ outcome: Outcome; resolved: string | null }> {
  const root = `${base}/${escapeModulePath(module)}/@v/`;
  const info = async (url: string) => infoOutcome(await get(url, { ...SMALL, request: 'info' }));
  if (version) return info(`${root}${escapeVersion(version)}.info`);
  const list = await get(`${root}list`, { ...SMALL, request: 'list' });
  if (list.kind !== 'ok') return { outcome: toOutcome(list), resolved: null };
  const latest = latestFromList(list.body.toString('utf8'));
  if (latest) return info(`${root}${escapeVersion(latest)}.info`);
  return infoOutcome(await get(`${base}/${escapeModulePath(module)}/@latest`, { ...SMALL, request: 'latest' }));
}

/** `.mod` must be answered in full; for the zip, the status and the first bytes are enough. */
async function askFile(get: Getter, base: string, module: string, version: string, file: 'mod' | 'zip'): Promise<Outcome> {
  const url = `${base}/${escapeModulePath(module)}/@v/${escapeVersion(version)}.${file}`;
  const res = await get(url, file === 'zip' ? { request: 'zip', maxBytes: 4, truncate: true } : { ...SMALL, request: 'mod' });
  if (res.kind !== 'ok') return toOutcome(res);
  if (file === 'zip' && !res.body.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    return { kind: 'error', status: 200, message: `${url}: zip: not a valid zip file` };
  }
  return { kind: 'ok' };
}

/** Like go's proxyRepo.latest: the highest release, else the highest pre-release, from the list. */
export function latestFromList(body: string): string | null {
  const versions = body.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((v) => isCanonicalSemver(v));
  const releases = versions.filter((v) => !v.includes('-'));
  const pool = releases.length ? releases : versions;
  return pool.sort(compareSemver).at(-1) ?? null;
}

function infoOutcome(res: GetResult): { outcome: Outcome; resolved: string | null } {
  if (res.kind !== 'ok') return { outcome: toOutcome(res), resolved: null };
  try {
    const info = JSON.parse(res.body.toString('utf8')) as { Version?: unknown };
    if (typeof info.Version === 'string' && info.Version) return { outcome: { kind: 'ok' }, resolved: info.Version };
  } catch {
    // fall through: go rejects the answer the same way
  }
  return { outcome: { kind: 'error', status: 200, message: `invalid response from proxy "${res.url}": not a version info JSON object` }, resolved: null };
}

function toOutcome(res: GetResult): Outcome {
  switch (res.kind) {
    case 'ok':
      return { kind: 'ok' };
    case 'hang':
      return { kind: 'hang', message: res.message, status: res.status };
    case 'error':
      return res.stall ? { kind: 'error', status: res.status, message: res.message, stall: res.stall } : { kind: 'error', status: res.status, message: res.message };
    case 'notFound':
      return { kind: 'notFound', status: res.status, message: res.message };
  }
}

/**
 * What go checks first for a direct fetch: the `?go-get=1` page that names the repository.
 * A full clone is not attempted: that is the cheap, honest signal explain promises.
 */
async function askDirect(module: string, get: Getter): Promise<Outcome> {
  const url = `https://${module}?go-get=1`;
  const res = await get(url, { ...SMALL, request: 'go-get' });
  if (res.kind === 'ok' && pickGoImport(res.body.toString('utf8'), module)) return { kind: 'ok' };
  if (res.kind === 'hang') return { kind: 'hang', message: res.message, status: res.status };
  const why = res.kind === 'ok' ? `https fetch: no go-import meta tag at ${url}` : `https fetch: ${res.message}`;
  return { kind: 'error', status: res.status, message: `unrecognized import path "${module}": ${why}` };
}
