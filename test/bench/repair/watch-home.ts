// A temporary HOME for `goproxyctl watch` (never the real one) whose go env file sets GOPROXY,
// written by the real go 1.23 as a user's `go env -w` would. Removed by the cleanup.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../support/go.js';
import { GO123, makeWatchHome } from '../../integration/watch/helpers.js';
import { onCleanup } from './cleanup.js';

export interface BenchHome {
  home: string;
  env: NodeJS.ProcessEnv;
  /** The go env file go and the apply engine use for this HOME. */
  envFile: string;
  /** Its content right after `go env -w GOPROXY=...`. */
  original: string;
}

export async function benchHome(goproxy: string): Promise<BenchHome> {
  const h = await makeWatchHome();
  onCleanup(`remove ${h.home}`, () => h.cleanup());
  const r = await runCommand(GO123, ['env', '-w', `GOPROXY=${goproxy}`], { env: h.env, cwd: h.home, timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`go env -w failed: ${r.stderr}`);
  const envFile = path.join(h.home, '.config', 'go', 'env');
  return { home: h.home, env: h.env, envFile, original: readFileSync(envFile, 'utf8') };
}
