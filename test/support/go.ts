// The real go toolchains the integration tests compare against (installed by
// scripts/install-test-deps.sh), and a bounded way to run them.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface GoToolchain {
  name: string;
  bin: string;
}

const KNOWN: GoToolchain[] = [
  { name: 'go1.19', bin: '/usr/lib/go-1.19/bin/go' },
  { name: 'go1.23', bin: '/usr/lib/go-1.23/bin/go' },
];

/**
 * Every toolchain the tests compare against. One policy for every test that needs go: a missing
 * toolchain fails the test (never a skip, which would let a differential test pass asserting
 * nothing); scripts/install-test-deps.sh installs both.
 */
export function goToolchains(): GoToolchain[] {
  const missing = KNOWN.filter((g) => !existsSync(g.bin));
  if (missing.length > 0) throw new Error(`${missing.map((g) => `${g.name} (${g.bin})`).join(' and ')} not installed: run \`sudo bash scripts/install-test-deps.sh\``);
  return KNOWN;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCommand(bin: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string }): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      bin,
      args,
      { env: opts.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: unknown }).code as number | null) ?? null : 0;
        resolve({ code: typeof code === 'number' ? code : null, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}
