// The keychain store against a real gnome-keyring: each scenario runs in a child under
// scripts/with-keyring.sh (a private D-Bus session, an unlocked throwaway keyring whose files sit
// in the test's temporary HOME), so it passes however the test runner itself was started.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { digest } from './keychain-child.js';
import { headersGoWouldSend, parseUserAuth } from './go-auth-port.js';
import { envForHome, runKeychainChild, type ChildRun } from './run-child.js';
import { filesContaining, makeTempHome, type TempHome } from '../../support/temp-home.js';

const A = { origin: 'https://Proxy.Corp.Example/go/', user: 'alice', secret: `pä$$ wörd'"\\\`$(id);&|\n😀-${Math.random().toString(36).slice(2)}` };
const B = { origin: 'athens.corp.example:8443', user: 'bob@corp', secret: `tok_${Math.random().toString(36).slice(2)}\t=+/` };
const C = { origin: 'http://127.0.0.1:9', user: 'lab', secret: `lab-only-${Math.random().toString(36).slice(2)}` };
const SECRETS = [A.secret, B.secret, C.secret];

let home: TempHome;
before(async () => {
  home = await makeTempHome();
});
after(() => home.cleanup());

function assertChildOk(run: ChildRun): void {
  assert.equal(run.code, 0, `child failed: ${run.stderr}`);
  for (const s of SECRETS) {
    assert.ok(!run.stdout.includes(s) && !run.stderr.includes(s), 'a secret leaked into the output');
  }
}

async function assertNoSecretOnDisk(dir: string): Promise<void> {
  for (const s of SECRETS) assert.deepEqual(await filesContaining(dir, s), [], 'a secret is in a file in plain text');
}

test('set/get/list/remove round-trip on the real keychain; list is rebuilt from the keychain', async () => {
  const dir = path.join(home.home, 'roundtrip');
  const run = await runKeychainChild('roundtrip', { credentials: [A, B] }, { env: envForHome(dir), session: 'keyring' });
  assertChildOk(run);
  const r = run.report;
  assert.deepEqual(r.status, { available: true, backend: 'Secret Service' });
  assert.deepEqual(r.setA, { ok: true });
  assert.deepEqual(r.setB, { ok: true });
  assert.deepEqual(r.getA, { ok: true, user: 'alice', secretDigest: digest(A.secret) });
  assert.deepEqual(r.getB, { ok: true, user: 'bob@corp', secretDigest: digest(B.secret) });
  assert.deepEqual(r.getUnknown, { ok: true, value: null });
  const both = [
    { origin: 'https://athens.corp.example:8443', user: 'bob@corp' },
    { origin: 'https://proxy.corp.example', user: 'alice' },
  ];
  assert.deepEqual(r.listBoth, { ok: true, value: both });
  assert.deepEqual(r.removeA, { ok: true, value: true });
  assert.deepEqual(r.removeAAgain, { ok: true, value: false });
  assert.deepEqual(r.getAAfterRemove, { ok: true, value: null });
  assert.deepEqual(r.getBAfterRemove, { ok: true, user: 'bob@corp', secretDigest: digest(B.secret) }, 'removing one origin leaves the other');
  assert.deepEqual(r.listAfterRemove, { ok: true, value: [both[0]] });
  assert.deepEqual(r.listAfterIndexLoss, { ok: true, value: [both[0]] });
  assert.equal((r.badInput as { name: string }).name, 'SecretStoreInputError');

  // The index lives under the product's config dir (HOME/.config here) and names origins and users only.
  assert.equal(r.indexPath, path.join(dir, '.config', 'goproxyctl', 'credentials.json'));
  const index = JSON.parse(await readFile(r.indexPath, 'utf8')) as { credentials: unknown };
  assert.deepEqual(index.credentials, [both[0]]);
  // The keychain's own files are under the temporary HOME too: the secrets are in them only encrypted.
  assert.ok(existsSync(path.join(dir, '.local', 'share', 'keyrings', 'login.keyring')));
  await assertNoSecretOnDisk(dir);
});

