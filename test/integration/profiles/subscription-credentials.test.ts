// A subscription URL with user:password, through the built CLI against a real gnome-keyring
// (scripts/with-keyring.sh): the password is sent to the server as Basic authentication on the
// first fetch and on every refresh, kept in the OS keychain, never in profiles.json or any file
// under HOME, never printed; unsubscribing removes it from the keychain; plain http to a
// non-loopback host is refused before anything is sent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { builtinProfile, serializeBundle } from '../../../shared/profile/index.js';
import { runCommand, type RunResult } from '../../support/go.js';
import { envForHome, withKeyringScript } from '../secrets/run-child.js';
import { filesContaining, makeTempHome, type TempHome } from '../../support/temp-home.js';
import type { KeychainScenarioInput } from './subscription-keychain-child.js';

const USER = 'team';
const PASSWORD = `s3cret-${Math.random().toString(36).slice(2)}-pä55`;
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'subscription-keychain-child.js');
const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((bin) => spawnSync('bash', ['-c', `command -v ${bin}`]).status !== 0);

let home: TempHome;
before(async () => {
  home = await makeTempHome('goproxyctl-sub-creds-');
});
after(() => home.cleanup());

test('a subscription password goes to the keychain, is sent as Basic auth, and is never stored or printed', { timeout: 180_000, skip: missing.length > 0 ? `${missing.join(', ')} missing: sudo bash scripts/install-test-deps.sh` : false }, async () => {
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`, 'utf8').toString('base64')}`;
  const seen: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers.authorization);
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="team"' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(serializeBundle([{ ...builtinProfile('global')!, id: 'team-a', name: 'Team A' }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const bareUrl = `http://127.0.0.1:${port}/team.json`;
  // A store written before passwords went to the keychain: the URL holds it.
  const legacyHome = path.join(home.home, 'legacy');
  const legacyBareUrl = `http://127.0.0.1:${port}/legacy.json`;
  const legacyUrl = legacyBareUrl.replace('http://', `http://${USER}:${encodeURIComponent(PASSWORD)}@`);
  await mkdir(path.join(legacyHome, '.config', 'goproxyctl'), { recursive: true });
  const legacyStore = { version: 1, active: null, profiles: [{ ...builtinProfile('global')!, id: 'team-a', name: 'Team A' }], subscriptions: [{ source: legacyUrl, intervalSeconds: 3600, lastAttempt: null, lastSuccess: null, lastError: null, profileIds: ['team-a'] }] };
  await writeFile(path.join(legacyHome, '.config', 'goproxyctl', 'profiles.json'), JSON.stringify(legacyStore));
  const input: KeychainScenarioInput = {
    url: `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/team.json`,
    bareUrl,
    insecureUrl: `http://${USER}:${encodeURIComponent(PASSWORD)}@profiles.example.invalid/team.json`,
    legacyHome,
    legacyBareUrl,
  };
  let run: RunResult;
  try {
    run = await runCommand('bash', [withKeyringScript, process.execPath, child, '--run'], { env: envForHome(home.home), input: JSON.stringify(input), timeoutMs: 150_000 });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  assert.equal(run.code, 0, run.stderr);
  const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, RunResult | { user: string; secretDigest: string } | null>;
  const step = (name: string): RunResult => r[name] as RunResult;

  assert.equal(step('subscribe').code, 0, step('subscribe').stderr);
  assert.equal(step('subscribe').stdout, `Subscribed to ${bareUrl} (its password is kept in the OS keychain): "team-a".\n`);
  assert.deepEqual(r.keychainAfterSubscribe, { user: USER, secretDigest: createHash('sha256').update(PASSWORD).digest('hex') });
  const listed = JSON.parse(step('list').stdout) as { subscriptions: { source: string; credential?: string }[] };
  assert.deepEqual(listed.subscriptions.map((s) => [s.source, s.credential]), [[bareUrl, 'keychain']]);
  assert.match(step('refresh').stdout, /✓ http:\/\/127\.0\.0\.1:\d+\/team\.json: team-a/, step('refresh').stderr);
  assert.equal(step('again').code, 2);
  assert.match(step('again').stderr, /already subscribed to http:\/\/127\.0\.0\.1:\d+\/team\.json;/);
  assert.equal(step('insecure').code, 2);
  assert.match(step('insecure').stderr, /^goproxyctl profiles: http:\/\/profiles\.example\.invalid\/team\.json uses plain http, which would send the subscription's password unencrypted; use its https:\/\/ URL\.\n$/);
  assert.equal(step('unsubscribe').code, 0, step('unsubscribe').stderr);
  assert.equal(r.keychainAfterUnsubscribe, null, 'unsubscribing removed the password from the keychain');
  assert.equal(step('subscribeJson').code, 0, step('subscribeJson').stderr);
  assert.equal((JSON.parse(step('subscribeJson').stdout) as { source: string }).source, bareUrl);

  // The legacy store: listed without the password, then moved to the keychain by the refresh.
  assert.deepEqual((JSON.parse(step('legacyList').stdout) as { subscriptions: { source: string }[] }).subscriptions.map((s) => s.source), [legacyBareUrl.replace('http://', 'http://***@')]);
  assert.match(step('legacyRefresh').stdout, /✓ http:\/\/127\.0\.0\.1:\d+\/legacy\.json: team-a/, step('legacyRefresh').stderr);
  assert.deepEqual(r.legacyKeychain, r.keychainAfterSubscribe, 'the legacy password is in the keychain now');
  assert.deepEqual((JSON.parse(step('legacyListAfter').stdout) as { subscriptions: { source: string; credential?: string }[] }).subscriptions.map((s) => [s.source, s.credential]), [[legacyBareUrl, 'keychain']]);

  // The server got the credential on the first fetch, on the refresh, on the re-subscribe and on the
  // legacy refresh, and never a request without it; no request reached the insecure host.
  assert.deepEqual(seen, [expected, expected, expected, expected]);
  for (const [name, value] of Object.entries(r)) {
    if (value && 'stdout' in value) assert.ok(!value.stdout.includes(PASSWORD) && !value.stderr.includes(PASSWORD) && !value.stderr.includes(encodeURIComponent(PASSWORD)), `${name} printed the password`);
  }
  const store = await readFile(path.join(home.home, '.config', 'goproxyctl', 'profiles.json'), 'utf8');
  assert.ok(!store.includes(PASSWORD) && !store.includes(encodeURIComponent(PASSWORD)) && !store.includes(`${USER}:`), 'profiles.json holds no credential');
  assert.deepEqual(await filesContaining(home.home, PASSWORD), [], 'no file under HOME holds the password in plain text');
  assert.deepEqual(await filesContaining(home.home, encodeURIComponent(PASSWORD)), []);
});
