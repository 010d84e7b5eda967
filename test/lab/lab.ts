// startLab: several lab proxies over one module store, a temp dir with the lab CA, and the
// environment that points the real `go` at them hermetically.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { chmod, readdir, rm, lstat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixtureGraph } from './fixtures.js';
import { LabProxyServer } from './server.js';
import { buildModuleStore } from './store.js';
import { buildChecksumDatabase } from './sumdb/database.js';
import { labCaCertPem } from './tls.js';
import type { FaultSpec, FixtureModule, Lab, LabChecksumDbOptions, LabProxy, LabProxyOptions } from './types.js';

/** Variables that would make `go` (or its HTTP client) depend on the machine it runs on. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^GO/.test(k) || /^(https?|no|all)_proxy$/i.test(k) || /^XDG_/.test(k) || k === 'NETRC' || k === 'CGO_ENABLED') continue;
    env[k] = v;
  }
  return env;
}

/** rm -rf that also copes with read-only trees (a module cache made without -modcacherw). */
async function removeTree(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    return;
  } catch {
    // fall through: make everything writable, then retry
  }
  const makeWritable = async (p: string): Promise<void> => {
    const st = await lstat(p).catch(() => undefined);
    if (!st || st.isSymbolicLink()) return;
    await chmod(p, st.isDirectory() ? 0o755 : 0o644).catch(() => {});
    if (st.isDirectory()) for (const e of await readdir(p).catch(() => [])) await makeWritable(path.join(p, e));
  };
  await makeWritable(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
}

export async function startLab(opts: { proxies: LabProxyOptions[]; modules?: FixtureModule[]; checksumDb?: LabChecksumDbOptions }): Promise<Lab> {
  const names = new Set<string>();
  for (const p of opts.proxies) {
    if (!/^[A-Za-z0-9][\w.-]*$/.test(p.name)) throw new Error(`startLab: proxy name "${p.name}" must be letters, digits, '.', '_' or '-'`);
    if (names.has(p.name)) throw new Error(`startLab: two proxies are named "${p.name}"`);
    names.add(p.name);
  }
  const modules = opts.modules ?? fixtureGraph();
  const store = buildModuleStore(modules);
  await store.all(); // build every zip now, so the first request is not slower than the rest
  const checksumDb = await buildChecksumDatabase(store, opts.checksumDb);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goproxyctl-lab-'));
  const caCertPem = labCaCertPem();
  const caCertFile = path.join(dir, 'lab-ca.pem');
  writeFileSync(caCertFile, caCertPem);
  const home = path.join(dir, 'home');
  const gopath = path.join(dir, 'gopath');
  for (const d of [home, gopath, path.join(dir, 'gocache'), path.join(dir, 'tmp')]) mkdirSync(d, { recursive: true });

  const servers: LabProxyServer[] = [];
  const proxies: Record<string, LabProxy> = {};
  const redirectTarget = (spec: FaultSpec, from: string): string | undefined => {
    if (spec.redirectTo && /^https?:\/\//.test(spec.redirectTo)) return spec.redirectTo.replace(/\/+$/, '');
    if (spec.redirectTo) return proxies[spec.redirectTo]?.url;
    return servers.find((s) => s.name !== from)?.url;
  };
  for (const p of opts.proxies) {
    const server = new LabProxyServer(p, { store, checksumDb, redirectTarget });
    servers.push(server);
    proxies[p.name] = server;
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await Promise.all(servers.map((s) => s.close()));
      await removeTree(dir);
    })();
    return closing;
  };
  try {
    await Promise.all(servers.map((s) => s.start()));
  } catch (err) {
    await close();
    throw err;
  }
  let tempCount = 0;
  return {
    proxies,
    checksumDb: { name: checksumDb.name, verifierKey: checksumDb.verifierKey, gosumdb: checksumDb.gosumdb, lines: checksumDb.lines },
    modules,
    caCertPem,
    caCertFile,
    dir,
    goEnv: (extra = {}) => ({
      ...inheritedEnv(),
      HOME: home,
      GOPATH: gopath,
      GOMODCACHE: path.join(gopath, 'pkg', 'mod'),
      GOCACHE: path.join(dir, 'gocache'),
      GOTMPDIR: path.join(dir, 'tmp'),
      GOTOOLCHAIN: 'local',
      GOFLAGS: '-mod=mod -modcacherw',
      GOSUMDB: 'off',
      GOENV: path.join(home, '.config', 'go', 'env'),
      SSL_CERT_FILE: caCertFile,
      GIT_TERMINAL_PROMPT: '0',
      ...extra,
    }),
    makeTempDir: (prefix) => {
      const d = path.join(dir, `${prefix.replace(/[^\w.-]/g, '_')}-${++tempCount}`);
      mkdirSync(d, { recursive: true });
      return d;
    },
    close,
  };
}
