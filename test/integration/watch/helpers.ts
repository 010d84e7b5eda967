// Shared by the watch tests: a temporary HOME (never the real one), the environment that points
// go, the apply engine and the product's dirs into it, and the real go to read the result back.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';

export const GO123 = '/usr/lib/go-1.23/bin/go';

export interface WatchHome {
  home: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export async function makeWatchHome(): Promise<WatchHome> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-watch-home-'));
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    GOCACHE: path.join(home, '.cache', 'go-build'),
    GOPATH: path.join(home, 'go'),
    GOTOOLCHAIN: 'local',
    GOPROXYCTL_GO: GO123,
  };
  return { home, env, cleanup: () => rm(home, { recursive: true, force: true, maxRetries: 10 }) };
}

/** The lab's hermetic go environment, reading and writing the go env file of this HOME. */
export function labGoEnv(lab: Lab, home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...lab.goEnv(), HOME: home, GOENV: path.join(home, '.config', 'go', 'env'), ...extra };
}

/** What the real go 1.23 reads as GOPROXY for this HOME, in the lab's hermetic environment. */
export async function goEnvGoproxy(lab: Lab, home: string): Promise<string> {
  const r = await runCommand(GO123, ['env', 'GOPROXY'], { env: labGoEnv(lab, home), timeoutMs: 30_000 });
  if (r.code !== 0) throw new Error(`go env failed: ${r.stderr}`);
  return r.stdout.trim();
}

export async function goEnvWrite(lab: Lab, home: string, goproxy: string): Promise<void> {
  const r = await runCommand(GO123, ['env', '-w', `GOPROXY=${goproxy}`], { env: labGoEnv(lab, home), timeoutMs: 30_000 });
  if (r.code !== 0) throw new Error(`go env -w failed: ${r.stderr}`);
}

export const SHORT_TIMEOUTS = { dnsMs: 2_000, connectMs: 1_500, tlsMs: 1_500, ttfbMs: 1_500, transferMs: 2_000, overallMs: 5_000 };
