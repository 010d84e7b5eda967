// Credentials through the real headless server against a real gnome-keyring (scripts/with-keyring.sh):
// origin and user come back, the secret never does (not in a response, the state, the stream,
// the output or a file).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { repoRoot } from '../../support/paths.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'credentials-child.js');
const withKeyring = path.join(repoRoot, 'scripts', 'with-keyring.sh');
const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((bin) => spawnSync('bash', ['-c', `command -v ${bin}`]).status !== 0);
const skip = missing.length > 0 ? `no keychain on this machine (${missing.join(', ')} missing: sudo bash scripts/install-test-deps.sh)` : false;
if (skip) console.log(`# skipped: ${skip}`);

async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile() && (await readFile(file)).includes(needle)) hits.push(name);
  }
  return hits;
}

test('credentials: set, list, remove and keychain status; the secret never comes back', { skip, timeout: 90_000 }, async () => {
  const home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-service-creds-'));
  try {
    const secret = `s3cr3t-${Math.random().toString(36).slice(2)}-ü"'\\`;
    const input = { origin: 'https://Athens.Corp.Example/go/', user: 'alice', secret };
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: path.join(home, '.local', 'share'), LANG: 'C.UTF-8' };
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const p = spawn('bash', [withKeyring, process.execPath, child], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      p.on('error', reject);
      p.on('close', (code) => resolve({ code, stdout, stderr }));
      p.stdin.end(JSON.stringify(input));
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'the secret is in no response, state or stream message');
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      before: unknown;
      set: unknown;
      badOrigin: { code: string };
      stateAfterSet: { list: unknown };
      listed: { value: { list: unknown } };
      removed: unknown;
      removedAgain: unknown;
      stateAfterRemove: { list: unknown };
      streamed: string;
    };
    const origin = 'https://athens.corp.example';
    assert.deepEqual(r.before, { ok: true, value: { list: [], status: { available: true, backend: 'Secret Service', problem: null, backendMessage: { id: 'ops.keychain.backend.secret-service' } } } });
    assert.deepEqual(r.set, { ok: true, value: { origin, user: 'alice' } });
    assert.equal(r.badOrigin.code, 'bad-request');
    assert.deepEqual(r.stateAfterSet.list, [{ origin, user: 'alice' }]);
    assert.deepEqual(r.listed.value.list, [{ origin, user: 'alice' }]);
    assert.deepEqual(r.removed, { ok: true, value: { removed: true } });
    assert.deepEqual(r.removedAgain, { ok: true, value: { removed: false } });
    assert.deepEqual(r.stateAfterRemove.list, []);
    assert.match(r.streamed, /athens\.corp\.example/, 'the stream carried the credential list');
    assert.deepEqual(await filesContaining(home, secret), [], 'only the keyring (encrypted) holds it');
  } finally {
    await rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
});
