// Shared by the watch tests: a temporary HOME (never the real one), the environment that points
// go, the apply engine and the product's dirs into it, and the real go to read the result back.
import path from 'node:path';
import type { Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

export const GO123 = '/usr/lib/go-1.23/bin/go';

export type WatchHome = TempHome;

export function makeWatchHome(): Promise<WatchHome> {
  return makeTempHome('goproxyctl-watch-home-', { GOPROXYCTL_GO: GO123 });
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
