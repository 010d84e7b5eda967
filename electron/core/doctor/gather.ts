// Gathers everything the doctor's pure rules look at: the effective configuration (as go reads
// it), Go assignments in shell startup files, the go version, the netrc, HTTP proxy variables,
// --project facts and whether the active profile uses stored credentials.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RcAssignment } from '../../../shared/doctor/rc-scan.js';
import type { DoctorSnapshot } from '../../../shared/doctor/types.js';
import { GO_PROXY_VARS } from '../../../shared/go/effective.js';
import { homeDir, productDirs, type ProductDirs } from '../apply/product-dirs.js';
import { shellTarget } from '../apply/shells.js';
import { readGoConfig, type GoConfigSnapshot } from '../goenv/read-config.js';
import { ProfileStore } from '../profiles/profile-store.js';
import { projectFacts } from './project-facts.js';
import { rcFilesToScan, type RcFile } from './rc-files.js';
import { scanRcBytes } from './rc-parse.js';

export interface GatherOptions {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  projects?: string[];
  dirs?: ProductDirs;
  signal?: AbortSignal;
  /** undefined: find go on PATH; null: as if go were absent. */
  goBinary?: string | null;
}

export interface Gathered {
  snapshot: DoctorSnapshot;
  config: GoConfigSnapshot;
  rcFiles: RcFile[];
}

const HTTP_PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

export async function gatherDoctorSnapshot(opts: GatherOptions): Promise<Gathered> {
  const platform = opts.platform ?? process.platform;
  const dirs = opts.dirs ?? productDirs(opts.env, platform);
  const [config, rcFiles, projects] = await Promise.all([
    readGoConfig(opts.env, { platform, signal: opts.signal, ...(opts.goBinary !== undefined ? { goBinary: opts.goBinary } : {}) }),
    rcFilesToScan(opts.env, platform, dirs),
    Promise.all((opts.projects ?? []).map((d) => projectFacts(path.resolve(d), opts.env))),
  ]);
  const rcAssignments = (await Promise.all(rcFiles.map((rc) => scanRcFile(rc, opts.env)))).flat();
  const proxyEnv: Record<string, string> = {};
  for (const n of HTTP_PROXY_VARS) if (opts.env[n]) proxyEnv[n] = opts.env[n]!;
  const snapshot: DoctorSnapshot = {
    effective: config.effective,
    goVersion: config.go?.version ?? null,
    rcAssignments,
    netrc: await netrcFacts(opts.env, platform),
    platform,
    proxyEnv,
    projects,
    usesCredentials: await activeProfileUsesCredentials(opts.env, platform, dirs),
    activeProfile: await activeProfileId(opts.env, platform, dirs),
    blockFiles: (['bash', 'zsh'] as const).flatMap((shell) => shellTarget(shell, opts.env, platform, dirs).startupFiles),
  };
  return { snapshot, config, rcFiles };
}

/** `env`: where to find the shells that also judge whether the file parses. */
export async function scanRcFile(rc: RcFile, env?: NodeJS.ProcessEnv): Promise<RcAssignment[]> {
  const bytes = await readFile(rc.file).catch(() => null);
  if (bytes === null) return [];
  return (await scanRcBytes(bytes, rc.file, { syntax: rc.syntax, ...(rc.dialect ? { dialect: rc.dialect } : {}), ...(env ? { checkWith: env } : {}) }, GO_PROXY_VARS)).assignments;
}

async function netrcFacts(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<DoctorSnapshot['netrc']> {
  const file = env.NETRC || path.join(homeDir(env, platform), platform === 'win32' ? '_netrc' : '.netrc');
  const st = await stat(file).catch(() => null);
  return st?.isFile() ? { path: file, mode: st.mode & 0o7777 } : null;
}

async function activeProfileId(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, dirs: ProductDirs): Promise<string | null> {
  try {
    return await new ProfileStore({ env, platform, dirs }).active();
  } catch {
    return null;
  }
}

async function activeProfileUsesCredentials(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, dirs: ProductDirs): Promise<boolean> {
  try {
    const store = new ProfileStore({ env, platform, dirs });
    const id = await store.active();
    return id !== null && (await store.get(id)).credentials.length > 0;
  } catch {
    return false; // a damaged or missing store is `profiles`' business, not the doctor's
  }
}