test('the GOAUTH helper, run the way go runs it, prints the stored https credentials from the keychain', async () => {
  const dir = path.join(home.home, 'goauth');
  const retryUrls = [
    'https://proxy.corp.example/github.com/x/y/@v/list',
    'https://athens.corp.example:8443/corp.example/m/@v/v1.0.0.zip',
    'https://proxy.corp.example.evil/x/@v/list',
    'http://127.0.0.1:9/lab.invalid/m/@v/list',
  ];
  const run = await runKeychainChild('goauth', { credentials: [A, B, C], retryUrls }, { env: envForHome(dir), session: 'keyring' });
  assert.equal(run.code, 0, run.stderr);
  const basic = (user: string, secret: string): string => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

  // No argument (before go's first https fetch): every stored https origin, nothing for plain http.
  const first = run.report.noArgument as { code: number; stdout: string; stderr: string };
  assert.equal(first.code, 0, first.stderr);
  const all = parseUserAuth(first.stdout);
  assert.deepEqual([...all.keys()].sort(), ['athens.corp.example:8443', 'proxy.corp.example']);
  assert.deepEqual(headersGoWouldSend(all, retryUrls[0]!), [['Authorization', basic('alice', A.secret)]]);
  assert.deepEqual(headersGoWouldSend(all, retryUrls[1]!), [['Authorization', basic('bob@corp', B.secret)]]);
  assert.equal(run.report.inProcess, first.stdout, 'the child process prints exactly what the function returns');

  // Retry after a 4xx: the URL as argument, the response on stdin; only the matching set, or nothing.
  const retries = run.report.retries as { url: string; code: number; stdout: string; stderr: string }[];
  for (const r of retries) assert.equal(r.code, 0, r.stderr);
  assert.deepEqual([...parseUserAuth(retries[0]!.stdout).keys()], ['proxy.corp.example']);
  assert.deepEqual([...parseUserAuth(retries[1]!.stdout).keys()], ['athens.corp.example:8443']);
  assert.equal(retries[2]!.stdout, '', 'a look-alike host gets nothing');
  assert.equal(retries[3]!.stdout, '', 'plain http gets nothing');

  // The lab's http-only secret is never handed out, in any encoding.
  const everything = run.stdout + run.stderr;
  assert.ok(!everything.includes(C.secret) && !everything.includes(Buffer.from(`lab:${C.secret}`).toString('base64')));
  await assertNoSecretOnDisk(dir);
});

test('a locked keychain fails every call with one sentence naming the fix, never the secret', async () => {
  const dir = path.join(home.home, 'locked');
  const run = await runKeychainChild('locked', { credentials: [A] }, { env: envForHome(dir), session: 'keyring' });
  assertChildOk(run);
  for (const op of ['get', 'set', 'remove', 'list']) {
    const o = run.report[op] as { ok: boolean; problem: string; message: string };
    assert.equal(o.ok, false, op);
    assert.equal(o.problem, 'locked', `${op}: ${o.message}`);
    assert.match(o.message, /^the OS keychain is locked: unlock it/);
  }
  await assertNoSecretOnDisk(dir);
});

test('a Secret Service without a default collection refuses to store, with the sentence, and writes nothing in plain text', async () => {
  const dir = path.join(home.home, 'no-collection');
  await mkdir(dir); // the activated daemon needs an existing HOME, as any real one is
  const run = await runKeychainChild('unavailable', { credentials: [A] }, { env: envForHome(dir), session: 'bare' });
  assertChildOk(run);
  assert.deepEqual(run.report.set, {
    ok: false,
    name: 'KeychainError',
    problem: 'no-collection',
    message: 'the OS keychain has no default collection to store secrets in: create a "login" keyring (for example with Seahorse) and try again',
  });
  // Reading works and finds nothing: the store is reachable, just empty.
  assert.deepEqual(run.report.get, { ok: true, value: null });
  assert.deepEqual(run.report.list, { ok: true, value: [] });
  assert.deepEqual(run.report.helper, { ok: true, value: '' });
  assert.ok(!existsSync(path.join(dir, '.config', 'goproxyctl', 'credentials.json')), 'no index entry for a credential that was not stored');
  await assertNoSecretOnDisk(dir);
});
