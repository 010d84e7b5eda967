// `goproxyctl use` end to end: the built CLI in a temporary HOME with the real go 1.23. go (in a
// clean process and in a bash that reads ~/.bashrc) must see the profile afterwards; an export
// after our block is reported with its file and line; bad input writes nothing; undo restores.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, test } from 'node:test';
import { builtinProfile, profileGoproxy } from '../../../shared/profile/index.js';
import { BEGIN_MARKER, END_MARKER } from '../../../electron/core/apply/index.js';
import { ProfileStore } from '../../../electron/core/profiles/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, makeTempHome, type TempHome } from '../apply/helpers.js';
import { differences, snapshot } from '../apply/snapshot.js';

const run = promisify(execFile);
// Not the user's files: the product's history and lock (~/.local), go's caches, go 1.23's
// telemetry counters (updated by every go command, dry runs included), and the profile store
// where the active profile is recorded.
const NOT_USER_FILES = ['.local', '.cache', 'go', '.config/go/telemetry', '.config/goproxyctl/profiles.json'];
const china = builtinProfile('china')!;
const CHINA_GOPROXY = profileGoproxy(china);
const BASHRC_ORIGINAL = Buffer.from('# my bashrc\nalias ll="ls -l"\nexport EDITOR=vim'); // no final newline

let t: TempHome;
let env: NodeJS.ProcessEnv;
let bashrc: string;
beforeEach(async () => {
  t = await makeTempHome();
  env = { ...t.env, GOPROXYCTL_GO: GO123, PATH: `${path.dirname(GO123)}:${t.env.PATH}` };
  bashrc = path.join(t.home, '.bashrc');
  await writeFile(bashrc, BASHRC_ORIGINAL);
  // go 1.23 creates its telemetry directory (~/.config/go/telemetry) on first run: let it exist
  // before any snapshot, so only files the product writes can differ.
  await run(GO123, ['env', 'GOVERSION'], { env });
});
afterEach(() => t.cleanup());

function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, ...args], { env: { ...env, ...extra }, cwd: t.home, timeoutMs: 90_000 });
}

async function goSees(): Promise<Record<string, string>> {
  return JSON.parse((await run(GO123, ['env', '-json', 'GOPROXY', 'GOSUMDB'], { env })).stdout) as Record<string, string>;
}

async function bashSees(): Promise<Record<string, string>> {
  const out = await run('bash', ['-c', '. "$HOME/.bashrc"; go env -json GOPROXY GOSUMDB'], { env });
  return JSON.parse(out.stdout) as Record<string, string>;
}

interface UseJson {
  profile: { id: string };
  dryRun: boolean;
  files: { path: string; role: string; changed: boolean; diff: string }[];
  verification: { ok: boolean; contexts: { context: string; checked: boolean }[]; mismatches: { context: string; variable: string; actual: string; source: string; path: string | null; line: number | null; message: string }[] };
}

