// Shared by the relay's integration suites: a relay in this process over a lab chain, and the
// real go run against either.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Relay, type RelayEvent, type RelayOptions } from '../../../electron/core/relay/index.js';
import type { Lab } from '../../lab/index.js';
import { runCommand, type GoToolchain, type RunResult } from '../../support/go.js';

/** `{name}` -> the lab proxy's URL. */
export function expandChain(lab: Lab, template: string): string {
  return template.replace(/\{([\w-]+)\}/g, (_, name: string) => {
    const proxy = lab.proxies[name];
    if (!proxy) throw new Error(`unknown lab proxy ${name}`);
    return proxy.url;
  });
}

// Short deadlines for proxies with no history: the suites exercise what happens at the deadline,
// not how long it is (no timing is asserted).
export const TEST_DEADLINES: RelayOptions['deadlines'] = {
  firstByte: { floorMs: 1_000, ceilingMs: 5_000, defaultMs: 2_000 },
  hedge: { floorMs: 25, ceilingMs: 1_000, defaultMs: 300 },
};

export async function startTestRelay(lab: Lab, goproxy: string, opts: Partial<RelayOptions> = {}): Promise<{ relay: Relay; events: RelayEvent[] }> {
  const events: RelayEvent[] = [];
  const relay = await Relay.start({
    chain: { goproxy: expandChain(lab, goproxy), gonoproxy: '', source: 'test' },
    cacheDir: lab.makeTempDir('relay-cache'),
    deadlines: TEST_DEADLINES,
    env: lab.goEnv(),
    ...opts,
    onEvent: (e) => {
      events.push(e);
      opts.onEvent?.(e);
    },
  });
  return { relay, events };
}

export interface GoRun {
  ok: boolean;
  /** The run did not finish within the bound (go waits forever on a silent proxy). */
  hung: boolean;
  error: string;
  result: RunResult;
}

/** `go mod download -json module@version` with a fresh GOMODCACHE under `work`. */
export async function goDownload(lab: Lab, go: GoToolchain, goproxy: string, work: string, modules: string[], boundMs: number, extra: Record<string, string> = {}): Promise<GoRun> {
  const env = lab.goEnv({ GOPROXY: goproxy, GOPATH: path.join(work, 'gopath'), GOMODCACHE: path.join(work, 'gopath', 'pkg', 'mod'), ...extra });
  env.PATH = `${path.dirname(go.bin)}:${env.PATH ?? '/usr/bin:/bin'}`;
  await mkdir(work, { recursive: true });
  const started = performance.now();
  const result = await runCommand(go.bin, ['mod', 'download', '-json', ...modules], { env, cwd: work, timeoutMs: boundMs });
  // Killed at the bound (runCommand's timeout), as opposed to exiting with a status.
  const hung = result.code === null && performance.now() - started >= boundMs - 50;
  if (result.code === null && !hung) throw new Error(`go could not be started: ${result.stderr}`);
  let error = '';
  for (const obj of result.stdout.split(/\n(?=\{)/)) {
    try {
      const parsed = JSON.parse(obj) as { Error?: string };
      if (parsed.Error) error ||= parsed.Error;
    } catch {
      // not a JSON object (partial output of a killed run)
    }
  }
  return { ok: result.code === 0 && error === '', hung, error: hung ? `did not finish within ${boundMs} ms` : error || result.stderr.trim(), result };
}

/** Names of the lab proxies that received at least one request since their logs were cleared. */
export function contacted(lab: Lab): Set<string> {
  return new Set(Object.values(lab.proxies).filter((p) => p.accessLog.length > 0).map((p) => p.name));
}

export function clearLogs(lab: Lab): void {
  for (const p of Object.values(lab.proxies)) p.clearLog();
}

/** Resolves once `condition` holds, checking after each turn of the event loop (events arrive asynchronously). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
