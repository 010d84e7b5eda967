// `goproxyctl env` in 简体中文 under a temporary HOME with the real go: GOPROXY in the environment
// shadows the go env file's. With --lang zh, and with LANG=zh_CN.UTF-8 and no flag, the sources
// and the shadowing warning are Chinese (values, names and paths as they are); --lang en and the
// default stay English; --json is unchanged (sources are ids).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { checkZhText } from '../../support/zh-check.js';

const go = goToolchains().at(-1)!;
let h: TempHome;
let env: NodeJS.ProcessEnv;

before(async () => {
  h = await makeTempHome('goproxyctl-env-zh-', { GOPROXYCTL_GO: go.bin });
  env = { ...h.env, PATH: `${path.dirname(go.bin)}:${h.env.PATH ?? '/usr/bin:/bin'}` };
  const w = await runCommand(go.bin, ['env', '-w', 'GOPROXY=https://goproxy.cn|direct'], { env, timeoutMs: 60_000 });
  assert.equal(w.code, 0, w.stderr);
});

after(async () => {
  await h?.cleanup();
});

function goproxyctlEnv(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, 'env', ...args], { env: { ...env, GOPROXY: 'https://proxy.golang.org,direct', ...extra }, cwd: h.home, timeoutMs: 60_000 });
}

/** The prose: a table row's value column is code (a value as go reads it, e.g. GOTOOLCHAIN's "local"). */
function assertChinese(out: string): void {
  const check = checkZhText(out.replace(/^( {2}[A-Z0-9_]+ +)\S+/gm, '$1'));
  assert.deepEqual(check.english, [], out);
  assert.ok(check.cjk > 10, out);
}

test('env --lang zh: sources and the shadowing warning in Chinese (zh check)', async () => {
  const r = await goproxyctlEnv(['--lang', 'zh']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^go：go1\.\d+(\.\d+)?（.*go）\ngo env 文件：.*env\n/);
  assert.match(r.stdout, /GOPROXY +https:\/\/proxy\.golang\.org,direct +环境变量\n/);
  assert.match(r.stdout, /GOSUMDB +sum\.golang\.org +(内置默认值|\$GOROOT\/go\.env（.*）)\n/);
  assert.match(r.stdout, /! 来自环境变量的 GOPROXY 覆盖了go env 文件（.*env）中的 GOPROXY=https:\/\/goproxy\.cn\|direct。/);
  assertChinese(r.stdout);
});

test('env with LANG=zh_CN.UTF-8 and no flag speaks Chinese too', async () => {
  const r = await goproxyctlEnv([], { LANG: 'zh_CN.UTF-8' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /环境变量/);
  assertChinese(r.stdout);
});

test('env in English (--lang en and the default), and --json keeps ids', async () => {
  for (const args of [['--lang', 'en'], []]) {
    const r = await goproxyctlEnv(args);
    assert.match(r.stdout, /^go: go1\.\d+(\.\d+)? \(.*go\)\ngo env file: .*env\n/);
    assert.match(r.stdout, /GOPROXY +https:\/\/proxy\.golang\.org,direct +environment\n/);
    assert.match(r.stdout, /! GOPROXY from the environment overrides GOPROXY=https:\/\/goproxy\.cn\|direct in the go env file \(.*env\)\./);
    assert.equal(checkZhText(r.stdout).cjk, 0);
  }
  const json = JSON.parse((await goproxyctlEnv(['--json', '--lang', 'zh'])).stdout) as { vars: { GOPROXY: { source: string } } };
  assert.equal(json.vars.GOPROXY.source, 'os-env');
});
