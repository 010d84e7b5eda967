// `goproxyctl serve` refuses bad flags with a message: in Chinese with --lang zh and with
// LANG=zh_CN.UTF-8 and no flag, in English by default, and in --json as text plus the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { cliProse } from '../../support/cli-prose.js';
import { makeTempHome } from '../../support/temp-home.js';
import { checkZhText } from '../../support/zh-check.js';

test('serve: a bad --port and --open with --no-open, refused in the command\'s language', { timeout: 60_000 }, async () => {
  const h = await makeTempHome('goproxyctl-serve-usage-');
  const serve = (args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof runCommand> =>
    runCommand(process.execPath, [cliPath, 'serve', ...args], { env: { ...h.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env }, cwd: h.home, timeoutMs: 30_000 });
  try {
    for (const [lang, env] of [[['--lang', 'zh'], {}], [[], { LANG: 'zh_CN.UTF-8' }]] as const) {
      for (const [bad, said] of [[['--port', '0'], /`--port` 需要 1 到 65535 之间的端口号/], [['--open', '--no-open'], /`--open` 和 `--no-open` 只能二选一/]] as const) {
        const r = await serve([...bad, ...lang], env);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, said);
        const check = checkZhText(cliProse(r.stderr));
        assert.deepEqual(check.english, [], r.stderr);
        assert.ok(check.cjk >= 4, r.stderr);
      }
    }
    const json = await serve(['--port', '0', '--json', '--lang', 'zh']);
    assert.equal(json.code, 2);
    const error = (JSON.parse(json.stdout) as { error: { message: string; messageMessage: { id: string } } }).error;
    assert.deepEqual(error.messageMessage, { id: 'ops.serve.bad-port' });
    assert.match(error.message, /端口号/);
    const en = await serve(['--open', '--no-open']);
    assert.match(en.stderr, /^goproxyctl serve: give either --open or --no-open, not both/m);
  } finally {
    await h.cleanup();
  }
});
