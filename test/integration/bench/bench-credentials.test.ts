// A private proxy benchmarked with the credential from the OS keychain (a private, unlocked
// gnome-keyring from scripts/with-keyring.sh), stored first with `goproxyctl auth set`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath, repoRoot } from '../../support/paths.js';
import { benchEnv, labModule, tempHome, type TempHome } from './helpers.js';

const SECRET = 'lab-secret-9f3a';
let lab: Lab;
let home: TempHome;

before(async () => {
  // https: go sends credentials to https URLs only, and `auth set` refuses anything else.
  lab = await startLab({ proxies: [{ name: 'private', tls: 'valid', faults: { auth: { user: 'dev', password: SECRET } } }] });
  home = await tempHome();
});

after(async () => {
  await lab?.close();
  await home?.close();
});

test('the stored credential is sent to the private proxy, which then works; the secret is never printed', async () => {
  const proxy = lab.proxies.private!.url;
  const env = benchEnv(lab, home);
  // The secret goes in on stdin only (auth set reads it); bench inherits the exhausted stdin.
  const script = 'node "$1" auth set "$2" --user dev && node "$1" bench --json --samples 1 --module "$3" --proxies "$2"';
  const r = await runCommand('bash', [path.join(repoRoot, 'scripts', 'with-keyring.sh'), 'bash', '-c', script, '_', cliPath, proxy, labModule(lab)], {
    env,
    input: SECRET,
    timeoutMs: 90_000,
  });
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { results: { proxy: string; ok: boolean; error: unknown }[] };
  const row = doc.results.find((x) => x.proxy === proxy);
  assert.ok(row, `no result for ${proxy}`);
  assert.equal(row.ok, true, JSON.stringify(row));
  assert.equal(row.error, null);
  const protocolRequests = lab.proxies.private!.accessLog.filter((e) => e.path.includes('/@v/'));
  assert.ok(protocolRequests.length > 0);
  assert.ok(protocolRequests.every((e) => e.authorized === true), 'every protocol request carried the right credential');
  assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET));
});
