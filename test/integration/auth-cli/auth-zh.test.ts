// `goproxyctl auth` in 简体中文: against a real gnome-keyring (scripts/with-keyring.sh) set, list
// and remove speak Chinese with --lang zh and with LANG=zh_CN.UTF-8; without a keychain the one
// sentence is Chinese too, and says what is wrong once. English stays the default.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { checkZhText } from '../../support/zh-check.js';
import { envForHome } from '../secrets/run-child.js';
import { runStepsInKeyring } from './cli-steps-child.js';

let home: TempHome;
before(async () => {
  home = await makeTempHome('goproxyctl-auth-zh-');
});
after(() => home.cleanup());

async function freshHome(name: string): Promise<string> {
  const dir = path.join(home.home, name);
  await mkdir(dir);
  return dir;
}

/**
 * Chinese outside code: `spans`, URLs, paths and names (the zh check's rules), and the program's
 * name before an error ("goproxyctl auth：", the command as typed, as every Unix tool prefixes it).
 */
function assertChinese(text: string, what: string): void {
  const check = checkZhText(text.replace(/`[^`\n]*`/g, ' ').replace(/^goproxyctl auth：/gm, ''));
  assert.deepEqual(check.english, [], `${what}: ${text}`);
  assert.ok(check.cjk > 0, `${what}: ${text}`);
}

test('auth set, list, remove with --lang zh (and list with LANG=zh_CN.UTF-8) in a real keychain', { timeout: 180_000 }, async () => {
  const dir = await freshHome('keyring');
  const env = envForHome(dir);
  const results = await runStepsInKeyring(
    [
      { args: ['auth', 'list', '--lang', 'zh'] },
      { args: ['auth', 'set', 'https://proxy.corp.example', '--user', 'ci', '--lang', 'zh'], stdin: 'not-a-real-secret-zh' },
      { args: ['auth', 'list', '--lang', 'zh'] },
      { args: ['auth', 'list'], env: { LANG: 'zh_CN.UTF-8' } },
      { args: ['auth', 'list'] },
      { args: ['auth', 'remove', 'https://proxy.corp.example', '--lang', 'zh'] },
      { args: ['auth', 'remove', 'https://proxy.corp.example', '--lang', 'zh'] },
    ],
    env,
    120_000,
  );
  const [empty, set, listed, listedByLang, listedEn, removed, notStored] = results;
  for (const r of [empty, set, listed, listedByLang, listedEn, removed]) assert.equal(r!.code, 0, `${r!.args.join(' ')}: ${r!.stderr}`);
  assert.equal(empty!.stdout, '没有保存任何凭据。\n');
  assert.match(set!.stdout, /^已把 https:\/\/proxy\.corp\.example（用户 ci）的凭据保存到系统密钥服务（`Secret Service`）。\n$/);
  assert.equal(listed!.stdout, 'https://proxy.corp.example  用户 ci\n');
  assert.equal(listedByLang!.stdout, listed!.stdout, 'LANG=zh_CN.UTF-8 without a flag');
  assert.equal(listedEn!.stdout, 'https://proxy.corp.example  user ci\n', 'English by default');
  assert.equal(removed!.stdout, '已删除 https://proxy.corp.example 的凭据。\n');
  assert.equal(notStored!.code, 1);
  for (const r of [empty, set, listed, removed]) assertChinese(r!.stdout, r!.args.join(' '));
  assertChinese(notStored!.stderr, 'remove again');
});

test('without a keychain, in Chinese: one sentence that says what is wrong once, exit 1', { timeout: 60_000 }, async () => {
  const dir = await freshHome('no-keychain');
  const env = envForHome(dir, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
  for (const extra of [{ args: ['--lang', 'zh'], env: {} }, { args: [], env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } }]) {
    const r = await runCommand(process.execPath, [cliPath, 'auth', 'list', ...extra.args], { env: { ...env, ...extra.env }, timeoutMs: 30_000 });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^goproxyctl auth：没有可用的系统钥匙串：请启动 `Secret Service`.*goproxyctl 从不以明文保存凭据。\n$/);
    assert.equal(r.stderr.match(/钥匙串/g)?.length, 1, 'said once');
    assertChinese(r.stderr, 'no keychain');
  }
});
