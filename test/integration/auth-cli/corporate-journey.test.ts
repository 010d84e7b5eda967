// issue 10, journey 2: corporate over https, for real. The `corporate` lab scenario (a private
// proxy over https with the lab CA that wants credentials for corp.invalid/*, a public fallback
// proxying the lab's checksum database); a copy of the built-in corporate template filled in;
// the credential set with `auth set` in the real keychain (gnome-keyring through
// scripts/with-keyring.sh); `use` applies the profile and explains each variable; `auth netrc
// --enable` hands the credential to go < 1.24 (no GOAUTH). Then the real go 1.19 and 1.23, with a
// temporary module cache and nothing but the files goproxyctl wrote, download the private module
// through the private proxy (authorized) and a public one verified against the checksum database.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { builtinProfile, serializeProfile, type Profile } from '../../../shared/profile/index.js';
import { CORPORATE_CREDENTIALS, SCENARIOS, startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { envForHome } from '../secrets/run-child.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { runStepsInKeyring, type CliStepResult } from './cli-steps-child.js';

const PRIVATE = { path: 'corp.invalid/multi', version: 'v1.1.0' };
const PUBLIC = { path: 'lab.invalid/multi', version: 'v1.1.0' };
const GO123 = '/usr/lib/go-1.23/bin/go';

let lab: Lab;
let home: TempHome;
let env: NodeJS.ProcessEnv;
let steps: CliStepResult[];

before(async () => {
  const s = SCENARIOS.corporate!;
  lab = await startLab({ proxies: s.proxies, ...(s.modules ? { modules: s.modules } : {}), ...(s.checksumDb ? { checksumDb: s.checksumDb } : {}) });
  home = await makeTempHome('goproxyctl-corporate-');
  const netrc = path.join(home.home, '.netrc');
  env = envForHome(home.home, { NETRC: netrc, GOPROXYCTL_GO: GO123, PATH: `${path.dirname(GO123)}:${process.env.PATH ?? '/usr/bin:/bin'}`, SSL_CERT_FILE: lab.caCertFile });
  for (const k of Object.keys(env)) if (/^GO(?!PROXYCTL_)/.test(k) || k === 'GOFLAGS') delete env[k];
  await mkdir(path.join(home.home, '.config', 'go'), { recursive: true });
  await writeFile(path.join(home.home, '.bashrc'), '# bashrc\n');

  // The user's copy of the corporate template, placeholders filled in.
  const athens = lab.proxies.athens!.url;
  const template = builtinProfile('corporate')!;
  const mine: Profile = {
    ...template,
    id: 'my-corp',
    name: 'My corp',
    goproxy: [{ url: athens, separator: '|' }, { url: lab.proxies.public!.url }],
    goprivate: 'corp.invalid',
    gosumdb: lab.checksumDb.verifierKey,
    credentials: [{ origin: athens }],
  };
  const profileFile = path.join(home.home, 'my-corp.json');
  await writeFile(profileFile, serializeProfile(mine));
  steps = await runStepsInKeyring(
    [
      { args: ['auth', 'set', athens, '--user', CORPORATE_CREDENTIALS.user, '--json'], stdin: CORPORATE_CREDENTIALS.password },
      { args: ['profiles', 'import', profileFile, '--json'] },
      { args: ['use', 'my-corp', '--shells', 'bash', '--json'] },
      { args: ['auth', 'netrc', '--enable', '--json'] },
    ],
    env,
    120_000,
  );
});

after(async () => {
  await lab?.close();
  await home?.cleanup();
});

test('auth set, profiles import, use, auth netrc --enable all succeed; the template keeps private modules on the private proxy', () => {
  for (const s of steps) assert.equal(s.code, 0, `${s.args.join(' ')}: ${s.stderr}`);
  const [, , use, netrc] = steps;
  const applied = JSON.parse(use!.stdout) as { vars: Record<string, string | null>; explained: string[]; notes: string[] };
  assert.equal(applied.vars.GONOPROXY, 'none', 'GONOPROXY does not follow GOPRIVATE: private modules do not bypass the private proxy');
  assert.equal(applied.vars.GONOSUMDB, null, 'GONOSUMDB follows GOPRIVATE: private paths never reach the checksum database');
  const explained = applied.explained.join('\n');
  assert.match(explained, /^GONOPROXY=none: "none" matches no module path: corp\.invalid still goes through GOPROXY/m);
  assert.match(explained, /^GONOSUMDB=: unset, so it follows GOPRIVATE: corp\.invalid is never looked up in the checksum database/m);
  assert.match(explained, new RegExp(`^GOPROXY=.*go asks ${lab.proxies.athens!.url.replace(/[.]/g, '\\.')} first, then, after any error there, `, 'm'));
  assert.ok(applied.notes.some((n) => n.includes('auth netrc --enable')), 'go < 1.24 has no GOAUTH: use says how to hand the credential over');
  assert.deepEqual((JSON.parse(netrc!.stdout) as { written: string[] }).written, [lab.proxies.athens!.url]);
  for (const s of steps) assert.ok(!s.stdout.includes(CORPORATE_CREDENTIALS.password) && !s.stderr.includes(CORPORATE_CREDENTIALS.password));
});

/** go with nothing but what goproxyctl wrote: the go env file under HOME, the netrc, the lab CA. */
function goEnv(): NodeJS.ProcessEnv {
  return { ...env, GOMODCACHE: lab.makeTempDir('modcache'), GOPATH: lab.makeTempDir('gopath'), GOFLAGS: '-modcacherw', GOTOOLCHAIN: 'local', GOCACHE: lab.makeTempDir('gocache') };
}

for (const go of goToolchains()) {
  test(`${go.name}: downloads the private module through the private proxy with the stored credential, and a public one verified`, async () => {
    const athens = lab.proxies.athens!;
    const pub = lab.proxies.public!;
    athens.clearLog();
    pub.clearLog();
    const e = goEnv();
    const priv = await runCommand(go.bin, ['mod', 'download', '-json', `${PRIVATE.path}@${PRIVATE.version}`], { env: e, cwd: home.home, timeoutMs: 60_000 });
    assert.equal(priv.code, 0, priv.stdout + priv.stderr);
    assert.ok(athens.accessLog.some((l) => l.authorized === true && l.status === 200 && l.path.endsWith(`${PRIVATE.version}.zip`)), 'the private proxy served the zip to an authorized request');
    assert.ok(!pub.accessLog.some((l) => l.path.includes('corp.invalid')), 'no private path reached the public proxy or its checksum database');
    // What the template used to do (GONOPROXY following GOPRIVATE): the private proxy is bypassed.
    athens.clearLog();
    const bypassed = await runCommand(go.bin, ['mod', 'download', '-json', `${PRIVATE.path}@${PRIVATE.version}`], {
      env: { ...goEnv(), GONOPROXY: 'corp.invalid' },
      cwd: home.home,
      timeoutMs: 60_000,
    });
    assert.notEqual(bypassed.code, 0, 'with GONOPROXY=GOPRIVATE go fetches the private module directly and fails');
    assert.equal(athens.accessLog.length, 0, 'the private proxy was never asked');

    const publicRun = await runCommand(go.bin, ['mod', 'download', '-json', `${PUBLIC.path}@${PUBLIC.version}`], { env: e, cwd: home.home, timeoutMs: 60_000 });
    assert.equal(publicRun.code, 0, publicRun.stdout + publicRun.stderr);
    assert.ok(pub.accessLog.some((l) => l.status === 200 && l.path === `/sumdb/sum.golang.org/lookup/${PUBLIC.path}@${PUBLIC.version}`), 'verified through the public proxy\'s checksum database');
  });
}

test('explain agrees for the public module: served by the private proxy, checksum verified through the public proxy', async () => {
  const r = await runCommand(process.execPath, [cliPath, 'explain', '--json', `${PUBLIC.path}@${PUBLIC.version}`], { env: goEnv(), cwd: home.home, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const doc = JSON.parse(r.stdout) as { servedBy: string; checksum: { verdict: string; via: string; route: string } };
  assert.equal(doc.servedBy, lab.proxies.athens!.url);
  assert.equal(doc.checksum.verdict, 'verified');
  assert.equal(doc.checksum.route, `${lab.proxies.public!.url}/sumdb/sum.golang.org`);
});

test('explain agrees for the private module (credentials from the netrc)', async () => {
  const r = await runCommand(process.execPath, [cliPath, 'explain', '--json', `${PRIVATE.path}@${PRIVATE.version}`], { env: goEnv(), cwd: home.home, timeoutMs: 60_000 });
  const doc = JSON.parse(r.stdout) as { servedBy: string | null; checksum: { verdict: string } | null };
  assert.equal(doc.servedBy, lab.proxies.athens!.url, r.stdout);
  assert.equal(doc.checksum?.verdict, 'skipped');
});
