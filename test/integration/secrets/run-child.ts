// Spawns keychain-child.js with a scenario, its input (secrets included) on stdin, never in argv.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../../support/paths.js';
import type { ChildInput } from './keychain-child.js';

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'keychain-child.js');
export const withKeyringScript = path.join(repoRoot, 'scripts', 'with-keyring.sh');

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  report: Record<string, unknown>;
}

/** Environment for a child whose whole world is `home`: config and keyring files land under it. */
export function envForHome(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, '.local', 'share') };
  // Every other location defaults under HOME: an inherited one would point outside it.
  for (const k of ['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'NETRC', 'GOENV', 'GOPATH', 'GOMODCACHE', 'GOCACHE']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * Runs a scenario. session: 'keyring' = inside scripts/with-keyring.sh (a fresh, unlocked
 * gnome-keyring); 'bare' = a fresh D-Bus session where the Secret Service is only D-Bus-activated,
 * so it has no login collection; 'none' = the environment as given.
 */
export function runKeychainChild(scenario: string, input: ChildInput, opts: { env: NodeJS.ProcessEnv; session: 'keyring' | 'bare' | 'none' }): Promise<ChildRun> {
  const node = [process.execPath, childScript, scenario];
  const [cmd, args] =
    opts.session === 'keyring' ? ['bash', [withKeyringScript, ...node]] : opts.session === 'bare' ? ['dbus-run-session', ['--', ...node]] : [node[0]!, node.slice(1)];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      let report: Record<string, unknown> = {};
      try {
        report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
      } catch {
        // reported through code/stderr below
      }
      resolve({ code, stdout, stderr, report });
    });
    child.stdin.end(JSON.stringify(input));
  });
}
