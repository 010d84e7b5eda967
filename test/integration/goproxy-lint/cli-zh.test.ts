// `goproxyctl lint` in 简体中文, end to end on copies of the fixtures (a Dockerfile, a workflow, a
// GitLab CI file, a Makefile, shell scripts): with --lang zh and with LANG=zh_CN.UTF-8 and no flag,
// every finding, the summary and the refusals are Chinese apart from code; --json keeps its fields
// (why/fix as text in the command's language) with the messages next to them; English stays the default.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { runCommand } from '../../support/go.js';
import { cliPath, repoRoot } from '../../support/paths.js';
import { cliProse } from '../../support/cli-prose.js';
import { checkZhText } from '../../support/zh-check.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');
const BAD = ['dockerfile/bad', 'github-actions/bad', 'gitlab-ci/bad', 'makefile/bad', 'shell/bad'];
let t: TempHome;

before(async () => {
  t = await makeTempHome('goproxyctl-lint-zh-');
  await cp(fixtures, path.join(t.home, 'work'), { recursive: true });
});
after(() => t.cleanup());

const cli = (args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof runCommand> =>
  runCommand(process.execPath, [cliPath, ...args], { env: { ...t.env, LC_ALL: '', LC_MESSAGES: '', ...env }, cwd: path.join(t.home, 'work'), timeoutMs: 60_000 });

function assertChinese(output: string): void {
  const check = checkZhText(cliProse(output));
  assert.deepEqual(check.english, [], output);
  assert.ok(check.cjk > 100, output);
}

test('lint --lang zh and LANG=zh_CN.UTF-8: findings, fixes and the summary in Chinese, code as written', async () => {
  for (const [args, env] of [[['--lang', 'zh'], {}], [[], { LANG: 'zh_CN.UTF-8' }]] as const) {
    const run = await cli(['lint', ...BAD, ...args], env);
    assert.equal(run.code, 1, run.stderr);
    assertChinese(run.stdout);
    assert.match(run.stdout, /^`dockerfile\/bad\/Dockerfile:7:20`：错误 `pipe-unquoted-in-shell`：`GOPROXY=https:\/\/goproxy\.cn\|https:\/\/goproxy\.io\|direct`$/m);
    assert.match(run.stdout, /^ {2}修复（--fix）：给列表加上引号：GOPROXY='https:\/\/goproxy\.cn\|https:\/\/goproxy\.io\|direct'。$/m);
    assert.match(run.stdout, /^`dockerfile\/bad\/Dockerfile:8:17`：错误 `arg-out-of-scope`：`GOPROXY=ARG GOPROXY`\n {2}第 2 行的 ARG GOPROXY 声明在第一个 FROM 之前/m);
    assert.match(run.stdout, /^`makefile\/bad\/Makefile:2:20`：错误 `go111module-off`：`GO111MODULE=off`$/m);
    assert.match(run.stdout, /^检查了 6 个文件，发现 24 个问题。$/m);
  }
});

test('lint --lang en: the same findings in English, as before', async () => {
  const run = await cli(['lint', ...BAD, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^dockerfile\/bad\/Dockerfile:7:20: error pipe-unquoted-in-shell: GOPROXY=https:\/\/goproxy\.cn\|https:\/\/goproxy\.io\|direct$/m);
  assert.match(run.stdout, /^ {2}Unquoted, the shell reads "\|" as a pipe: it sets GOPROXY to the first entry only/m);
  assert.match(run.stdout, /^ {2}fix \(--fix\): Quote the list: GOPROXY='https:\/\/goproxy\.cn\|https:\/\/goproxy\.io\|direct'\.$/m);
  assert.match(run.stdout, /^dockerfile\/bad\/Dockerfile:8:17: error arg-out-of-scope: GOPROXY=ARG GOPROXY\n {2}The ARG GOPROXY on line 2 is declared before the first FROM/m);
  assert.match(run.stdout, /^6 files checked, 24 findings\.$/m);
  assert.equal(checkZhText(run.stdout).cjk, 0);
});

test('lint --json --lang zh: why/fix as Chinese text, the messages next to them; English by default', async () => {
  interface JsonFinding { rule: string; why: string; fix: string; whyMessage: { id: string; params?: Record<string, unknown> }; fixMessage: { id: string }; fixable: boolean }
  const zh = JSON.parse((await cli(['lint', 'dockerfile/bad', '--json', '--lang', 'zh'])).stdout) as { findings: JsonFinding[]; notes: string[]; notesMessage: unknown[] };
  const en = JSON.parse((await cli(['lint', 'dockerfile/bad', '--json'])).stdout) as { findings: JsonFinding[] };
  assert.equal(zh.findings.length, en.findings.length);
  zh.findings.forEach((f, i) => {
    assert.equal(typeof f.why, 'string');
    assert.equal(typeof f.fix, 'string');
    assert.deepEqual(checkZhText(cliProse(`${f.why}\n${f.fix}`)).english, [], f.why);
    assert.deepEqual([f.whyMessage, f.fixMessage], [en.findings[i]!.whyMessage, en.findings[i]!.fixMessage]);
    assert.equal(checkZhText(en.findings[i]!.why).cjk, 0);
  });
  const pipe = zh.findings.find((f) => f.rule === 'pipe-unquoted-in-shell')!;
  assert.deepEqual(pipe.whyMessage, { id: 'lint.pipe-unquoted.why', params: { variable: 'GOPROXY', value: 'https://goproxy.cn|https://goproxy.io|direct' } });
  assert.equal(pipe.fixable, true);
  assert.deepEqual([zh.notes, zh.notesMessage], [[], []]);
});

test('--format sarif stays English under --lang zh, with the messages in each result\'s properties', async () => {
  const run = await cli(['lint', 'dockerfile/bad', '--format', 'sarif', '--lang', 'zh']);
  const results = (JSON.parse(run.stdout) as { runs: { results: { message: { text: string }; properties: { whyMessage: { id: string } } }[] }[] }).runs[0]!.results;
  assert.ok(results.length > 0);
  for (const r of results) {
    assert.equal(checkZhText(r.message.text).cjk, 0, r.message.text);
    assert.match(r.properties.whyMessage.id, /^(lint|ops)\./);
  }
});

test('refusals in Chinese: a bad --format, --json with --format, a path that does not exist; --json errors carry the message', async () => {
  for (const [args, env] of [[['--lang', 'zh'], {}], [[], { LANG: 'zh_CN.UTF-8' }]] as const) {
    const format = await cli(['lint', '--format', 'xml', ...args], env);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /^goproxyctl lint: --format 只能是 `text, json, sarif` 之一。$/m);
    const both = await cli(['lint', '--json', '--format', 'sarif', ...args], env);
    assert.equal(both.code, 2);
    const missing = await cli(['lint', 'no-such-dir', ...args], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such-dir：没有这个文件或目录/);
    const unknown = await cli(['lint', 'corpus.json', ...args], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /corpus\.json：lint 不读取这种文件/);
    for (const out of [format.stderr, both.stderr, missing.stderr, unknown.stderr]) {
      const check = checkZhText(cliProse(out));
      assert.deepEqual(check.english, [], out);
      assert.ok(check.cjk >= 4, out);
    }
  }
  const json = await cli(['lint', 'no-such-dir', '--json', '--lang', 'zh']);
  const error = (JSON.parse(json.stdout) as { error: { message: string; messageMessage: { id: string; params: { path: string } } } }).error;
  assert.equal(error.messageMessage.id, 'lint.cli.no-such-path');
  assert.match(error.message, /没有这个文件或目录/);
  const en = await cli(['lint', '--format', 'xml']);
  assert.match(en.stderr, /^goproxyctl lint: --format must be one of text, json, sarif\.$/m);
});

test('a note for a file that is not valid YAML, and --fix\'s last line, in Chinese', async () => {
  const dir = path.join(t.home, 'work', 'broken');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, '.gitlab-ci.yml'), 'variables: [\n');
  const noted = await cli(['lint', 'broken', '--lang', 'zh']);
  assert.equal(noted.code, 0, noted.stderr);
  assert.match(noted.stdout, /^提示：broken\/\.gitlab-ci\.yml：不是有效的 YAML（".+"）；未检查$/m);
  const check = checkZhText(cliProse(noted.stdout));
  assert.deepEqual(check.english, [], noted.stdout);
  assert.ok(check.cjk >= 10, noted.stdout);
  const fixed = await cli(['lint', 'shell/bad', '--fix', '--lang', 'zh']);
  const last = fixed.stdout.trimEnd().split('\n').at(-1)!;
  assert.match(last, /^--fix：已修改 shell\/bad\/\.envrc和shell\/bad\/setup\.sh。可用 `goproxyctl undo` 撤销（应用记录 `\S+`）。$/);
  assert.deepEqual(checkZhText(cliProse(last)).english, [], last);
});
