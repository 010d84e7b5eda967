// The secret stays in the keychain through a whole session: store it, import a profile that
// references it, apply that profile (real go 1.23), benchmark and explain against lab proxies, list
// the history, undo. Afterwards no output and no file under HOME (the product's config, data,
// history and logs, go's env file, the rc files) contains it, raw or as a Basic credential.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startLab, type Lab } from '../../lab/index.js';
import { envForHome } from '../secrets/run-child.js';
import { filesContaining, listFiles, makeTempHome, type TempHome } from '../../support/temp-home.js';
import { runStepsInKeyring } from './cli-steps-child.js';

const GO123 = '/usr/lib/go-1.23/bin/go';
const SECRET = 'never-leak-Zq81-secret';
const ORIGIN = 'https://athens.corp.example';

let lab: Lab;
let home: TempHome;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'good', faults: {} }] });
  home = await makeTempHome('goproxyctl-no-leak-');
});
after(async () => {
  await lab?.close();
  await home?.cleanup();
});


test('store, apply, bench, explain, undo: the secret appears in no output and no file', { timeout: 300_000 }, async () => {
  const dir = home.home;
  const good = lab.proxies.good!.url;
  const profileFile = path.join(dir, 'team.json');
  await writeFile(
    profileFile,
    JSON.stringify({
      schema: 1,
      id: 'team',
      name: 'Team',
      goproxy: [{ url: ORIGIN, separator: '|' }, { url: good, separator: ',' }, { url: 'direct' }],
      gosumdb: 'off',
      goprivate: 'git.corp.example',
      gonoproxy: null,
      gonosumdb: null,
      goinsecure: '',
      credentials: [{ origin: ORIGIN }],
      targets: { goEnv: true, shells: ['bash'] },
    }),
  );
  await writeFile(path.join(dir, '.bashrc'), 'alias ll="ls -l"\n');
  // Everything under this test's HOME (not the lab's): only the lab's CA comes from lab.goEnv.
  const env = envForHome(dir, { SSL_CERT_FILE: lab.goEnv().SSL_CERT_FILE, GOPROXYCTL_GO: GO123, GOTOOLCHAIN: 'local', GOCACHE: path.join(dir, '.cache', 'go-build'), GOPATH: path.join(dir, 'go') });
  for (const name of ['GOPROXY', 'GONOSUMDB', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GOINSECURE', 'GOFLAGS', 'GOENV']) delete env[name];

  const results = await runStepsInKeyring(
    [
      { args: ['auth', 'set', ORIGIN, '--user', 'ci'], stdin: SECRET },
      { args: ['profiles', 'import', profileFile] },
      { args: ['use', 'team', '--json'] },
      { args: ['bench', '--proxies', good, '--module', 'lab.invalid/app@v1.0.0', '--samples', '1', '--timeout', '5000', '--json'] },
      { args: ['explain', 'lab.invalid/app@v1.0.0', '--json'], env: { GOPROXY: good } },
      { args: ['auth', 'list', '--json'] },
      { args: ['undo', '--list', '--json'] },
      { args: ['undo'] },
    ],
    env,
    240_000,
  );
  const [set, imported, use, bench, explain, list, history, undo] = results;
  assert.equal(set!.code, 0, set!.stderr);
  assert.equal(imported!.code, 0, imported!.stderr);
  assert.equal(use!.code, 0, use!.stderr);
  const used = JSON.parse(use!.stdout) as { vars: Record<string, string | null>; notes: string[] };
  assert.equal(used.vars.GOPROXY, `${ORIGIN}|${good},direct`);
  // go 1.23 has no GOAUTH: the user is told how to give go the credentials instead.
  assert.equal('GOAUTH' in used.vars, false);
  assert.ok(used.notes.some((n) => /go1\.23\.\d+ has no GOAUTH: run `goproxyctl auth netrc --enable`/.test(n)), used.notes.join('\n'));
  assert.equal(bench!.code, 0, bench!.stderr);
  assert.equal(explain!.code, 0, explain!.stderr);
  assert.equal((JSON.parse(explain!.stdout) as { servedBy: unknown }).servedBy, good);
  assert.deepEqual((JSON.parse(list!.stdout) as { credentials: unknown }).credentials, [{ origin: ORIGIN, user: 'ci' }]);
  assert.equal(history!.code, 0, history!.stderr);
  assert.equal(undo!.code, 0, undo!.stderr);
  // The search below covers the files this session really wrote: the apply history, the bench history.
  const written = await listFiles(dir);
  for (const prefix of ['.local/share/goproxyctl/applies/', '.local/share/goproxyctl/history/', '.config/goproxyctl/credentials.json', '.local/share/keyrings/']) {
    assert.ok(written.some((f) => f.startsWith(prefix)), `${prefix} was written`);
  }

  const basic = Buffer.from(`ci:${SECRET}`).toString('base64');
  for (const r of results) {
    for (const needle of [SECRET, basic]) assert.ok(!r.stdout.includes(needle) && !r.stderr.includes(needle), `${r.args.join(' ')} printed the secret`);
  }
  assert.deepEqual(await filesContaining(dir, SECRET), []);
  assert.deepEqual(await filesContaining(dir, basic), []);
});
