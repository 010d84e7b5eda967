// watch.json is read once for both front ends (issue 16): the policy the tray's watcher uses and
// the one `goproxyctl watch` uses come from the same reader; a bad field falls back to its default
// for the tray and is bad input (exit 2, one sentence naming the field) for the CLI.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadSettings, readWatchPolicy, repairSettingsOf } from '../../../electron/core/service/settings-file.js';
import { DEFAULT_REPAIR_SETTINGS } from '../../../shared/repair/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { render } from '../../../shared/i18n/catalog.js';

let home: TempHome;
let configDir: string;
before(async () => {
  home = await makeTempHome('goproxyctl-watch-policy-');
  configDir = path.join(home.home, '.config', 'goproxyctl');
  await mkdir(configDir, { recursive: true });
});
after(async () => {
  await home?.cleanup();
});

const watchJson = (value: unknown) => writeFile(path.join(configDir, 'watch.json'), typeof value === 'string' ? value : JSON.stringify(value));

test('a good file: the tray and the CLI get the same policy', async () => {
  const rules = [{ profile: 'china', when: { ssid: 'Office' } }];
  await watchJson({ failureThreshold: 5, rules });
  const cli = await readWatchPolicy(configDir);
  assert.deepEqual(cli.problems, []);
  assert.equal(cli.policy.failureThreshold, 5);
  assert.deepEqual(cli.policy.rules, rules);
  assert.deepEqual(repairSettingsOf(await loadSettings(configDir)), cli.policy);
});

test('a bad field: the tray falls back to its default, the CLI names it and refuses to start', async () => {
  await watchJson({ failureThreshold: -1, rules: [{ profile: 'china', when: {} }] });
  const read = await readWatchPolicy(configDir);
  assert.equal(read.policy.failureThreshold, DEFAULT_REPAIR_SETTINGS.failureThreshold);
  assert.equal(repairSettingsOf(await loadSettings(configDir)).failureThreshold, DEFAULT_REPAIR_SETTINGS.failureThreshold);
  assert.equal(read.problems.length, 2, read.problems.map((p) => render('en', p)).join('\n'));
  const r = await runCommand(process.execPath, [cliPath, 'watch', '--once', '--json'], { env: home.env, cwd: home.home, timeoutMs: 60_000 });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  const body = JSON.parse(r.stdout) as { error: { message: string } };
  assert.match(body.error.message, /"failureThreshold" must be a number of at least 0/);
  assert.match(body.error.message, /names no condition/);
  // In the command's language: the same problems, in Chinese.
  const zh = await runCommand(process.execPath, [cliPath, 'watch', '--once', '--lang', 'zh'], { env: home.env, cwd: home.home, timeoutMs: 60_000 });
  assert.equal(zh.code, 2, zh.stdout + zh.stderr);
  assert.match(zh.stderr, /watch\.json：“failureThreshold”必须是不小于 0 的数字；.*watch\.json：“china”的规则没有任何条件/);
  assert.match(zh.stderr, /请修正或删除该文件/);
});

test('not JSON at all: one sentence for the CLI, the defaults for the tray', async () => {
  await watchJson('{ nope');
  const read = await readWatchPolicy(configDir);
  assert.match(render('en', read.problems[0]!), /watch\.json is not valid JSON/);
  assert.deepEqual(read.policy, repairSettingsOf(await loadSettings(configDir)));
});