test('use china: go and a new bash see it, the rc block exists, the active profile is recorded, undo restores every byte', { timeout: 180_000 }, async () => {
  const original = await snapshot(t.home, NOT_USER_FILES);
  const r = await cli(['use', 'china', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as UseJson;
  assert.equal(out.profile.id, 'china');
  assert.equal(out.dryRun, false);
  assert.deepEqual(out.verification.mismatches, []);
  assert.equal(out.verification.ok, true);
  assert.deepEqual(out.verification.contexts.map((c) => [c.context, c.checked]), [['clean', true], ['bash', true], ['current', true]]);

  assert.deepEqual(await goSees(), { GOPROXY: CHINA_GOPROXY, GOSUMDB: 'sum.golang.google.cn' });
  assert.deepEqual(await bashSees(), { GOPROXY: CHINA_GOPROXY, GOSUMDB: 'sum.golang.google.cn' });
  const rc = await readFile(bashrc, 'utf8');
  assert.ok(rc.startsWith(BASHRC_ORIGINAL.toString()), 'foreign bytes kept');
  assert.match(rc, new RegExp(`# ${BEGIN_MARKER}\n[^]*\\. "\\$HOME/\\.config/goproxyctl/env\\.sh"\n# ${END_MARKER}`));
  assert.equal(await new ProfileStore({ env, platform: 'linux' }).active(), 'china');

  const undo = await cli(['undo']);
  assert.equal(undo.code, 0, undo.stderr);
  assert.match(undo.stdout, /No profile is active now\.\n$/);
  assert.equal(await new ProfileStore({ env, platform: 'linux' }).active(), null);
  // ~/.config/goproxyctl stays: it holds the profile store (skipped above), which undo does not touch.
  assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), ['.config/goproxyctl']);
  assert.deepEqual(await goSees(), { GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.org' });
});

test('an export after the block in ~/.bashrc, and a variable in the current environment, are reported as shadowing', { timeout: 180_000 }, async () => {
  assert.equal((await cli(['use', 'global'])).code, 0);
  await appendFile(bashrc, '\nexport GOPROXY=https://shadow.example\n');
  const shadowLine = (await readFile(bashrc, 'utf8')).split('\n').indexOf('export GOPROXY=https://shadow.example') + 1;

  const r = await cli(['use', 'china', '--json'], { GOSUMDB: 'off' });
  assert.equal(r.code, 1, 'a new terminal would not get the profile: exit 1');
  const out = JSON.parse(r.stdout) as UseJson;
  assert.equal(out.verification.ok, false);
  const byContext = Object.fromEntries(out.verification.mismatches.map((m) => [`${m.context}:${m.variable}`, m]));
  assert.deepEqual(Object.keys(byContext).sort(), ['bash:GOPROXY', 'current:GOSUMDB']);
  const bash = byContext['bash:GOPROXY']!;
  assert.equal(bash.actual, 'https://shadow.example');
  assert.equal(bash.source, 'os-env');
  assert.equal(bash.path, bashrc);
  assert.equal(bash.line, shadowLine);
  assert.equal(byContext['current:GOSUMDB']!.actual, 'off');
  assert.match(byContext['current:GOSUMDB']!.message, /open a new terminal, or reload the profile in this one with `\. .*\/\.config\/goproxyctl\/env\.sh`/);
  // The real go agrees: a new process gets the profile, a bash that reads the rc file does not.
  assert.equal((await goSees()).GOPROXY, CHINA_GOPROXY);
  assert.equal((await bashSees()).GOPROXY, 'https://shadow.example');

  const human = await cli(['use', 'china']);
  assert.equal(human.code, 1, human.stderr);
  assert.ok(
    human.stdout.includes(`✖ a new bash terminal gets GOPROXY="https://shadow.example" instead of "${CHINA_GOPROXY}": ${bashrc} line ${shadowLine} (export GOPROXY=https://shadow.example) overrides the profile`),
    human.stdout,
  );

  // Undoing `use china` makes global, the apply underneath, the active profile again.
  const undo = await cli(['undo', '--json']);
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal((JSON.parse(undo.stdout) as { activeProfile: unknown }).activeProfile, 'global');
  assert.equal(await new ProfileStore({ env, platform: 'linux' }).active(), 'global');
  assert.equal((await goSees()).GOPROXY, 'https://proxy.golang.org|direct');
});

test('a difference only in the shell goproxyctl runs in is reported but is not a failure', { timeout: 120_000 }, async () => {
  const r = await cli(['use', 'china', '--json'], { GOPROXY: 'https://stale.example' });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as UseJson;
  assert.deepEqual(out.verification.mismatches.map((m) => `${m.context}:${m.variable}`), ['current:GOPROXY']);
  assert.equal((await goSees()).GOPROXY, CHINA_GOPROXY);
});

test('--dry-run prints a diff per file and writes nothing', { timeout: 120_000 }, async () => {
  const original = await snapshot(t.home, NOT_USER_FILES.filter((s) => !s.includes('profiles.json')));
  const r = await cli(['use', 'china', '--dry-run']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Dry run: `goproxyctl use china` \(Mainland China\) would change 3 files; nothing was written\./);
  assert.ok(r.stdout.includes(`+GOPROXY=${CHINA_GOPROXY}`), r.stdout);
  assert.match(r.stdout, /^\+\+\+ .*\/\.bashrc$/m);
  assert.match(r.stdout, /^\+# >>> goproxyctl >>>$/m);
  const j = await cli(['use', 'china', '--dry-run', '--json', '--shells', 'bash,fish']);
  assert.equal(j.code, 0, j.stderr);
  const out = JSON.parse(j.stdout) as UseJson;
  assert.equal(out.dryRun, true);
  assert.deepEqual(out.files.map((f) => f.role).sort(), ['env-script', 'env-script', 'go-env', 'startup-file', 'startup-file']);
  assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES.filter((s) => !s.includes('profiles.json')))), []);
});

test('bad input exits 2 with one sentence and writes nothing', { timeout: 120_000 }, async () => {
  const original = await snapshot(t.home, NOT_USER_FILES.filter((s) => !s.includes('profiles.json')));
  const cases: [string[], RegExp][] = [
    [['use', 'no-such-profile'], /there is no profile "no-such-profile"/],
    [['use', 'Not Valid!'], /is not a valid profile id/],
    [['use', 'corporate'], /profile "corporate" is a template: .*replace <PRIVATE_PROXY_URL>/],
    [['use', 'china', '--shells', 'bash,tcsh'], /--shells takes a comma-separated list of bash, zsh, fish, pwsh \("tcsh" is not one\)/],
    [['use'], /give exactly one profile id/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
  }
  // An unwritable rc file stops the whole apply: not even the go env file is written.
  await chmod(bashrc, 0o444);
  const ro = await cli(['use', 'china']);
  assert.equal(ro.code, 2, ro.stderr);
  assert.match(ro.stderr, /^goproxyctl use: nothing was written: .*\.bashrc/);
  await chmod(bashrc, 0o644);
  const after = await snapshot(t.home, NOT_USER_FILES.filter((s) => !s.includes('profiles.json')));
  assert.deepEqual(differences(original, after).filter((p) => p !== '.bashrc'), []);
  assert.deepEqual(await readFile(bashrc), BASHRC_ORIGINAL);
});

test('without go: the env file go would read is written, and go installed later (1.23 and 1.19) sees the profile', { timeout: 120_000 }, async () => {
  const noGo = { GOPROXYCTL_GO: '', PATH: path.join(t.home, 'no-tools-here') };
  const r = await cli(['use', 'china', '--json', '--shells', 'bash'], noGo);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as UseJson & { go: unknown };
  assert.equal(out.go, null);
  assert.deepEqual(out.verification.contexts.map((c) => [c.context, c.checked]), [['clean', true], ['bash', false], ['current', true]]);
  assert.equal(out.verification.ok, true);
  for (const go of [GO123, '/usr/lib/go-1.19/bin/go']) {
    const seen = JSON.parse((await run(go, ['env', '-json', 'GOPROXY', 'GOSUMDB'], { env })).stdout) as Record<string, string>;
    assert.deepEqual(seen, { GOPROXY: CHINA_GOPROXY, GOSUMDB: 'sum.golang.google.cn' }, go);
  }
});
