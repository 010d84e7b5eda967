// A real service behind the real headless server, under its own temporary HOME, reached through
// the renderer's real headless client. Every test gets its own HOME (the go env file, rc files,
// the product's dirs) and closes everything it started.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/core/headless/server.js';
import { createService, type Service, type ServiceOptions } from '../../../electron/core/service/service.js';
import { createHeadlessClient } from '../../../renderer/bridge/headless-client.js';
import type { Api } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import type { AppState } from '../../../shared/contract/state.js';
import type { AppEvent } from '../../../shared/contract/stream.js';
import { goToolchains, runCommand } from '../../support/go.js';

export const go = goToolchains().find((g) => g.name === 'go1.23') ?? goToolchains().at(-1)!;

export interface Served {
  home: string;
  env: NodeJS.ProcessEnv;
  service: Service;
  server: HeadlessServer;
  api: Api;
  events: AppEvent[];
  close(): Promise<void>;
}

/** Only what go and the engines need: no GO* variable of the machine's leaks in. */
export function homeEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', GOPROXYCTL_GO: go.bin, GOTOOLCHAIN: 'local', GOTELEMETRY: 'off', SHELL: '/bin/bash', LANG: 'C.UTF-8', ...extra };
}

export async function serve(opts: { env?: (home: string) => NodeJS.ProcessEnv; service?: Partial<ServiceOptions>; beforeStart?: (home: string, env: NodeJS.ProcessEnv) => Promise<void> } = {}): Promise<Served> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-service-'));
  const env = opts.env ? opts.env(home) : homeEnv(home);
  await opts.beforeStart?.(home, env);
  const service = createService({ env, cwd: home, helperArgv: [], loginItem: null, explainTimeoutMs: 5000, ...opts.service });
  const server = await startHeadlessServer({ service, staticRoot: null });
  const events: AppEvent[] = [];
  const stop = service.subscribe((m) => {
    if (m.type === 'event') events.push(m.event);
  });
  await service.ready;
  const api = createHeadlessClient({ origin: server.origin, token: server.token });
  return {
    home,
    env,
    service,
    server,
    api,
    events,
    async close() {
      stop();
      await server.close();
      await service.shutdown();
      // go 1.23's telemetry child may still write under HOME just after go exits: retry.
      await rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/** What the real go says a variable is, in this HOME. */
export async function goEnv(env: NodeJS.ProcessEnv, name: string): Promise<string> {
  const r = await runCommand(go.bin, ['env', name], { env, cwd: env.HOME, timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`go env ${name} failed: ${r.stderr}`);
  return r.stdout.trim();
}

export async function goEnvWrite(env: NodeJS.ProcessEnv, assignment: string): Promise<void> {
  const r = await runCommand(go.bin, ['env', '-w', assignment], { env, cwd: env.HOME, timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`go env -w failed: ${r.stderr}`);
}

/** The command's ContractError (code and message), or a failure when it succeeded. */
export async function rejection(p: Promise<unknown>): Promise<ContractError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw err;
  }
  throw new Error('the command succeeded but should have been refused');
}

/** Polls the authoritative state until `ok` holds (bounded). */
export async function waitForState(api: Api, ok: (s: AppState) => boolean, timeoutMs = 60_000): Promise<AppState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await api.state();
    if (ok(s)) return s;
    if (Date.now() > deadline) throw new Error('the state never reached the expected condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}
