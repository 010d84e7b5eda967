// The CLI's shell in the user's language, through the built binary under a temporary HOME: every
// command's help with --lang zh (after or before the command, `help <command>`, LANG=zh_CN.UTF-8),
// the errors run.ts says itself (unknown command or option with "did you mean", missing values,
// a bad --lang) and their --json objects, with the message's id next to the rendered sentence.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { checkZhText } from '../../support/zh-check.js';
import { cliProse } from '../../support/cli-prose.js';
import { COMMANDS } from '../../../electron/cli/registry.js';
import type { JsonError } from '../../../electron/cli/run.js';

let home: TempHome;
before(async () => {
  home = await makeTempHome('goproxyctl-cli-lang-');
});
after(async () => {
  await home?.cleanup();
});

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCommand(process.execPath, [cliPath, ...args], { env: { ...home.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env }, cwd: home.home, timeoutMs: 30_000 });
}

function assertChinese(text: string, what: string): void {
  const check = checkZhText(cliProse(text));
  assert.ok(check.cjk > 5, `${what} is in Chinese:\n${text}`);
  assert.deepEqual(check.english, [], what);
}

test('every command\'s --help with --lang zh is Chinese; with --lang en it keeps the English layout', async () => {
  for (const name of Object.keys(COMMANDS)) {
    const zh = await cli([name, '--help', '--lang', 'zh']);
    assert.equal(zh.code, 0, `${name}: ${zh.stderr}`);
    assert.match(zh.stdout, new RegExp(`^用法：goproxyctl ${name}`), name);
    assertChinese(zh.stdout, `${name} --help --lang zh`);
    const en = await cli([name, '--help', '--lang', 'en']);
    assert.equal(en.code, 0, name);
    assert.match(en.stdout, new RegExp(`^Usage: goproxyctl ${name}[^]*\\n\\nOptions:\\n[^]*\\n\\nExit codes:\\n`), name);
    assert.doesNotMatch(en.stdout, /[\u4e00-\u9fff]/, name);
  }
});

