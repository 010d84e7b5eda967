// `bench --project DIR`: the project's own workload. The module graph from its go.sum (or go.mod;
// shared/bench/project-graph.ts), sized by the Content-Length of a sample of its zips, asked of
// every candidate proxy at once: the first that answers for the whole sample sizes it (a black
// hole among them costs nothing, the others are cancelled).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Workload } from '../../../shared/bench/estimate.js';
import { graphFromGoMod, graphFromGoSum, sampleForSizing, workloadOfGraph, type ProjectGraph } from '../../../shared/bench/project-graph.js';
import type { ModuleRef } from '../../../shared/bench/probe-module.js';
import { DEFAULT_TIMEOUTS, type PhaseTimeouts } from '../probe/options.js';
import { escapeModuleText } from '../probe/protocol-checks.js';
import { ProbeSession } from '../probe/session.js';
import { msg } from '../../../shared/i18n/message.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

/** Zips whose size is asked for. */
const SIZING_SAMPLE = 8;

/** A project directory that cannot be used; `says` is the reason as a message, `message` its English rendering. */
export class ProjectError extends MessageError {
  override name = 'ProjectError';
}

export interface ProjectWorkload {
  workload: Workload;
  graph: ProjectGraph;
  /** Zips whose Content-Length sized the workload (0: the representative average was used). */
  sized: number;
  /** The proxy that answered for the sample, or null. */
  sizedBy: string | null;
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export async function readProjectGraph(dir: string): Promise<ProjectGraph> {
  const [goMod, goSum] = await Promise.all([readIfPresent(path.join(dir, 'go.mod')), readIfPresent(path.join(dir, 'go.sum'))]);
  if (goMod === null) throw new ProjectError(msg('bench.input.noGoMod', { dir }));
  return goSum !== null && goSum.trim() !== '' ? graphFromGoSum(goSum) : graphFromGoMod(goMod);
}

/** The Content-Length of each zip through one proxy; rejects unless every one answered 200 with a size. */
async function sizesThrough(proxy: string, zips: readonly ModuleRef[], env: NodeJS.ProcessEnv, timeouts: PhaseTimeouts, signal: AbortSignal): Promise<number[]> {
  const session = new ProbeSession({ timeouts, family: null, env, ca: [], connectTo: {}, credentials: null, credentialOrigin: null, signal, onPhase: () => undefined });
  try {
    const sizes: number[] = [];
    for (const m of zips) {
      // One byte of the body is enough: the size is in the headers.
      const res = await session.fetch({ request: 'zip', url: `${proxy}/${escapeModuleText(m.path)}/@v/${escapeModuleText(m.version)}.zip`, maxBytes: 1 });
      const length = Number(res.headers['content-length']);
      if (res.status !== 200 || !Number.isFinite(length) || length <= 0) throw new Error(`${proxy} did not size ${m.path}@${m.version}`);
      sizes.push(length);
    }
    return sizes;
  } finally {
    await session.close();
  }
}

export async function projectWorkload(dir: string, proxies: readonly string[], opts: { env: NodeJS.ProcessEnv; signal?: AbortSignal; timeouts?: Partial<PhaseTimeouts> }): Promise<ProjectWorkload> {
  const graph = await readProjectGraph(dir);
  const sample = sampleForSizing(graph.zips, SIZING_SAMPLE);
  if (sample.length === 0 || proxies.length === 0) return { workload: workloadOfGraph(graph, null), graph, sized: 0, sizedBy: null };
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  try {
    const first = await Promise.any(proxies.map(async (p) => ({ proxy: p, sizes: await sizesThrough(p, sample, opts.env, timeouts, controller.signal) })));
    const average = first.sizes.reduce((a, b) => a + b, 0) / first.sizes.length;
    return { workload: workloadOfGraph(graph, average), graph, sized: first.sizes.length, sizedBy: first.proxy };
  } catch {
    return { workload: workloadOfGraph(graph, null), graph, sized: 0, sizedBy: null };
  } finally {
    controller.abort();
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
