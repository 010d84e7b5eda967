// `goproxyctl profiles` and `goproxyctl export` end to end: the built CLI under a temporary HOME.
// Bad input exits 2 with one sentence and writes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { builtinProfile } from '../../../shared/profile/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';

let home: string;

before(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-profiles-cli-'));
});

after(async () => {
  if (home) await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

function cli(...args: string[]) {
  return runCommand(process.execPath, [cliPath, ...args], { env: { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' }, cwd: home, timeoutMs: 30_000 });
}

function assertOneSentence(stderr: string, pattern: RegExp): void {
  assert.match(stderr, pattern);
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at /);
}

test('list shows the built-ins; the corporate template is marked', async () => {
  const r = await cli('profiles', 'list', '--json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { profiles: { id: string; goproxy: string; blockers: string[] }[] };
  assert.deepEqual(out.profiles.map((p) => p.id), ['china', 'global', 'corporate', 'offline']);
  assert.equal(out.profiles[0]!.goproxy, 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct');
  assert.equal(out.profiles[2]!.blockers.length, 2);
  const text = await cli('profiles');
  assert.match(text.stdout, /corporate\s+builtin\s+\(template: fill in before use\)/);
});

test('create, duplicate, export to a file, import it back under another HOME, delete', async () => {
  assert.equal((await cli('profiles', 'create', 'mine', '--from', 'china')).code, 0);
  assert.equal((await cli('profiles', 'duplicate', 'mine', 'mine2', '--name', 'Second')).code, 0);
  const show = JSON.parse((await cli('profiles', 'show', 'mine2', '--json')).stdout) as { profile: { name: string; gosumdb: string } };
  assert.deepEqual([show.profile.name, show.profile.gosumdb], ['Second', 'sum.golang.google.cn']);
  const exp = await cli('profiles', 'export', 'mine2', '--out', 'mine2.json');
  assert.equal(exp.code, 0, exp.stderr);
  const file = JSON.parse(await readFile(path.join(home, 'mine2.json'), 'utf8')) as { id: string };
  assert.equal(file.id, 'mine2');
  assert.equal((await cli('profiles', 'delete', 'mine2')).code, 0);
  const imp = await cli('profiles', 'import', 'mine2.json', '--json');
  assert.equal(imp.code, 0, imp.stderr);
  assert.deepEqual(JSON.parse(imp.stdout), { imported: ['mine2'] });
});

test('bad input: exit 2, one sentence with the fix, nothing written', async () => {
  const storeFile = path.join(home, '.config', 'goproxyctl', 'profiles.json');
  const before = await readFile(storeFile);
  const listing = await readdir(home);
  const bad = { ...builtinProfile('global')!, id: 'bad', goproxy: [{ url: 'https://goproxy.cn' }, { url: 'direct' }] };
  await writeFile(path.join(home, 'bad.json'), JSON.stringify(bad));
  await writeFile(path.join(home, 'broken.json'), '{"schema":1,');
  const cases: [string[], RegExp][] = [
    [['profiles', 'show', 'nope'], /^goproxyctl profiles: there is no profile "nope"; choose one of: china, global/],
    [['profiles', 'delete', 'china'], /"china" is built in and cannot be changed; duplicate it first/],
    [['profiles', 'import', 'bad.json'], /bad\.json: goproxy\[0\]\.separator: must be "\|"/],
    [['profiles', 'import', 'broken.json'], /broken\.json is not valid JSON/],
    [['profiles', 'import', 'missing.json'], /cannot read .*missing\.json \(ENOENT\)/],
    [['profiles', 'create', 'Bad Id', '--from', 'global'], /"Bad Id" is not a valid profile id/],
    [['profiles', 'create', 'x'], /add --from <id>/],
    [['profiles', 'subscribe', 'http://exa mple.invalid/x'], /is not a valid URL/],
    [['profiles', 'frobnicate'], /unknown subcommand "frobnicate"/],
    [['profiles', 'unsubscribe', 'https://nowhere.invalid/p.json'], /not subscribed to https:\/\/nowhere\.invalid\/p\.json/],
    [['export', 'nope', '--to', 'docker'], /there is no profile "nope"/],
    [['export', 'china', '--to', 'jenkins'], /--to must be one of docker, github-actions, gitlab-ci, direnv, shell/],
    [['export', 'corporate', '--to', 'shell'], /template: goproxy\[0\]\.url: replace <PRIVATE_PROXY_URL>/],
  ];
  for (const [args, pattern] of cases) {
    const r = await cli(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assertOneSentence(r.stderr, pattern);
  }
  assert.ok((await readFile(storeFile)).equals(before), 'the store is unchanged');
  assert.deepEqual((await readdir(home)).sort(), listing.concat(['bad.json', 'broken.json']).sort());
});

test('subscribe to a published file, see its profiles, unsubscribe', async () => {
  await writeFile(path.join(home, 'team.json'), JSON.stringify({ schema: 1, profiles: [{ ...builtinProfile('global')!, id: 'team-a', name: 'Team A' }] }));
  const sub = await cli('profiles', 'subscribe', 'team.json', '--json');
  assert.equal(sub.code, 0, sub.stderr);
  assert.deepEqual((JSON.parse(sub.stdout) as { profileIds: string[] }).profileIds, ['team-a']);
  const list = JSON.parse((await cli('profiles', 'list', '--json')).stdout) as { profiles: { id: string; origin: unknown }[] };
  assert.deepEqual(list.profiles.find((p) => p.id === 'team-a')?.origin, { subscription: path.join(home, 'team.json') });
  const refreshed = await cli('profiles', 'refresh');
  assert.equal(refreshed.code, 0, refreshed.stderr);
  assert.match(refreshed.stdout, /✓ .*team\.json: team-a/);
  assert.equal((await cli('profiles', 'unsubscribe', 'team.json')).code, 0);
  assert.equal((await cli('profiles', 'show', 'team-a')).code, 2);
});

test('export --to shell is runnable and matches the profile; --json wraps the snippet', async () => {
  const r = await cli('export', 'china', '--to', 'shell');
  assert.equal(r.code, 0, r.stderr);
  const out = execFileSync('bash', ['-c', `${r.stdout}\nprintf '%s %s' "$GOPROXY" "$GOSUMDB"`], { timeout: 10_000 }).toString();
  assert.equal(out, 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct sum.golang.google.cn');
  const j = JSON.parse((await cli('export', 'global', '--to', 'github-actions', '--json')).stdout) as { profile: string; format: string; text: string };
  assert.deepEqual([j.profile, j.format], ['global', 'github-actions']);
  assert.match(j.text, /GOPROXY: "https:\/\/proxy\.golang\.org\|direct"/);
});
