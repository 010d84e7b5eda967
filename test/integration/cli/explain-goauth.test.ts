// GOAUTH (go ≥ 1.24, go-semantics.md §4) as explain models it: no go 1.24 is installed here, so
// these tests hold explain to the specification rather than to a real go. A `command` helper runs
// once with no arguments, as go runs it; `off` sends nothing; `netrc` (the default) reads .netrc;
// and go 1.23 ignores GOAUTH entirely.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLab, type Lab } from '../../lab/index.js';
import { explainModule } from '../../../electron/core/explain/explain-module.js';
import { render } from '../../../shared/i18n/catalog.js';

const CREDS = { user: 'ci', password: 's3cr3t-pa55' };
let lab: Lab;
let dir: string;
let helper: string;
let calls: string;

before(async () => {
  lab = await startLab({ proxies: [{ name: 'private', tls: 'valid', faults: { auth: CREDS } }] });
  dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-goauth-'));
  calls = path.join(dir, 'calls');
  helper = path.join(dir, 'helper.sh');
  const basic = Buffer.from(`${CREDS.user}:${CREDS.password}`).toString('base64');
  await writeFile(helper, `#!/bin/sh\necho "$#" >> '${calls}'\nprintf '%s\\n\\nAuthorization: Basic %s\\n\\n' '${lab.proxies.private!.url}' '${basic}'\n`);
  await chmod(helper, 0o755);
});

after(async () => {
  await lab?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function explainWith(goVersion: string, goauth: string, netrc = '') {
  const netrcFile = path.join(dir, `netrc-${Math.random().toString(36).slice(2)}`);
  await writeFile(netrcFile, netrc);
  return explainModule({
    module: 'lab.invalid/app',
    version: 'v1.0.0',
    goproxy: lab.proxies.private!.url,
    gonoproxy: '',
    env: lab.goEnv({ NETRC: netrcFile }),
    goVersion,
    goauth,
    timeoutMs: 5_000,
  });
}

test('go 1.24 with GOAUTH=command: the helper runs once, with no arguments, and its Basic header is sent', async () => {
  await writeFile(calls, '');
  const r = await explainWith('go1.24.2', `command ${helper}`);
  assert.equal(r.outcome, 'served', r.error ?? '');
  assert.deepEqual((await readFile(calls, 'utf8')).trim().split('\n'), ['0'], 'one call, no arguments');
});

test('go 1.24 with GOAUTH=off: nothing is sent, even with a matching .netrc: 401', async () => {
  const host = new URL(lab.proxies.private!.url).host;
  const r = await explainWith('go1.24.2', 'off', `machine ${host} login ${CREDS.user} password ${CREDS.password}\n`);
  assert.equal(r.outcome, 'failed');
  assert.equal(r.steps[0]!.status, 401);
});

test('go 1.24 with the default GOAUTH (netrc): the .netrc entry for host:port is sent', async () => {
  const host = new URL(lab.proxies.private!.url).host;
  const r = await explainWith('go1.24.2', '', `machine ${host} login ${CREDS.user} password ${CREDS.password}\n`);
  assert.equal(r.outcome, 'served', r.error ?? '');
});

test('go 1.23 does not read GOAUTH: a command there changes nothing, and the fix names the .netrc line', async () => {
  const r = await explainWith('go1.23.5', `command ${helper}`);
  assert.equal(r.outcome, 'failed');
  assert.equal(r.fix?.id, 'explain.auth.none');
  assert.match(render('en', r.fix), /machine 127\.0\.0\.1:\d+ login/);
  assert.doesNotMatch(render('en', r.fix), /GOAUTH/);
});
