// What every lab proxy serves: for each fixture module version its .info, .mod and .zip.
// Zips are built once per store with yazl, with fixed timestamps and modes, so their bytes (and
// so go.sum) are the same in every lab and every run.
import yazl from 'yazl';
import { compareSemver } from './fixtures.js';
import type { FixtureModule, ServedModule } from './types.js';

/** Fixed so zips are byte-identical across runs; the .info times derive from it. */
const EPOCH = Date.UTC(2024, 0, 1, 0, 0, 0);

export interface ModuleStore {
  readonly modules: readonly FixtureModule[];
  /** Distinct module paths. */
  paths(): string[];
  /** Versions of a path, oldest first (the @v/list answer); empty when unknown. */
  versions(path: string): string[];
  /** The highest version (the @latest answer), or undefined when unknown. */
  latest(path: string): string | undefined;
  has(path: string, version: string): boolean;
  /** Builds (once) and returns what a proxy serves for path@version. */
  get(path: string, version: string): Promise<ServedModule | undefined>;
  /** Every module version, zips built. */
  all(): Promise<ServedModule[]>;
}

/** Zips `files` under `prefix` (no prefix: the protocol-violating layout used by 'wrong-content'). */
export function zipFiles(files: Record<string, string>, prefix: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(EPOCH);
  for (const name of Object.keys(files).sort()) {
    zip.addBuffer(Buffer.from(files[name]!, 'utf8'), `${prefix}${name}`, { mtime, mode: 0o100644, compress: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function infoJson(version: string, index: number): string {
  // Later versions get later times so tools that sort by time agree with semver.
  return JSON.stringify({ Version: version, Time: new Date(EPOCH + index * 86_400_000).toISOString().replace('.000Z', 'Z') });
}

export function buildModuleStore(mods: FixtureModule[]): ModuleStore {
  const byPath = new Map<string, FixtureModule[]>();
  for (const m of mods) {
    const list = byPath.get(m.path) ?? [];
    if (list.some((x) => x.version === m.version)) throw new Error(`buildModuleStore: ${m.path}@${m.version} appears twice`);
    list.push(m);
    byPath.set(m.path, list);
  }
  for (const list of byPath.values()) list.sort((a, b) => compareSemver(a.version, b.version));
  const built = new Map<string, Promise<ServedModule>>();
  const find = (path: string, version: string): FixtureModule | undefined => byPath.get(path)?.find((m) => m.version === version);

  const get = (path: string, version: string): Promise<ServedModule | undefined> => {
    const m = find(path, version);
    if (!m) return Promise.resolve(undefined);
    const key = `${path}@${version}`;
    let p = built.get(key);
    if (!p) {
      const index = byPath.get(path)!.indexOf(m);
      p = zipFiles(m.files, `${key}/`).then((zip) => ({
        path,
        version,
        info: infoJson(version, index),
        mod: m.files['go.mod'] ?? `module ${path}\n`,
        zip,
      }));
      built.set(key, p);
    }
    return p;
  };

  return {
    modules: mods,
    paths: () => [...byPath.keys()],
    versions: (path) => (byPath.get(path) ?? []).map((m) => m.version),
    latest: (path) => byPath.get(path)?.at(-1)?.version,
    has: (path, version) => find(path, version) !== undefined,
    get,
    all: async () => (await Promise.all(mods.map((m) => get(m.path, m.version)))).filter((x): x is ServedModule => x !== undefined),
  };
}
