// Runs the real go binary as an oracle for the differential tests: no network (GOPROXY
// values under test never reach one; direct fetches go to *.invalid hosts, which fail
// at once), a throwaway GOPATH/GOMODCACHE/GOCACHE, a bounded timeout per command.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goToolchains } from '../../support/go.js';

export interface GoBinary {
  version: string;
  path: string;
}

/** Every go the differential tests judge against; throws (the tests fail, never skip) when one is missing. */
export function requiredGos(): GoBinary[] {
  return goToolchains().map((g) => ({ version: g.name.replace(/^go/, ''), path: g.bin }));
}

export interface GoSandbox {
  dir: string;
  /** Runs go with a clean, offline environment plus `env`; resolves with stdout/stderr/exit code. */
  run(go: GoBinary, args: string[], env: Record<string, string>, input?: string): Promise<{ stdout: string; stderr: string; code: number | null }>;
  close(): Promise<void>;
}

// Generous: the first `go run` compiles, and a loaded 2-core machine can take a minute for that.
const COMMAND_TIMEOUT_MS = 120_000;
const MAX_PARALLEL = 4;

export async function createGoSandbox(): Promise<GoSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'goproxyctl-go-'));
  const queue = new Limiter(MAX_PARALLEL);
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    GOPATH: join(dir, 'gopath'),
    GOMODCACHE: join(dir, 'modcache'),
    GOCACHE: join(dir, 'gocache'),
    GOENV: 'off',
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-mod=mod',
    GOSUMDB: 'off',
    GO111MODULE: 'on',
  };
  return {
    dir,
    run: (go, args, env, input) =>
      queue.run(
        () =>
          new Promise((resolve) => {
            const child = execFile(
              go.path,
              args,
              { cwd: dir, env: { ...baseEnv, ...env }, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 4 << 20 },
              (error, stdout, stderr) => {
                const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
                resolve({ stdout, stderr, code });
              },
            );
            if (input !== undefined) child.stdin?.end(input);
            else child.stdin?.end();
          }),
      ),
    close: async () => {
      // The module cache is read-only; make it removable first.
      await new Promise<void>((resolve) => execFile('chmod', ['-R', 'u+w', dir], () => resolve()));
      await rm(dir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

/** `go mod download -json <module>@<version>` and the Error field go printed (without the "module@version: " prefix). */
export async function downloadError(sandbox: GoSandbox, go: GoBinary, moduleAtVersion: string, env: Record<string, string>): Promise<string | null> {
  const { stdout, stderr } = await sandbox.run(go, ['mod', 'download', '-json', moduleAtVersion], env);
  let parsed: { Error?: string };
  try {
    parsed = JSON.parse(stdout) as { Error?: string };
  } catch {
    throw new Error(`go ${go.version} printed no JSON for ${moduleAtVersion} (${JSON.stringify(env)}): ${stdout} ${stderr}`);
  }
  if (parsed.Error === undefined) return null;
  const prefix = `${moduleAtVersion}: `;
  return parsed.Error.startsWith(prefix) ? parsed.Error.slice(prefix.length) : parsed.Error;
}

class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
