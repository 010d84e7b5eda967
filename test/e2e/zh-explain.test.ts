// The Chain view's "explain a module" in 简体中文, end to end in real Chromium: the renderer built by
// vite, the real `goproxyctl serve` under a temporary HOME, the real go for the configuration
// (`go env -w GOPROXY=…` between questions, as a user would change it), lab proxies on loopback:
// one that serves the module, one that answers 404, one that fails with 502. The steps, the
// verdict and the fix the engine sends as messages must read as Chinese outside code, URLs and
// go's own quoted error; switching back to English re-renders the same answer without a new request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startLab, type Lab } from '../lab/index.js';
import { goToolchains, runCommand } from '../support/go.js';
import { checkZhText, proseScript } from '../support/zh-check.js';
import { buildRenderer, dashboardEnv, openChromium, startServe, stopServe } from './headless-dashboard.js';

const go = goToolchains().find((g) => g.name === 'go1.23') ?? goToolchains().at(-1)!;
const MODULE = 'lab.invalid/app@v1.0.0';
const T = { timeout: 30_000 };

/** The explain box's visible text, without its code-like elements (go's error, entries, file names) and its form. */
const EXPLAIN_PROSE_SCRIPT = proseScript('[data-testid="explain-box"]', ['form']);

let tmp: string;
let home: string;
let lab: Lab;
let env: NodeJS.ProcessEnv;
let serve: ChildProcess;
let browser: BrowserContext;
let page: Page;
let problems: string[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-e2e-zh-explain-'));
  home = path.join(tmp, 'home');
  await mkdir(home, { recursive: true });
  const ui = path.join(tmp, 'ui');
  buildRenderer(ui);
  lab = await startLab({ proxies: [{ name: 'good' }, { name: 'missing', faults: { status: 404 } }, { name: 'broken', faults: { status: 502 } }] });
  // The configuration lives in the go env file (no GOPROXY, GOENV or GOSUMDB in the environment).
  const { GOSUMDB: _s, GOFLAGS: _f, GOENV: _e, ...labEnv } = lab.goEnv({ HTTPS_PROXY: 'http://127.0.0.1:1' });
  env = dashboardEnv(home, { go: go.bin, ui, base: labEnv });
  await useGoproxy(lab.proxies.good!.url);
  let url: string;
  ({ serve, url } = await startServe(env, home));
  ({ browser, page, problems } = await openChromium(path.join(tmp, 'chromium')));
  await page.goto(url, { timeout: 20_000 });
});

after(async () => {
  await browser?.close();
  await stopServe(serve);
  await lab?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

async function useGoproxy(goproxy: string): Promise<void> {
  const w = await runCommand(go.bin, ['env', '-w', `GOPROXY=${goproxy}`, 'GOSUMDB=off'], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(w.code, 0, w.stderr);
}

/** Asks the explain box about MODULE and waits for the whole walk and its verdict. */
async function explainInChainView(): Promise<void> {
  await page.getByTestId('nav-chain').click();
  await page.getByTestId('explain-box-input').waitFor(T);
  await page.getByTestId('explain-box-input').fill(MODULE);
  await page.getByTestId('explain-box-submit').click();
  await page.getByTestId('explain-box-verdict').waitFor(T);
}

async function assertExplainBoxChinese(label: string): Promise<string> {
  const text = await page.evaluate<string>(EXPLAIN_PROSE_SCRIPT);
  const check = checkZhText(text);
  assert.deepEqual(check.english, [], `${label}: English in the explain box\n${text}`);
  assert.ok(check.cjk >= 20, `${label}: the explain box is hardly Chinese (${check.cjk} CJK characters)\n${text}`);
  return text;
}

test('the dashboard in 简体中文', T, async () => {
  await page.getByTestId('locale').waitFor(T);
  await page.getByTestId('locale').selectOption('zh-CN');
  // A locator, not waitForFunction: that polls its string with eval, which the dashboard's CSP refuses.
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', ...T });
  assert.equal(await page.getByTestId('nav-chain').innerText(), '代理链');
});

test('a proxy that serves the module: steps and verdict in Chinese', { timeout: 60_000 }, async () => {
  await explainInChainView();
  const verdict = await page.getByTestId('explain-box-verdict').innerText();
  assert.equal(verdict.trim(), `go 从 ${lab.proxies.good!.url} 获取 ${MODULE}`);
  const whys = await page.getByTestId('explain-box-why').allInnerTexts();
  assert.equal(whys.length, 3, 'info, mod and zip, each served by the first entry');
  for (const why of whys) assert.equal(why, `第 1 个条目（${lab.proxies.good!.url}）提供了该模块，go 到此为止。`);
  await assertExplainBoxChinese('served');
});

test('a proxy that does not have the module: the not-found step and the fix in Chinese', { timeout: 60_000 }, async () => {
  await useGoproxy(lab.proxies.missing!.url);
  await explainInChainView();
  assert.match(await page.getByTestId('explain-box-verdict').innerText(), /^go 获取 lab\.invalid\/app 失败：reading /);
  assert.match(await page.getByTestId('explain-box-go-error').innerText(), /404 Not Found/, 'go\'s error, quoted as go prints it');
  assert.match(await page.getByTestId('explain-box-why').first().innerText(), /没有该模块（404，属于“未找到”），它已是最后一个条目。/);
  assert.match(await page.getByTestId('explain-box-fix').innerText(), /^修复：没有任何代理有这个模块或版本/);
  await assertExplainBoxChinese('not found');
});

test('a proxy that fails before ",": the error step and the fix in Chinese; English again without a new request', { timeout: 60_000 }, async () => {
  await useGoproxy(`${lab.proxies.broken!.url},${lab.proxies.good!.url}`);
  await explainInChainView();
  assert.match(await page.getByTestId('explain-box-go-error').innerText(), /502 Bad Gateway/);
  assert.match(await page.getByTestId('explain-box-why').first().innerText(), /返回 502，请求失败，后面跟的是 ','，只有 404\/410 才会回退，go 到此停止。/);
  assert.equal(await page.getByTestId('explain-box-fix').innerText(), "修复：第 1 个条目返回 502，后面跟的是 ','：go 到此停止；改用 '|' 可在出错时转向下一个条目");
  await assertExplainBoxChinese('failed');

  const asked = lab.proxies.broken!.accessLog.length;
  await page.getByTestId('locale').selectOption('en');
  await page.locator('html[lang="en"]').waitFor({ state: 'attached', ...T });
  assert.equal(await page.getByTestId('explain-box-fix').innerText(), "Fix: entry 1 returned 502 and is followed by ',': go stops here; use '|' to fail over on errors");
  assert.match(await page.getByTestId('explain-box-why').first().innerText(), /^Entry 1 \(http:\/\/127\.0\.0\.1:\d+\) failed with 502 and is followed by ','/);
  assert.equal(lab.proxies.broken!.accessLog.length, asked, 'the messages were rendered again, not asked for again');
  assert.deepEqual(problems, [], 'no console errors');
});
