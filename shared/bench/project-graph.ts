// A project's module graph as go would fetch it into an empty module cache, read from its go.sum
// (pure text in, modules out). go.sum has one line per checksum go verified: "<path> <version>
// h1:..." for a module's zip (go downloads its .info, .mod and .zip) and "<path> <version>/go.mod
// h1:..." for a go.mod it only read to build the graph (one .mod request). Without a go.sum, the
// go.mod's require lines (direct and, since go 1.17, indirect) are the modules to download.
import { REPRESENTATIVE_WORKLOAD, REQUESTS_PER_MODULE, type Workload } from './estimate.js';
import type { ModuleRef } from './probe-module.js';

export interface ProjectGraph {
  /** Modules whose zip go downloads (.info, .mod, .zip each). */
  zips: ModuleRef[];
  /** Modules whose go.mod alone go reads (one .mod request each). */
  modOnly: ModuleRef[];
  source: 'go.sum' | 'go.mod';
}

const key = (m: ModuleRef): string => `${m.path}@${m.version}`;

export function graphFromGoSum(text: string): ProjectGraph {
  const zips = new Map<string, ModuleRef>();
  const mods = new Map<string, ModuleRef>();
  for (const line of text.split('\n')) {
    const [path, version] = line.trim().split(/\s+/);
    if (!path || !version) continue;
    if (version.endsWith('/go.mod')) {
      const m = { path, version: version.slice(0, -'/go.mod'.length) };
      mods.set(key(m), m);
    } else {
      const m = { path, version };
      zips.set(key(m), m);
    }
  }
  return { zips: [...zips.values()], modOnly: [...mods.values()].filter((m) => !zips.has(key(m))), source: 'go.sum' };
}

/** The require lines of a go.mod (single-line and block form; `// indirect` comments ignored). */
export function graphFromGoMod(text: string): ProjectGraph {
  const zips: ModuleRef[] = [];
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      if (line === ')') inBlock = false;
      else {
        const [path, version] = line.split(/\s+/);
        if (path && version) zips.push({ path: path.replace(/^"|"$/g, ''), version });
      }
      continue;
    }
    if (/^require\s*\($/.test(line)) {
      inBlock = true;
      continue;
    }
    const m = /^require\s+(\S+)\s+(\S+)$/.exec(line);
    if (m) zips.push({ path: m[1]!.replace(/^"|"$/g, ''), version: m[2]! });
  }
  return { zips, modOnly: [], source: 'go.mod' };
}

/** The zips to size: up to `count`, spread evenly over the list (deterministic). */
export function sampleForSizing(zips: readonly ModuleRef[], count: number): ModuleRef[] {
  if (zips.length <= count) return [...zips];
  return Array.from({ length: count }, (_, i) => zips[Math.floor((i * zips.length) / count)]!);
}

/** Typical sizes of the small files: a go.mod and a .info answer. */
const MOD_BYTES = 1_000;
const INFO_BYTES = 100;

/**
 * The graph as a workload: zips × (.info, .mod, .zip) + modOnly × .mod requests; bytes from the
 * measured average zip size, else the representative average (150 kB).
 */
export function workloadOfGraph(graph: ProjectGraph, averageZipBytes: number | null): Workload {
  const zip = averageZipBytes ?? REPRESENTATIVE_WORKLOAD.bytes / REPRESENTATIVE_WORKLOAD.modules;
  const n = graph.zips.length;
  return {
    modules: n,
    requests: n * REQUESTS_PER_MODULE + graph.modOnly.length,
    bytes: Math.round(n * (zip + MOD_BYTES + INFO_BYTES) + graph.modOnly.length * MOD_BYTES),
    source: 'project',
  };
}
