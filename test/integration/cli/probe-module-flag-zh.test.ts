// A bad `--module` (bench, watch) is refused with a message: Chinese with --lang zh and with
// LANG=zh_CN.UTF-8 and no flag, English by default as before; --json errors carry the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { cliProse } from '../../support/cli-prose.js';
import { makeTempHome } from '../../support/temp-home.js';
import { checkZhText } from '../../support/zh-check.js';

test('--module without a version, with a short version, with a bad path: refused in the command\'s language', { timeout: 60_000 }, async () => {
  const h = await makeTempHome('goproxyctl-probe-module-');
  const run = (args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof runCommand> =>
    runCommand(process.execPath, [cliPath, ...args], { env: { ...h.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env }, cwd: h.home, timeoutMs: 30_000 });
  try {
    const cases = [
      [['bench', '--module', 'golang.org/x/mod'], /^goproxyctl bench: --module：请同时给出版本（path@version，例如 golang\.org\/x\/mod@v0\.17\.0）/],
      [['bench', '--module', 'golang.org/x/mod@1.0'], /^goproxyctl bench: --module："1\.0" 不是完整的语义化版本/],
      [['watch', '--once', '--module', 'Not_A/Path@v1.0.0'], /^goproxyctl watch: --module：这不是有效的模块路径（`malformed module path .+`）/],
    ] as const;
    for (const [lang, env] of [[['--lang', 'zh'], {}], [[], { LANG: 'zh_CN.UTF-8' }]] as const) {
      for (const [args, said] of cases) {
        const r = await run([...args, ...lang], env);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, said);
        const check = checkZhText(cliProse(r.stderr));
        assert.deepEqual(check.english, [], r.stderr);
        assert.ok(check.cjk >= 10, r.stderr);
      }
    }
    const json = await run(['bench', '--module', 'golang.org/x/mod', '--json', '--lang', 'zh']);
    const error = (JSON.parse(json.stdout) as { error: { message: string; messageMessage: unknown } }).error;
    assert.deepEqual(error.messageMessage, { id: 'common.flag-problem', params: { flag: '--module', problem: { id: 'bench.module.no-version', params: { example: 'golang.org/x/mod@v0.17.0' } } } });
    assert.match(error.message, /请同时给出版本/);
    const en = await run(['bench', '--module', 'golang.org/x/mod']);
    assert.equal(en.stderr, "goproxyctl bench: --module: give the version too (path@version, e.g. golang.org/x/mod@v0.17.0): the probe asks for that version's .info, .mod and .zip.\n");
  } finally {
    await h.cleanup();
  }
});
