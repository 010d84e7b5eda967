// `goproxyctl serve`'s startup line in the command's language: Chinese with --lang zh and with
// LANG=zh_CN.UTF-8, English by default (the URL and its token as they are). A bad --port is
// refused in the same language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome } from '../../support/temp-home.js';
import { checkZhText } from '../../support/zh-check.js';

/** serve's first stdout line, then a clean stop. */
async function firstLine(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<string> {
  const h = await makeTempHome('goproxyctl-serve-zh-');
  const serve = spawn(process.execPath, [cliPath, 'serve', '--no-open', ...args], { env: { ...h.env, ...extra }, cwd: h.home, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const [line] = (await once(createInterface({ input: serve.stdout }), 'line')) as [string];
    return line;
  } finally {
    serve.kill('SIGTERM');
    if (serve.exitCode === null) await once(serve, 'exit');
    await h.cleanup();
  }
}

test('serve --lang zh and LANG=zh_CN.UTF-8: the startup line in Chinese', { timeout: 60_000 }, async () => {
  for (const [args, env] of [[['--lang', 'zh'], {}], [[], { LANG: 'zh_CN.UTF-8' }]] as const) {
    const line = await firstLine([...args], env);
    assert.match(line, /^goproxyctl：控制面板地址 http:\/\/127\.0\.0\.1:\d+\/#token=\S+（按 `Ctrl\+C` 停止）$/);
    const check = checkZhText(line.replace(/`[^`]*`/g, ' '));
    assert.deepEqual(check.english, [], line);
  }
});

test('serve in English by default; a bad --port is refused in the command\'s language', { timeout: 60_000 }, async () => {
  assert.match(await firstLine([]), /^goproxyctl: dashboard at http:\/\/127\.0\.0\.1:\d+\/#token=\S+ \(Ctrl\+C to stop\)$/);
  const h = await makeTempHome('goproxyctl-serve-port-');
  try {
    const zh = await runCommand(process.execPath, [cliPath, 'serve', '--port', '70000', '--lang', 'zh'], { env: h.env, cwd: h.home, timeoutMs: 30_000 });
    assert.equal(zh.code, 2);
    assert.match(zh.stderr, /`--port` 需要 1 到 65535 之间的端口号/);
    const en = await runCommand(process.execPath, [cliPath, 'serve', '--port', '70000'], { env: h.env, cwd: h.home, timeoutMs: 30_000 });
    assert.match(en.stderr, /--port takes a port number between 1 and 65535/);
  } finally {
    await h.cleanup();
  }
});