test('--lang before the command, `help` with --lang, and LANG=zh_CN.UTF-8 all give the same Chinese help', async () => {
  const reference = (await cli(['bench', '--help', '--lang', 'zh'])).stdout;
  assertChinese(reference, 'bench help');
  for (const [args, env] of [
    [['help', 'bench', '--lang', 'zh'], {}],
    [['--lang', 'zh', 'bench', '--help'], {}],
    [['--lang=zh', 'help', 'bench'], {}],
    [['help', 'bench'], { LANG: 'zh_CN.UTF-8' }],
    [['bench', '-h'], { LANG: 'zh_CN.UTF-8' }],
  ] as const) {
    const r = await cli([...args], env);
    assert.equal(r.code, 0, args.join(' '));
    assert.equal(r.stdout, reference, `${args.join(' ')} ${JSON.stringify(env)}`);
  }
  const global = (await cli(['--lang', 'zh'])).stdout;
  assert.match(global, /^goproxyctl \d+\.\d+\.\d+：/);
  assertChinese(global, 'goproxyctl --lang zh');
  for (const [args, env] of [
    [['help', '--lang', 'zh'], {}],
    [['--help', '--lang=zh'], {}],
    [[], { LANG: 'zh_CN.UTF-8' }],
  ] as const) {
    assert.equal((await cli([...args], env)).stdout, global, `${args.join(' ')} ${JSON.stringify(env)}`);
  }
  assert.doesNotMatch((await cli(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).stdout, /[\u4e00-\u9fff]/, '--lang en wins over LANG');
});

test('--lang zh and --json before the command reach the command', async () => {
  const doctor = await cli(['--lang', 'zh', 'doctor']);
  assert.match(doctor.stdout, /[\u4e00-\u9fff]/, 'doctor speaks Chinese');
  const env = await cli(['--json', 'env']);
  assert.equal(env.code, 0, env.stderr);
  assert.equal(typeof (JSON.parse(env.stdout) as { vars?: unknown }).vars, 'object');
});

test('a mistyped command or option gets "did you mean" in Chinese', async () => {
  const command = await cli(['--lang', 'zh', 'bnech']);
  assert.equal(command.code, 2);
  assert.equal(command.stderr, 'goproxyctl: 未知命令 "bnech"。你是不是想输入 `goproxyctl bench`？\n');
  assertChinese(command.stderr, 'unknown command');
  const after = await cli(['bnech', '--lang', 'zh']);
  assert.equal(after.stderr, command.stderr, '--lang after an unknown command counts too');
  const option = await cli(['bench', '--modul', 'x@v1.0.0', '--lang', 'zh']);
  assert.equal(option.code, 2);
  assert.equal(option.stderr, 'goproxyctl bench: 未知选项 --modul。你是不是想输入 --module？\n');
  const global = await cli(['--jsn', 'env'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(global.code, 2);
  assert.equal(global.stderr, 'goproxyctl: 未知选项 --jsn。你是不是想输入 --json？\n');
});

test('missing values, values given to flags, stray arguments and a bad --lang are sentences in the user\'s language', async () => {
  const cases: [string[], RegExp][] = [
    [['explain', '--timeout', '--lang', 'zh'], /^goproxyctl explain: --timeout 需要一个值：--timeout MS。用法见 `goproxyctl explain --help`。\n$/],
    [['undo', '--list=yes', '--lang', 'zh'], /^goproxyctl undo: --list 不接受值，单独写 --list 即可。\n$/],
    [['env', 'extra', '--lang', 'zh'], /^goproxyctl env: 多余的参数 "extra"：`goproxyctl env` 只接受选项。\n$/],
  ];
  for (const [args, expected] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, expected, args.join(' '));
    assertChinese(r.stderr, args.join(' '));
  }
  const en = await cli(['explain', '--timeout']);
  assert.equal(en.stderr, 'goproxyctl explain: --timeout needs a value: --timeout MS. Run `goproxyctl explain --help` for usage.\n');
  const badLang = await cli(['env', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(badLang.code, 2);
  assert.equal(badLang.stderr, 'goproxyctl env: --lang "fr" 不是 goproxyctl 支持的语言，请使用 --lang en 或 --lang zh。\n');
  const noLang = await cli(['--lang'], { LANG: 'zh_CN.UTF-8' });
  assert.equal(noLang.code, 2);
  assert.equal(noLang.stderr, 'goproxyctl: --lang 需要一个值：--lang en|zh。用法见 `goproxyctl --help`。\n');
  const badGlobalLang = await cli(['--lang', 'fr']);
  assert.equal(badGlobalLang.code, 2);
  assert.match(badGlobalLang.stderr, /^goproxyctl: --lang "fr" is not a language goproxyctl speaks; use --lang en or --lang zh\.\n$/);
});

test('with --json, run.ts\'s errors are JSON objects: the sentence in the language, the code and the message id stable', async () => {
  const zh = await cli(['--lang', 'zh', '--json', 'bnech']);
  assert.equal(zh.code, 2);
  const body = JSON.parse(zh.stdout) as JsonError;
  assert.equal(body.error.code, 'usage');
  assert.equal(body.error.exitCode, 2);
  assert.equal(body.error.message, 'goproxyctl: 未知命令 "bnech"。你是不是想输入 `goproxyctl bench`？');
  assert.deepEqual(body.error.messageMessage, {
    id: 'cli.error.with-hint',
    params: { error: { id: 'cli.error.unknown-command', params: { name: 'bnech' } }, hint: { id: 'cli.error.did-you-mean-command', params: { command: 'goproxyctl bench' } } },
  });
  const en = JSON.parse((await cli(['--json', 'bnech'])).stdout) as JsonError;
  assert.equal(en.error.message, 'goproxyctl: unknown command "bnech". Did you mean `goproxyctl bench`?');
  assert.deepEqual(en.error.messageMessage, body.error.messageMessage, 'the same message, whatever the language');

  const option = JSON.parse((await cli(['env', '--json', '--nope', '--lang', 'zh'])).stdout) as JsonError;
  assert.equal(option.error.code, 'usage');
  assert.equal(option.error.messageMessage?.id, 'cli.error.with-hint');
  assertChinese(option.error.message, 'the --json error of an unknown option');
  const lang = JSON.parse((await cli(['env', '--json', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).stdout) as JsonError;
  assert.deepEqual(lang.error.messageMessage, { id: 'cli.error.bad-lang', params: { lang: 'fr' } });
  assertChinese(lang.error.message, 'the --json error of a bad --lang');
});
