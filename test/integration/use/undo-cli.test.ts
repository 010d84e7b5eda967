// `goproxyctl undo` end to end: an apply made by the engine in a temporary HOME (with the real
// go 1.23 writing the go env file), undone through the built CLI: every byte back, created files
// gone, the history listed, an edited file refusing the undo until --force.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, test } from 'node:test';
import { commitApply, planApply } from '../../../electron/core/apply/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, makeTempHome, type TempHome } from '../apply/helpers.js';
import { differences, snapshot } from '../apply/snapshot.js';

const run = promisify(execFile);
// The product's own history/lock (~/.local), go's caches and go 1.23's telemetry are not the user's files.
const NOT_USER_FILES = ['.local', '.cache', 'go', '.config/go/telemetry'];
const CHINA = { GOPROXY: 'https://goproxy.cn|https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.google.cn', GOPRIVATE: null };

let t: TempHome;
beforeEach(async () => {
  t = await makeTempHome();
  // CRLF, a BOM, non-UTF-8 bytes and no final newline: all must come back exactly.
  await writeFile(path.join(t.home, '.bashrc'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('alias ll="ls -l"\r\n# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\r\nexport EDITOR=vim')]));
  await run(GO123, ['env', '-w', 'GOPRIVATE=old.corp.example', 'GOFLAGS=-mod=mod'], { env: t.env });
});
afterEach(() => t.cleanup());

function cli(args: string[]) {
  return runCommand(process.execPath, [cliPath, ...args], { env: t.env, cwd: t.home, timeoutMs: 60_000 });
}

async function applyChina(): Promise<void> {
  const plan = await planApply({ label: 'use china', vars: CHINA, shells: ['bash', 'fish'], env: t.env, platform: 'linux', goBinary: GO123 });
  assert.deepEqual(plan.problems, []);
  assert.ok(await commitApply(plan));
}

test('undo restores every file byte for byte and removes what the apply created', { timeout: 120_000 }, async () => {
  const original = await snapshot(t.home, NOT_USER_FILES);
  await applyChina();
  const applied = differences(original, await snapshot(t.home, NOT_USER_FILES));
  assert.ok(applied.includes('.bashrc') && applied.includes('.config/go/env'), `the apply changed: ${applied.join(', ')}`);
  assert.ok(applied.includes('.config/goproxyctl/env.sh') && applied.includes('.config/fish/conf.d/goproxyctl.fish'), `the apply created: ${applied.join(', ')}`);

  const listed = await cli(['undo', '--list', '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  const before = JSON.parse(listed.stdout) as { applies: { label: string; status: string; files: string[] }[] };
  assert.deepEqual(before.applies.map((a) => [a.label, a.status]), [['use china', 'committed']]);

  const undo = await cli(['undo', '--json']);
  assert.equal(undo.code, 0, undo.stderr);
  const out = JSON.parse(undo.stdout) as { undone: { label: string; files: string[] } };
  assert.equal(out.undone.label, 'use china');
  assert.ok(out.undone.files.includes(path.join(t.home, '.bashrc')));
  assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), [], 'every file is back, byte for byte');
  const goEnv = JSON.parse((await run(GO123, ['env', '-json', 'GOPROXY', 'GOPRIVATE'], { env: t.env })).stdout) as Record<string, string>;
  assert.equal(goEnv.GOPRIVATE, 'old.corp.example');
  assert.equal(goEnv.GOPROXY, 'https://proxy.golang.org,direct');

  const history = JSON.parse((await cli(['undo', '--list', '--json'])).stdout) as { applies: { status: string }[] };
  assert.deepEqual(history.applies.map((a) => a.status), ['undone']);
  const human = await cli(['undo', '--list']);
  assert.match(human.stdout, /undone\s+use china\s+\(\d+ files\)/);

  const again = await cli(['undo']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^goproxyctl undo: there is no apply to undo; `goproxyctl undo --list` shows the history\.\n$/);
});

test('a file edited after the apply stops the undo before anything is written; --force restores anyway', { timeout: 120_000 }, async () => {
  const original = await snapshot(t.home, NOT_USER_FILES);
  await applyChina();
  const bashrc = path.join(t.home, '.bashrc');
  await appendFile(bashrc, '\nalias gs="git status"\n');
  const edited = await snapshot(t.home, NOT_USER_FILES);

  const refused = await cli(['undo']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /\.bashrc changed after the apply, so undo stopped before writing anything; undo with --force/);
  assert.deepEqual(differences(edited, await snapshot(t.home, NOT_USER_FILES)), [], 'nothing was written');

  const forced = await cli(['undo', '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /^Undid "use china" \(applied [^)]+\); restored:\n/);
  assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), []);
  assert.ok((await readFile(bashrc)).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
});

test('bad input exits 2 and writes nothing', { timeout: 60_000 }, async () => {
  await mkdir(path.join(t.home, 'x'));
  const original = await snapshot(t.home, NOT_USER_FILES);
  for (const args of [['undo', '--list', '--force'], ['undo', 'extra'], ['undo', '--frobnicate']]) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
  }
  assert.deepEqual(differences(original, await snapshot(t.home, NOT_USER_FILES)), []);
});
