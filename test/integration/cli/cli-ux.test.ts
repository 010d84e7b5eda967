// The CLI's own manners, through the built binary under a temporary HOME: "did you mean" for a
// mistyped command or option, `help <command>`, -v, and --json errors as one JSON object on stdout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { closestWord, editDistance } from '../../../shared/util/closest.js';
import { chooseLang } from '../../../electron/cli/lang.js';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

let home: TempHome;
before(async () => {
  home = await makeTempHome('goproxyctl-cli-ux-');
});
after(async () => {
  await home?.cleanup();
});

function cli(args: string[]) {
  return runCommand(process.execPath, [cliPath, ...args], { env: home.env, cwd: home.home, timeoutMs: 30_000 });
}

test('closestWord suggests plausible typos only', () => {
  assert.equal(editDistance('bnech', 'bench'), 1);
  assert.equal(closestWord('bnech', ['bench', 'explain', 'env']), 'bench');
  assert.equal(closestWord('expalin', ['bench', 'explain', 'env']), 'explain');
  assert.equal(closestWord('modul', ['module', 'samples']), 'module');
  assert.equal(closestWord('xyz', ['bench', 'explain']), null);
  assert.equal(closestWord('prof', ['profiles', 'use']), 'profiles');
});

test('a mistyped command gets "did you mean" and exit 2', async () => {
  const r = await cli(['bnech']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command "bnech"\. Did you mean `goproxyctl bench`\?/);
});

test('a mistyped option gets "did you mean" with the command\'s real option', async () => {
  const r = await cli(['bench', '--modul', 'x@v1.0.0']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Did you mean --module\?/);
});

test('`help bench` prints bench\'s usage, not the global help', async () => {
  const viaHelp = await cli(['help', 'bench']);
  const viaFlag = await cli(['bench', '--help']);
  assert.equal(viaHelp.code, 0);
  assert.equal(viaHelp.stdout, viaFlag.stdout);
  assert.match(viaHelp.stdout, /^Usage: goproxyctl bench/);
});

test('-v, -V and --version print the version', async () => {
  for (const flag of ['-v', '-V', '--version']) {
    const r = await cli([flag]);
    assert.equal(r.code, 0, flag);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/, flag);
  }
});

test('with --json, a usage error is one JSON object on stdout (and the sentence on stderr)', async () => {
  const r = await cli(['explain', '--json', 'not a module@@']);
  assert.equal(r.code, 2);
  const body = JSON.parse(r.stdout) as { error: { code: string; exitCode: number; message: string } };
  assert.equal(body.error.code, 'usage');
  assert.equal(body.error.exitCode, 2);
  assert.ok(body.error.message.length > 10);
  assert.ok(r.stderr.includes(body.error.message.split(' ').slice(0, 3).join(' ')));
});

test('with --json, an unknown command and an unknown option are JSON errors too', async () => {
  for (const args of [['bnech', '--json'], ['env', '--json', '--nope']]) {
    const r = await cli(args);
    assert.equal(r.code, 2, args.join(' '));
    const body = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'usage');
    assert.match(body.error.message, /unknown|Unknown/);
  }
});

test('with --json, a successful command prints its own JSON and no error object', async () => {
  const r = await cli(['env', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const body = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(body.error, undefined);
});

test('one language rule for every command: --lang, else the app setting, else the OS locale', async () => {
  assert.equal(chooseLang('zh', 'en', {}), 'zh');
  assert.equal(chooseLang(undefined, 'zh-CN', { LANG: 'en_US.UTF-8' }), 'zh');
  assert.equal(chooseLang(undefined, 'system', { LC_ALL: '', LANG: 'zh_CN.UTF-8' }), 'zh');
  assert.equal(chooseLang(undefined, 'system', { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.throws(() => chooseLang('fr', null, {}), /--lang en or --lang zh/);

  const zh = await cli(['doctor', '--lang', 'zh']);
  assert.match(zh.stdout, /[\u4e00-\u9fff]/, 'doctor speaks Chinese with --lang zh');
  const en = await cli(['doctor', '--lang', 'en']);
  assert.doesNotMatch(en.stdout, /[\u4e00-\u9fff]/);
  const bad = await cli(['env', '--lang', 'fr', '--json']);
  assert.equal(bad.code, 2);
  assert.equal((JSON.parse(bad.stdout) as { error: { code: string } }).error.code, 'usage');

  // The app's language setting (the dashboard's Settings) applies to the CLI too.
  const configDir = path.join(home.home, '.config', 'goproxyctl');
  await mkdir(configDir, { recursive: true });
  await writeFile(path.join(configDir, 'settings.json'), JSON.stringify({ language: 'zh-CN' }));
  try {
    assert.match((await cli(['doctor'])).stdout, /[\u4e00-\u9fff]/, 'the setting picks Chinese');
    assert.doesNotMatch((await cli(['doctor', '--lang', 'en'])).stdout, /[\u4e00-\u9fff]/, '--lang wins over the setting');
  } finally {
    await rm(path.join(configDir, 'settings.json'));
  }
});
