// A real, buildable module graph for the lab to serve: valid go.mod files, compiling Go source,
// several versions of one path, a /v2 major, an uppercase path (exercises `!` escaping) and
// transitive requirements. Pure and deterministic, so every lab (and every process) agrees on it.
import type { FixtureModule } from './types.js';

interface Planned {
  path: string;
  version: string;
  pkg: string;
  /** Indexes into the planned list. */
  deps: number[];
}

const GO_DIRECTIVE = '1.17'; // module graph pruning on; understood by go 1.19 and 1.23 alike

/** The catalogue in priority order: truncating it to `count` keeps the interesting cases first. */
function plan(prefix: string, count: number): Planned[] {
  const libs: Planned[] = [];
  const special: Planned[] = [
    { path: `${prefix}/BigCorp/Tool`, version: 'v1.0.0', pkg: 'tool', deps: [] },
    { path: `${prefix}/multi`, version: 'v1.0.0', pkg: 'multi', deps: [] },
    { path: `${prefix}/multi`, version: 'v1.1.0', pkg: 'multi', deps: [] },
    { path: `${prefix}/multi/v2`, version: 'v2.0.0', pkg: 'multi', deps: [] },
  ];
  const wanted = Math.max(0, count - 1); // the root app is the remaining one
  const picked = special.slice(0, wanted);
  for (let i = 1; picked.length + libs.length < wanted; i++) {
    const name = `lib${String(i).padStart(2, '0')}`;
    libs.push({ path: `${prefix}/${name}`, version: 'v1.0.0', pkg: name, deps: [] });
  }
  const all = [...picked, ...libs];
  const find = (path: string, version: string): number => all.findIndex((m) => m.path === path && m.version === version);
  // multi/v2 builds on the newest v1, as real majors often do.
  const v2 = find(`${prefix}/multi/v2`, 'v2.0.0');
  const v11 = find(`${prefix}/multi`, 'v1.1.0');
  if (v2 >= 0 && v11 >= 0) all[v2]!.deps.push(v11);
  // lib01 -> lib02 -> (old multi, Tool); lib03 -> lib04; ...: the even ones are only transitive.
  const old = find(`${prefix}/multi`, 'v1.0.0');
  const tool = find(`${prefix}/BigCorp/Tool`, 'v1.0.0');
  libs.forEach((lib, i) => {
    const self = picked.length + i;
    const n = i + 1;
    if (n % 2 === 1 && i + 1 < libs.length) lib.deps.push(self + 1);
    if (n === 2) {
      if (old >= 0) lib.deps.push(old);
      if (tool >= 0) lib.deps.push(tool);
    }
  });
  return all;
}

function semverParts(v: string): number[] {
  return v.replace(/^v/, '').split('.').map((x) => Number.parseInt(x, 10));
}

export function compareSemver(a: string, b: string): number {
  const pa = semverParts(a);
  const pb = semverParts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function goMod(path: string, direct: { path: string; version: string }[], indirect: { path: string; version: string }[]): string {
  const block = (reqs: { path: string; version: string }[], suffix: string): string =>
    reqs.length === 0 ? '' : `\nrequire (\n${reqs.map((r) => `\t${r.path} ${r.version}${suffix}\n`).join('')})\n`;
  return `module ${path}\n\ngo ${GO_DIRECTIVE}\n${block(direct, '')}${block(indirect, ' // indirect')}`;
}

function libSource(m: Planned, deps: Planned[]): string {
  const imports = deps.map((d, i) => `\td${i} "${d.path}"\n`).join('');
  const importBlock = deps.length ? `\nimport (\n${imports})\n` : '';
  const parts = [`"${m.path}@${m.version}"`, ...deps.map((_, i) => `d${i}.Name()`)].join(' + " " + ');
  const extra = m.path.endsWith('/multi') && m.version !== 'v1.0.0'
    ? `\n// Version exists only since v1.1.0, so code that needs it must select v1.1.0 or later.\nfunc Version() string { return "${m.version}" }\n`
    : '';
  return `// Package ${m.pkg} is a goproxyctl lab fixture (${m.path}@${m.version}).\npackage ${m.pkg}\n${importBlock}\n` +
    `// Name reports this module version and, after it, the ones it depends on.\nfunc Name() string { return ${parts} }\n${extra}`;
}

function appSource(deps: Planned[]): string {
  const imports = ['\t"fmt"\n', ...deps.map((d, i) => `\td${i} "${d.path}"\n`)].join('');
  const names = deps.map((_, i) => `d${i}.Name()`);
  return `// Command app is the root of the goproxyctl lab's fixture graph.\npackage main\n\nimport (\n${imports})\n\n` +
    `func main() {\n\tfmt.Println(${['"app"', ...names].join(', ')})\n}\n`;
}

/**
 * `count` module versions (default 20) under `prefix` (default "lab.invalid"): `<prefix>/app`
 * (v1.0.0) requires the newest version of every other path (directly or `// indirect`).
 */
export function fixtureGraph(opts: { count?: number; prefix?: string } = {}): FixtureModule[] {
  const count = opts.count ?? 20;
  const prefix = opts.prefix ?? 'lab.invalid';
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`fixtureGraph: count must be a positive integer, got ${count}`);
  const planned = plan(prefix, count);
  const modules: FixtureModule[] = planned.map((m) => {
    const deps = m.deps.map((i) => planned[i]!);
    const requires = deps.map((d) => ({ path: d.path, version: d.version }));
    return {
      path: m.path,
      version: m.version,
      requires,
      files: { 'go.mod': goMod(m.path, requires, []), [`${m.pkg}.go`]: libSource(m, deps) },
    };
  });
  // The root imports the odd libs, Tool and both multi majors; everything else it needs is indirect.
  const newest = new Map<string, Planned>();
  for (const m of planned) {
    const seen = newest.get(m.path);
    if (!seen || compareSemver(m.version, seen.version) > 0) newest.set(m.path, m);
  }
  const direct = [...newest.values()].filter((m) => !/\/lib\d+$/.test(m.path) || Number(m.path.slice(-2)) % 2 === 1);
  const indirect = [...newest.values()].filter((m) => !direct.includes(m));
  const asReq = (m: Planned): { path: string; version: string } => ({ path: m.path, version: m.version });
  const app: FixtureModule = {
    path: `${prefix}/app`,
    version: 'v1.0.0',
    requires: [...direct, ...indirect].map(asReq),
    files: { 'go.mod': goMod(`${prefix}/app`, direct.map(asReq), indirect.map(asReq)), 'main.go': appSource(direct) },
  };
  return [app, ...modules];
}

/**
 * A module whose zip is about `bytes` large: one file of pseudo-random base64 text (deflate cannot
 * shrink it much), so a probe has a body big enough to time the pipe (the probe measures
 * throughput only from 64 kB up).
 */
export function largeFixtureModule(modulePath: string, version = 'v1.0.0', bytes = 300_000): FixtureModule {
  let x = 0x2545f491;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const chars = new Array<string>(bytes);
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    chars[i] = alphabet[(x >>> 0) % 64]!;
  }
  return { path: modulePath, version, requires: [], files: { 'go.mod': `module ${modulePath}\n\ngo 1.19\n`, 'blob.txt': chars.join('') } };
}
