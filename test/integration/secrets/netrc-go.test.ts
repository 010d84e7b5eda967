// The opt-in netrc path end to end with the real go (1.23 and 1.19, which predate GOAUTH): a lab
// proxy that requires HTTP Basic auth serves one private module; writeNetrcEntries writes the
// credential and NETRC points go at the file.
// Found with the real binaries: go sends netrc credentials over https only (internal/web/http.go
// calls auth.AddCredentials only for https URLs), and matches `machine` against the host name
// without the port. So the proxy here is https (the lab CA via SSL_CERT_FILE), and a plain-http
// proxy is shown to get no credentials even with a matching netrc line.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { writeNetrcEntries } from '../../../electron/core/secrets/netrc-file.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { filesContaining } from '../../support/temp-home.js';

const USER = 'ci-bot';
const SECRET = `netrc-${Math.random().toString(36).slice(2)}-Zz9`;
const MODULE = 'lab.invalid/private';
const privateModule = {
  path: MODULE,
  version: 'v1.0.0',
  requires: [],
  files: { 'go.mod': `module ${MODULE}\n\ngo 1.19\n`, 'private.go': 'package private\n\nconst Answer = 42\n' },
};

let lab: Lab;
before(async () => {
  lab = await startLab({
    proxies: [
      { name: 'auth-https', tls: 'valid', faults: { auth: { user: USER, password: SECRET } } },
      { name: 'auth-http', tls: 'none', faults: { auth: { user: USER, password: SECRET } } },
    ],
    modules: [privateModule],
  });
});
after(() => lab?.close());

async function goModDownload(goBin: string, proxyUrl: string, netrc: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = lab.goEnv({ GOPROXY: proxyUrl, NETRC: netrc, GONOSUMDB: MODULE, GOMODCACHE: lab.makeTempDir('modcache') });
  return runCommand(goBin, ['mod', 'download', '-json', `${MODULE}@v1.0.0`], { env, cwd: lab.dir, timeoutMs: 60_000 });
}

for (const go of goToolchains()) {
  test(`${go.name}: a netrc entry written by writeNetrcEntries authenticates go against an https proxy`, async () => {
    const proxy = lab.proxies['auth-https']!;
    assert.match(proxy.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const netrc = path.join(lab.makeTempDir(`${go.name}-netrc`), '.netrc');
    await writeFile(netrc, 'machine github.com login someone password unrelated\n', { mode: 0o600 });
    await writeNetrcEntries(netrc, [{ origin: proxy.url, user: USER, secret: SECRET }]);

    proxy.clearLog();
    const ok = await goModDownload(go.bin, proxy.url, netrc);
    assert.equal(ok.code, 0, ok.stderr);
    const info = JSON.parse(ok.stdout) as { Path: string; Version: string; Zip?: string; Error?: string };
    assert.equal(info.Error, undefined);
    assert.equal(info.Version, 'v1.0.0');
    assert.ok(proxy.accessLog.some((e) => e.authorized === true && e.path.endsWith('.zip')), 'the zip was served to an authorized request');
    assert.ok(!ok.stdout.includes(SECRET) && !ok.stderr.includes(SECRET));
  });

  test(`${go.name}: without the entry the same download fails with 401`, async () => {
    const proxy = lab.proxies['auth-https']!;
    const netrc = path.join(lab.makeTempDir(`${go.name}-empty`), '.netrc');
    await writeFile(netrc, 'machine github.com login someone password unrelated\n', { mode: 0o600 });
    proxy.clearLog();
    const res = await goModDownload(go.bin, proxy.url, netrc);
    assert.notEqual(res.code, 0);
    assert.match(res.stdout + res.stderr, /401 Unauthorized/);
    assert.ok(proxy.accessLog.every((e) => !e.authorizationHeaderSent));
  });

  test(`${go.name}: over plain http go sends no netrc credentials, even for a matching machine`, async () => {
    const proxy = lab.proxies['auth-http']!;
    assert.match(proxy.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const netrc = path.join(lab.makeTempDir(`${go.name}-http`), '.netrc');
    // Written by hand: writeNetrcEntries refuses http origins for exactly this reason.
    await writeFile(netrc, `machine 127.0.0.1 login ${USER} password ${SECRET}\nmachine 127.0.0.1:${proxy.port} login ${USER} password ${SECRET}\n`, { mode: 0o600 });
    proxy.clearLog();
    const res = await goModDownload(go.bin, proxy.url, netrc);
    assert.notEqual(res.code, 0);
    assert.match(res.stdout + res.stderr, /401 Unauthorized/);
    assert.ok(proxy.accessLog.length > 0 && proxy.accessLog.every((e) => !e.authorizationHeaderSent));
  });
}

test('the secret is nowhere in the lab tree except the netrc files that hold it on purpose', async () => {
  const hits = await filesContaining(lab.dir, SECRET);
  assert.ok(hits.length > 0);
  assert.deepEqual(hits.filter((f) => path.basename(f) !== '.netrc'), []);
});
