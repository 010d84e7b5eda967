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
import { createGoAgent, goGet, type GetResult } from './go-get.js';
import { extraTrustedCAs } from '../net/trust.js';

export interface ExplainRequest {
  module: string;
  /** A canonical version (v1.2.3), or null for the latest version (@v/list, then @latest). */
  version: string | null;
  goproxy: string;
  gonoproxy: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type ModuleFile = 'info' | 'mod' | 'zip';
export type ExplainStep = ChainStep & { request: ModuleFile };
export interface Explanation extends Omit<ChainResolution, 'steps'> {
  steps: ExplainStep[];
  /** The version go settles on: the one asked for, or the latest the serving entry reported. */
  version: string | null;
}

export async function explainModule(req: ExplainRequest): Promise<Explanation> {
  const timeoutMs = req.timeoutMs ?? 10_000;
  const agent = createGoAgent({ timeoutMs, ca: await extraTrustedCAs(req.env) });
  const opts: FetchOpts = { dispatcher: agent, timeoutMs, signal: req.signal };
  const config = { goproxy: req.goproxy, gonoproxy: req.gonoproxy };
  // The direct check does not depend on the file: ask the VCS host once.
  let direct: Promise<Outcome> | null = null;
  const askDirectOnce = () => (direct ??= askDirect(req.module, opts));
  let version = req.version;
  const steps: ExplainStep[] = [];
  try {
    let last: ChainResolution | null = null;
    for (const file of ['info', 'mod', 'zip'] as const) {
      last = await walk(config, req.module, async (attempt) => {
        if (attempt.kind === 'direct') return askDirectOnce();
        if (file === 'info') {
          const { outcome, resolved } = await askInfo(attempt.entry, req.module, version, opts);
          if (outcome.kind === 'ok' && resolved) version = resolved;
          return outcome;
        }
        return askFile(attempt.entry, req.module, version!, file, opts);
      });
      steps.push(...last.steps.map((s) => ({ ...s, request: file })));
      // A direct fetch gets everything from the VCS host at once; a failure ends the download.
      if (last.servedBy === null || last.servedBy === 'direct') break;
    }
    return { ...last!, steps, version };
  } finally {
    await agent.close().catch(() => {});
  }
}

async function walk(config: { goproxy: string; gonoproxy: string }, module: string, ask: (a: Attempt) => Promise<Outcome>): Promise<ChainResolution> {
  const walker = walkChain(config, module);
  let next = walker.next(undefined as unknown as Outcome);
  while (!next.done) next = walker.next(await ask(next.value));
  return next.value;
}

type FetchOpts = Parameters<typeof goGet>[1];

/** The requests go's proxy repo makes to settle the version: `.info`, or for latest `@v/list` then `.info`, or `@latest`. */
async function askInfo(base: string, module: string, version: string | null, opts: FetchOpts): Promise<{ outcome: Outcome; resolved: string | null }> {
  const root = `${base}/${escapeModulePath(module)}/@v/`;
  if (version) return infoOutcome(await goGet(`${root}${escapeVersion(version)}.info`, opts));
  const list = await goGet(`${root}list`, opts);
  if (list.kind !== 'ok') return { outcome: toOutcome(list), resolved: null };
  const latest = latestFromList(list.body);
  if (latest) return infoOutcome(await goGet(`${root}${escapeVersion(latest)}.info`, opts));
  return infoOutcome(await goGet(`${base}/${escapeModulePath(module)}/@latest`, opts));
}

/** `.mod` must be answered in full; for the zip, the status and the first bytes are enough. */
async function askFile(base: string, module: string, version: string, file: 'mod' | 'zip', opts: FetchOpts): Promise<Outcome> {
  const url = `${base}/${escapeModulePath(module)}/@v/${escapeVersion(version)}.${file}`;
  const res = await goGet(url, { ...opts, maxBodyBytes: file === 'zip' ? 4 : 1 << 20, truncate: file === 'zip' });
  if (res.kind !== 'ok') return toOutcome(res);
  if (file === 'zip' && !res.body.startsWith('PK\u0003\u0004')) {
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
    const info = JSON.parse(res.body) as { Version?: unknown };
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
async function askDirect(module: string, opts: FetchOpts): Promise<Outcome> {
  const url = `https://${module}?go-get=1`;
  const res = await goGet(url, opts);
  if (res.kind === 'ok' && /<meta\s+name=["']?go-import["']?/i.test(res.body)) return { kind: 'ok' };
  const why = res.kind === 'ok' ? `https fetch: no go-import meta tag at ${url}` : `https fetch: ${res.message}`;
  return { kind: 'error', status: res.status, message: `unrecognized import path "${module}": ${why}` };
}
