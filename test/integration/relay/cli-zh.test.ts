// `goproxyctl relay` in 简体中文: the startup block, a request line and the stop line with --lang zh
// and with LANG=zh_CN.UTF-8 and no flag (the chain from `go env` then), its refusals of bad flags
// (text and --json), and English by default. A real relay in front of the lab's proxy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { cliProse } from '../../support/cli-prose.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { checkZhText } from '../../support/zh-check.js';

let lab: Lab;
let home: TempHome;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'only' }] });
  home = await makeTempHome('goproxyctl-relay-zh-');
});
after(async () => {
  await lab?.close();
  await home?.cleanup();
});

const baseEnv = (): NodeJS.ProcessEnv => ({ ...home.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C' });

/** Runs the relay, waits for its startup block, asks it for one module list, stops it: everything it printed. */
async function session(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; url: string; code: number | null }> {
  const child = spawn(process.execPath, [cliPath, 'relay', '--cache', path.join(home.home, 'cache'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = once(child, 'exit');
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) if (w.match.test(line)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  });
  const lineMatching = (match: RegExp): Promise<string> => {
    const found = lines.find((l) => match.test(l));
    return found !== undefined ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
  };
  try {
    const first = await Promise.race([lineMatching(/http:\/\/127\.0\.0\.1:\d+/), exit.then(() => { throw new Error(`relay exited: ${lines.join('\n')}`); })]);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(first)![0];
    await lineMatching(/GOPROXY=/);
    const res = await fetch(`${url}/lab.invalid/app/@v/list`);
    assert.equal(res.status, 200);
    await res.text();
    await lineMatching(/ 200 \/lab\.invalid\/app\/@v\/list /);
    child.kill('SIGTERM');
    const [code] = (await exit) as [number | null];
    return { stdout: lines.join('\n'), url, code };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function assertChinese(output: string): void {
  const check = checkZhText(cliProse(output));
  assert.deepEqual(check.english, [], output);
  assert.ok(check.cjk >= 10, output);
}

test('relay --lang zh: the startup block, a request and the stop line in Chinese', { timeout: 120_000 }, async () => {
  const chain = lab.proxies.only!.url;
  const run = await session(['--chain', chain, '--lang', 'zh'], baseEnv());
  assert.equal(run.code, 0, run.stdout);
  assertChinese(run.stdout);
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], `\`goproxyctl relay\`：已在 ${run.url} 提供服务（按 \`Ctrl+C\` 停止）`);
  assert.equal(lines[1], `  代理链（--chain）：${chain}`);
  assert.equal(lines[2], `  使用方法：GOPROXY=${run.url}|${chain}`);
  assert.match(run.stdout, /^中继已停止，共处理 1 个请求（其中 0 个来自缓存）$/m);
});

test('LANG=zh_CN.UTF-8 and no flag: Chinese, with the chain go would use (`go env`)', { timeout: 120_000 }, async () => {
  const goenv = path.join(home.home, '.config', 'go', 'env');
  await mkdir(path.dirname(goenv), { recursive: true });
  await writeFile(goenv, `GOPROXY=${lab.proxies.only!.url}\n`);
  const run = await session([], { ...baseEnv(), GOENV: goenv, LANG: 'zh_CN.UTF-8' });
  assert.equal(run.code, 0, run.stdout);
  assertChinese(run.stdout);
  assert.match(run.stdout, /^ {2}代理链（`go env`）：http:\/\/127\.0\.0\.1:\d+$/m);
});

test('relay in English by default, as before', { timeout: 120_000 }, async () => {
  const chain = lab.proxies.only!.url;
  const run = await session(['--chain', chain], baseEnv());
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], `goproxyctl relay: serving on ${run.url} (Ctrl+C to stop)`);
  assert.equal(lines[1], `  chain (--chain): ${chain}`);
  assert.equal(lines[2], `  use it: GOPROXY=${run.url}|${chain}`);
  assert.match(run.stdout, /^relay stopped after 1 request \(0 from the cache\)$/m);
});

test('bad flags are refused in the command\'s language: text, and --json with the message', { timeout: 120_000 }, async () => {
  for (const [args, env] of [[['--lang', 'zh'], {}], [[], { LANG: 'zh_CN.UTF-8' }]] as const) {
    for (const [bad, said] of [[['--port', '70000'], /--port 需要 1 到 65535 之间的端口号。/], [['--cache-size=0'], /--cache-size 需要一个大于 0 的大小/], [['--chain', 'ftp://x'], /--chain 不是有效的 GOPROXY 值（".+"）；条目之间用/]] as const) {
      const r = await runCommand(process.execPath, [cliPath, 'relay', ...bad, ...args], { env: { ...baseEnv(), ...env }, timeoutMs: 30_000 });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, said);
      const check = checkZhText(cliProse(r.stderr));
      assert.deepEqual(check.english, [], r.stderr);
      assert.ok(check.cjk >= 4, r.stderr);
    }
  }
  const json = await runCommand(process.execPath, [cliPath, 'relay', '--json', '--port', '70000', '--lang', 'zh'], { env: baseEnv(), timeoutMs: 30_000 });
  assert.equal(json.code, 2);
  const event = JSON.parse(json.stdout) as { type: string; message: string; messageMessage: { id: string } };
  assert.deepEqual([event.type, event.messageMessage], ['error', { id: 'relay.cli.bad-port' }]);
  assert.match(event.message, /端口号/);
  const en = await runCommand(process.execPath, [cliPath, 'relay', '--port', '70000'], { env: baseEnv(), timeoutMs: 30_000 });
  assert.match(en.stderr, /^goproxyctl relay: --port takes a port number between 1 and 65535\.$/m);
});
