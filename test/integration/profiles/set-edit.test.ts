// `goproxyctl profiles set` and `profiles edit` (issue 15): fill a template's placeholders from
// the CLI, edit a profile's JSON in $EDITOR with validation on save, and the real go takes the
// result after `goproxyctl use`. The built CLI under a temporary HOME; the "editor" is a real
// program (sed, through the shell, as git runs core.editor).
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assignProfile } from '../../../shared/profile/assign.js';
import { builtinProfile } from '../../../shared/profile/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

let home: TempHome;
const go = goToolchains().at(-1)!;
before(async () => {
  home = await makeTempHome('goproxyctl-profiles-set-');
});
after(async () => {
  await home?.cleanup();
});

function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, ...args], { env: { ...home.env, GOPROXYCTL_GO: go.bin, ...extra }, cwd: home.home, timeoutMs: 60_000 });
}

test('assignProfile: known keys change, an empty value unsets, bad input changes nothing', () => {
  const base = builtinProfile('global')!;
  const r = assignProfile(base, ['GOPROXY=https://a.example|https://b.example,direct', 'GOSUMDB=', 'goprivate=corp.example', 'name=Mine']);
  assert.ok(r.ok);
  assert.deepEqual(r.profile.goproxy, [{ url: 'https://a.example', separator: '|' }, { url: 'https://b.example', separator: ',' }, { url: 'direct' }]);
  assert.equal(r.profile.gosumdb, null);
  assert.equal(r.profile.goprivate, 'corp.example');
  assert.equal(r.profile.name, 'Mine');
  assert.deepEqual(r.changed, ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'name']);
  const bad = assignProfile(base, ['GOPROXY=ftp://x', 'NOPE=1', 'GOPRIVATE']);
  assert.equal(bad.ok, false);
  assert.equal(bad.ok ? 0 : bad.errors.length, 3);
});

test('the corporate template: create a copy, fill its placeholders with `profiles set`, apply it, go sees it', async () => {
  assert.equal((await cli(['profiles', 'create', 'my-corp', '--from', 'corporate'])).code, 0);
  const unfilled = await cli(['use', 'my-corp', '--dry-run']);
  assert.equal(unfilled.code, 2, 'a template with placeholders cannot be applied');

  const set = await cli(['profiles', 'set', 'my-corp', 'GOPROXY=https://athens.corp.example|https://proxy.golang.org,direct', 'GOPRIVATE=corp.example', '--json']);
  assert.equal(set.code, 0, set.stderr);
  const out = JSON.parse(set.stdout) as { goproxy: string; blockers: string[] };
  assert.equal(out.goproxy, 'https://athens.corp.example|https://proxy.golang.org,direct');
  assert.deepEqual(out.blockers, []);

  const use = await cli(['use', 'my-corp', '--shells', 'bash']);
  assert.equal(use.code, 0, use.stdout + use.stderr);
  const seen = await runCommand(go.bin, ['env', 'GOPROXY', 'GOPRIVATE', 'GONOPROXY'], { env: home.env, cwd: home.home, timeoutMs: 60_000 });
  assert.deepEqual(seen.stdout.trim().split('\n'), ['https://athens.corp.example|https://proxy.golang.org,direct', 'corp.example', 'none']);
});

test('profiles set refuses a bad value with one sentence and changes nothing; built-ins are read-only', async () => {
  const before = await cli(['profiles', 'show', 'my-corp', '--json']);
  const bad = await cli(['profiles', 'set', 'my-corp', 'GOPROXY=ftp://x.example']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /was not changed: GOPROXY/);
  assert.equal((await cli(['profiles', 'show', 'my-corp', '--json'])).stdout, before.stdout);
  const builtin = await cli(['profiles', 'set', 'china', 'GOPRIVATE=x.example']);
  assert.equal(builtin.code, 2);
  assert.equal((await cli(['profiles', 'set', 'my-corp'])).code, 2, 'set needs at least one KEY=VALUE');
});

test('profiles edit: the editor\'s change is validated and saved; an invalid edit is kept, not lost; no temp file remains', async () => {
  const good = await cli(['profiles', 'edit', 'my-corp'], { EDITOR: `sed -i 's/"goprivate": "corp.example"/"goprivate": "corp.example,git.corp.example"/'` });
  assert.equal(good.code, 0, good.stderr);
  const shown = JSON.parse((await cli(['profiles', 'show', 'my-corp', '--json'])).stdout) as { profile: { goprivate: string } };
  assert.equal(shown.profile.goprivate, 'corp.example,git.corp.example');

  const broken = await cli(['profiles', 'edit', 'my-corp'], { VISUAL: `sed -i 's/"separator": "|"/"separator": ";"/'` });
  assert.equal(broken.code, 2);
  const kept = /kept in (\S+);/.exec(broken.stderr)?.[1];
  assert.ok(kept, broken.stderr);
  assert.match(await readFile(kept, 'utf8'), /"separator": ";"/);
  assert.equal((JSON.parse((await cli(['profiles', 'show', 'my-corp', '--json'])).stdout) as { profile: { goprivate: string } }).profile.goprivate, 'corp.example,git.corp.example');

  // The printed way back, followed as printed once the kept file is fixed.
  await writeFile(kept, (await readFile(kept, 'utf8')).replace('"separator": ";"', '"separator": "|"').replace('"goprivate": "corp.example,git.corp.example"', '"goprivate": "corp.example"'));
  const printed = /then run `(goproxyctl profiles import \S+ --replace)`/.exec(broken.stderr)?.[1];
  assert.ok(printed, broken.stderr);
  const imported = await cli(printed.split(' ').slice(1));
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal((JSON.parse((await cli(['profiles', 'show', 'my-corp', '--json'])).stdout) as { profile: { goprivate: string } }).profile.goprivate, 'corp.example');

  const failing = await cli(['profiles', 'edit', 'my-corp'], { EDITOR: 'false' });
  assert.equal(failing.code, 2);
  assert.match(failing.stderr, /exited with 1/);
  const leftovers = (await readdir(path.dirname(kept), { recursive: true })).filter((f) => f.startsWith('edit-'));
  assert.deepEqual(leftovers, [], 'the temporary copy never outlives the command');
});
