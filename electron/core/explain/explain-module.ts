// `explain`: walks the GOPROXY chain for one module exactly as go would (the decisions come from
// shared/go/chain.ts), asking each entry the question go would ask, and only the entries go would
// actually reach. The answer tells the user, before they wait 30 seconds, what go will do.
//
// go resolves the version (.info), the go.mod and the zip through the chain *separately*
// (each is its own TryProxies call in cmd/go/internal/modfetch), so a proxy that has the .info
// but answers 404 for the zip serves only part of the download. Explain walks the chain once
// per file, in go's order, and reports the entry that served the zip.
import { walkChain, type Attempt, type ChainResolution, type ChainStep, type Outcome } from '../../../shared/go/chain.js';
import { escapeModulePath, escapeVersion } from '../../../shared/go/escape.js';
import { compareSemver, isCanonicalSemver } from '../../../shared/go/semver.js';
import { createGoSession, goGet, type GetResult, type GoGetOptions } from './go-get.js';
import type { ProbeSession } from '../probe/session.js';
import { pickGoImport } from '../probe/probe-direct.js';
import { checksumStep, type ChecksumConfig, type ChecksumExplanation } from './checksum-step.js';

export interface ExplainRequest {
  module: string;
  /** A canonical version (v1.2.3), or null for the latest version (@v/list, then @latest). */
  version: string | null;
  goproxy: string;
  gonoproxy: string;
  env: NodeJS.ProcessEnv;
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
  // go's HTTP client sends a proxy URL's user:password as Basic auth to that origin only; such an
  // entry gets a session of its own so the credentials can never reach another host.
  const withCredentials = new Map<string, ProbeSession>();
  const sessionFor = (attempt: Attempt): ProbeSession => {
    const credentials = attempt.kind === 'proxy' && attempt.raw ? credentialsIn(attempt.raw) : null;
    if (!credentials) return session;
    const key = `${credentials.origin} ${credentials.user}:${credentials.secret}`;
    let s = withCredentials.get(key);
    if (!s) withCredentials.set(key, (s = createGoSession(req.env, timeoutMs, signal, credentials)));
    return s;
  };
  const config = { goproxy: req.goproxy, gonoproxy: req.gonoproxy };
  // The direct check does not depend on the file: ask the VCS host once.
  let direct: Promise<Outcome> | null = null;
  const askDirectOnce = () => (direct ??= askDirect(req.module, session));
  let version = req.version;
  const steps: ExplainStep[] = [];
  try {
    let last: ChainResolution | null = null;
    for (const file of ['info', 'mod', 'zip'] as const) {
      last = await walk(config, req.module, async (attempt) => {
        if (attempt.kind === 'direct') return askDirectOnce();
        if (file === 'info') {
          const { outcome, resolved } = await askInfo(sessionFor(attempt), attempt.entry, req.module, version);
          if (outcome.kind === 'ok' && resolved) version = resolved;
          return outcome;
        }
        return askFile(sessionFor(attempt), attempt.entry, req.module, version!, file);
      });
      steps.push(...last.steps.map((s) => ({ ...s, request: file })));
      // A direct fetch gets everything from the VCS host at once; a failure ends the download.
      if (last.servedBy === null || last.servedBy === 'direct') break;
    }
    const result = { ...last!, steps, version, checksum: null };
    if (!req.checksum || result.servedBy === null || version === null) return result;
    return await checksumStep(result, { ...req, checksum: req.checksum, version }, session);
  } finally {
    await Promise.all([session, ...withCredentials.values()].map((s) => s.close()));
  }
}

/** The Basic credentials embedded in a proxy URL (percent-decoded, as go's url.Parse does), if any. */
function credentialsIn(raw: string): { origin: string; user: string; secret: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!url.username && !url.password) return null;
  return { origin: url.origin, user: decodeURIComponent(url.username), secret: decodeURIComponent(url.password) };
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
async function askInfo(session: ProbeSession, base: string, module: string, version: string | null): Promise<{ outcome: Outcome; resolved: string | null }> {
  const root = `${base}/${escapeModulePath(module)}/@v/`;
  const info = async (url: string) => infoOutcome(await goGet(session, url, { ...SMALL, request: 'info' }));
  if (version) return info(`${root}${escapeVersion(version)}.info`);
  const list = await goGet(session, `${root}list`, { ...SMALL, request: 'list' });
  if (list.kind !== 'ok') return { outcome: toOutcome(list), resolved: null };
  const latest = latestFromList(list.body.toString('utf8'));
  if (latest) return info(`${root}${escapeVersion(latest)}.info`);
  return infoOutcome(await goGet(session, `${base}/${escapeModulePath(module)}/@latest`, { ...SMALL, request: 'latest' }));
}

/** `.mod` must be answered in full; for the zip, the status and the first bytes are enough. */
async function askFile(session: ProbeSession, base: string, module: string, version: string, file: 'mod' | 'zip'): Promise<Outcome> {
  const url = `${base}/${escapeModulePath(module)}/@v/${escapeVersion(version)}.${file}`;
  const res = await goGet(session, url, file === 'zip' ? { request: 'zip', maxBytes: 4, truncate: true } : { ...SMALL, request: 'mod' });
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
  if (res.kind === 'ok') return { kind: 'ok' };
  return { kind: res.kind, status: res.status, message: res.message };
}

/**
 * What go checks first for a direct fetch: the `?go-get=1` page that names the repository.
 * A full clone is not attempted: that is the cheap, honest signal explain promises.
 */
async function askDirect(module: string, session: ProbeSession): Promise<Outcome> {
  const url = `https://${module}?go-get=1`;
  const res = await goGet(session, url, { ...SMALL, request: 'go-get' });
  if (res.kind === 'ok' && pickGoImport(res.body.toString('utf8'), module)) return { kind: 'ok' };
  const why = res.kind === 'ok' ? `https fetch: no go-import meta tag at ${url}` : `https fetch: ${res.message}`;
  return { kind: 'error', status: res.status, message: `unrecognized import path "${module}": ${why}` };
}
