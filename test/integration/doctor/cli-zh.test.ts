// `goproxyctl doctor` in 简体中文 on a real finding: an `export GOPROXY=…` in ~/.bashrc shadows the
// go env file in a temporary HOME (the real go 1.23 reads both). With --lang zh, and with
// LANG=zh_CN.UTF-8 and no flag, every line a person reads is Chinese (titles, explanation,
// evidence, fix; code in `backticks`, paths and URLs aside); --lang en and the default stay English.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { checkZhText } from '../../support/zh-check.js';

const go = goToolchains().at(-1)!;
const SHADOW = 'https://goproxy.cn,direct';
let home: string;

before(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-doctor-zh-'));
  await mkdir(path.join(home, '.config', 'go'), { recursive: true });
  await writeFile(path.join(home, '.bashrc'), `# mine\nexport GOPROXY=${SHADOW}\n`);
  await writeFile(path.join(home, '.config', 'go', 'env'), 'GOPROXY=https://proxy.golang.org|direct\n');
});

after(async () => {
  if (home) await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

/** As a new terminal would run it: the rc line's value is in the environment. */
function doctor(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const env = { HOME: home, PATH: `${path.dirname(go.bin)}:/usr/bin:/bin`, GOPROXYCTL_GO: go.bin, GOTOOLCHAIN: 'local', GOFLAGS: '', LANG: 'C.UTF-8', GOPROXY: SHADOW, ...extra };
  return runCommand(process.execPath, [cliPath, 'doctor', ...args], { env, cwd: home, timeoutMs: 60_000 });
}

/** The CLI's prose: `code spans` are code, as .mono elements are on the dashboard. */
function assertChinese(out: string): void {
  const check = checkZhText(out.replace(/`[^`\n]*`/g, ' '));
  assert.deepEqual(check.english, [], out);
  assert.ok(check.cjk > 40, out);
}

test('doctor --lang zh: the shadowing export, in Chinese from title to fix (zh check)', async () => {
  const r = await doctor(['--lang', 'zh']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^\[错误\] 环境变量覆盖了 go env 文件（GOPROXY）\n {2}GOPROXY 在环境变量中被设置（来自 .*\.bashrc:2）/);
  assert.match(r.stdout, /- go env 文件（.*env）：GOPROXY=https:\/\/proxy\.golang\.org\|direct/);
  assert.match(r.stdout, /- 当前进程的环境变量：GOPROXY=https:\/\/goproxy\.cn,direct/);
  assert.match(r.stdout, /- .*\.bashrc:2: `export GOPROXY=https:\/\/goproxy\.cn,direct`/);
  assert.match(r.stdout, /修复（`--fix`）：运行 `goproxyctl doctor --fix`：它会用 goproxyctl 标记注释掉 .*\.bashrc:2/);
  assert.doesNotMatch(r.stdout, /shadowed-by-os-env/, 'no rule id for people');
  assertChinese(r.stdout);
});

test('doctor with LANG=zh_CN.UTF-8 and no flag speaks Chinese too', async () => {
  const r = await doctor([], { LANG: 'zh_CN.UTF-8' });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /环境变量覆盖了 go env 文件/);
  assertChinese(r.stdout);
});

test('doctor --json --lang zh: texts in Chinese, messages (ids and values) next to them', async () => {
  const r = await doctor(['--json', '--lang', 'zh']);
  const shadow = (JSON.parse(r.stdout) as { findings: Record<string, unknown>[] }).findings.find((f) => f.id === 'shadowed-by-os-env')!;
  assert.equal(shadow.title, '环境变量覆盖了 go env 文件');
  assert.deepEqual(shadow.titleMessage, { id: 'ops.doctor.title.shadowed-by-os-env' });
  assert.match(shadow.explanation as string, /^GOPROXY 在环境变量中被设置/);
  assert.equal((shadow.explanationMessage as { id: string }).id, 'ops.doctor.shadowed.explanation');
  const fix = shadow.fix as { automatic: boolean; text: string; textMessage: { id: string } };
  assert.equal(fix.automatic, true);
  assert.match(fix.text, /^运行 `goproxyctl doctor --fix`/);
  assert.equal(fix.textMessage.id, 'ops.doctor.shadowed.fix-move');
});

test('doctor --lang en (and the default): the same finding in English', async () => {
  for (const args of [['--lang', 'en'], []]) {
    const r = await doctor(args);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^\[error\] The environment overrides the go env file \(GOPROXY\)\n {2}GOPROXY is set in the environment \(by .*\.bashrc:2\), and a non-empty environment variable always wins over the go env file\./);
    assert.match(r.stdout, /GOPROXY=\S+ \(this process's environment\)/);
    assert.match(r.stdout, /Fix \(`--fix`\): Run `goproxyctl doctor --fix`: it comments out .*\.bashrc:2 with a goproxyctl marker/);
    assert.equal(checkZhText(r.stdout).cjk, 0);
  }
});
