// `use` and `undo` in Simplified Chinese: the built CLI in a temporary HOME with the real go 1.23,
// chosen by --lang zh and by LANG=zh_CN.UTF-8 with no flag. Every line a person reads passes the
// zh check; --json keeps its fields (rendered in the command's language) with the message next to
// each sentence; English stays the default.
import assert from 'node:assert/strict';
import { appendFile, chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { zhCliProblems } from '../../support/zh-cli.js';
import { GO123, makeTempHome, type TempHome } from '../apply/helpers.js';

let t: TempHome;
let env: NodeJS.ProcessEnv;
let bashrc: string;
beforeEach(async () => {
  t = await makeTempHome();
  // No locale from the machine running the tests: each test says which language it wants.
  env = { ...t.env, GOPROXYCTL_GO: GO123, PATH: `${path.dirname(GO123)}:${t.env.PATH}`, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
  bashrc = path.join(t.home, '.bashrc');
  await writeFile(bashrc, '# my bashrc\n');
});
afterEach(() => t.cleanup());

function cli(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, ...args], { env: { ...env, ...extra }, cwd: t.home, timeoutMs: 90_000 });
}

test('use china --lang zh: applied, what each variable does, verified, all in Chinese', { timeout: 180_000 }, async () => {
  const r = await cli(['use', 'china', '--lang', 'zh']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^已应用 `china`（中国大陆）：写入了 /);
  assert.match(r.stdout, /各变量的作用：\n {2}GOPROXY=https:\/\/goproxy\.cn\|https:\/\/mirrors\.aliyun\.com\/goproxy\/,direct：go 先请求 https:\/\/goproxy\.cn，出现任何错误后再请求/);
  assert.match(r.stdout, /✔ 已用 `go env -json` 验证/);
  assert.deepEqual(zhCliProblems(r.stdout), []);

  const again = await cli(['use', 'china'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^`china`（中国大陆）已经应用，无需修改。\n/);
  assert.deepEqual(zhCliProblems(again.stdout), []);
});

test('a shadowing export and a variable of the current shell are explained in Chinese, --json carries the messages', { timeout: 180_000 }, async () => {
  assert.equal((await cli(['use', 'global'])).code, 0);
  await appendFile(bashrc, 'export GOPROXY=https://shadow.example\n');
  const shadowLine = (await readFile(bashrc, 'utf8')).split('\n').indexOf('export GOPROXY=https://shadow.example') + 1;

  const human = await cli(['use', 'china', '--lang', 'zh'], { GOSUMDB: 'off' });
  assert.equal(human.code, 1, human.stderr);
  assert.ok(human.stdout.includes(`✖ 新的 \`bash\` 终端得到的是 GOPROXY="https://shadow.example"，而不是 "`), human.stdout);
  assert.ok(human.stdout.includes(`${bashrc} 第 ${shadowLine} 行（\`export GOPROXY=https://shadow.example\`）覆盖了该方案`), human.stdout);
  assert.match(human.stdout, /✖ 启动 goproxyctl 的环境得到的是 GOSUMDB="off"，而不是 "sum\.golang\.google\.cn"：它在该环境中已被设置/);
  assert.deepEqual(zhCliProblems(human.stdout), []);

  const json = await cli(['use', 'china', '--json', '--lang', 'zh'], { GOSUMDB: 'off' });
  const out = JSON.parse(json.stdout) as { explained: string[]; explainedMessage: { id: string }[]; verification: { mismatches: { context: string; message: string; messageMessage: { id: string; params: Record<string, unknown> } }[] } };
  const bash = out.verification.mismatches.find((m) => m.context === 'bash')!;
  assert.match(bash.message, /^新的 `bash` 终端得到的是/);
  assert.equal(bash.messageMessage.id, 'apply.verify.mismatch');
  assert.equal((bash.messageMessage.params.why as { id: string }).id, 'apply.verify.override.remove');
  assert.equal(out.explained.length, out.explainedMessage.length);
  assert.ok(out.explainedMessage.every((m) => m.id === 'apply.vars.line'));

  // English by default: the same facts, the same words as before.
  const en = await cli(['use', 'china', '--json'], { GOSUMDB: 'off' });
  const enOut = JSON.parse(en.stdout) as typeof out;
  assert.match(enOut.verification.mismatches.find((m) => m.context === 'bash')!.message, /^a new bash terminal gets GOPROXY="https:\/\/shadow\.example" instead of /);
});

test('undo --list and undo in Chinese (--lang zh, then LANG=zh_CN.UTF-8): labels, statuses and dates in the locale', { timeout: 180_000 }, async () => {
  assert.equal((await cli(['use', 'global'])).code, 0);
  assert.equal((await cli(['use', 'china'])).code, 0);

  const list = await cli(['undo', '--list', '--lang', 'zh']);
  assert.equal(list.code, 0, list.stderr);
  const rows = list.stdout.trimEnd().split('\n');
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /^\d{4}年\d{1,2}月\d{1,2}日 .*已生效\s+切换到 `china`\s+（\d+ 个文件）$/);
  assert.match(rows[1]!, /切换到 `global`/);
  assert.deepEqual(zhCliProblems(list.stdout), []);

  const undo = await cli(['undo'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(undo.code, 0, undo.stderr);
  assert.match(undo.stdout, /^已撤销“切换到 `china`”（应用于 \d{4}年.*）；已恢复：\n/);
  assert.match(undo.stdout, /当前方案：`global`。\n$/);
  assert.deepEqual(zhCliProblems(undo.stdout), []);

  const listed = JSON.parse((await cli(['undo', '--list', '--json', '--lang', 'zh'])).stdout) as { applies: { label: string; labelText: string; labelMessage: { id: string; params: { profile: string } }; status: string }[] };
  assert.deepEqual(listed.applies.map((a) => [a.label, a.labelText, a.status]), [['use china', '切换到 `china`', 'undone'], ['use global', '切换到 `global`', 'committed']]);
  assert.deepEqual(listed.applies[0]!.labelMessage, { id: 'apply.label.use', params: { profile: 'china' } });

  assert.equal((await cli(['undo', '--lang', 'zh'])).code, 0);
  const none = await cli(['undo'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(none.code, 1);
  assert.equal(none.stderr, 'goproxyctl undo: 没有可撤销的应用；运行 `goproxyctl undo --list` 查看历史。\n');
  assert.deepEqual(zhCliProblems(none.stderr), []);

  const en = await cli(['undo', '--list']);
  assert.match(en.stdout, /undone\s+use china\s+\(\d+ files\)\n.*undone\s+use global\s+\(\d+ files\)\n$/);
});

test('a read-only startup file stops `use` before anything is written, said in Chinese; --json of the error keeps English by default', { timeout: 120_000 }, async () => {
  await chmod(bashrc, 0o444);
  const r = await cli(['use', 'china', '--lang', 'zh']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^goproxyctl use: 没有写入任何内容：.*\.bashrc 是只读的（权限 0444），goproxyctl 没有修改任何文件；请让它可写（`chmod u\+w`），或不要选择这个目标/);
  assert.deepEqual(zhCliProblems(r.stderr), []);
  const en = await cli(['use', 'china']);
  assert.match(en.stderr, /^goproxyctl use: nothing was written: .*\.bashrc is read-only \(mode 0444\), so goproxyctl left every file unchanged/);
  await chmod(bashrc, 0o644);
});
