// The Benchmark view in 简体中文, end to end in real Chromium: the real `goproxyctl serve` under a
// temporary HOME, lab proxies on loopback: one working, one answering 502, one refusing
// connections (Node's ECONNREFUSED), one without the probe module (404). What a Chinese reader
// sees must be Chinese outside code and values: the rows' errors (the engine's sentences with the
// host and Node's code verbatim inside), the missing module, the score explanations, the
// recommendation's reasons. The reasons are messages rendered at draw time: switching back to
// English words them in English without a new run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { fixtureGraph, startLab, type Lab } from '../lab/index.js';
import { goToolchains } from '../support/go.js';
import { screenshotDir } from '../support/screenshots.js';
import { checkZhText, VISIBLE_PROSE_SCRIPT } from '../support/zh-check.js';
import { buildRenderer, dashboardEnv, openChromium, startServe, stopServe } from './headless-dashboard.js';

const go = goToolchains().find((g) => g.name === 'go1.23') ?? goToolchains().at(-1)!;
/** The service benchmarks this module (its DEFAULT_PROBE_MODULE), so the lab serves it too. */
const PROBE_MODULE = { path: 'golang.org/x/mod', version: 'v0.17.0', requires: [], files: { 'go.mod': 'module golang.org/x/mod\n\ngo 1.17\n', 'mod.go': 'package mod\n' } };

let tmp: string;
let lab: Lab;
let serve: ChildProcess;
let browser: BrowserContext;
let url: string;
let page: Page;
let problems: string[] = [];
const proxyUrl = (name: string) => lab.proxies[name]!.url;
const row = (name: string) => page.locator(`[data-testid="bench-row"][data-candidate="${proxyUrl(name)}"]`);
const T = { timeout: 30_000 };

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-e2e-zh-bench-'));
  const home = path.join(tmp, 'home');
  await mkdir(home, { recursive: true });
  const ui = path.join(tmp, 'ui');
  buildRenderer(ui);
  lab = await startLab({
    proxies: [
      { name: 'fast', sumdb: true },
      { name: 'broken', faults: { status: 502 } },
      { name: 'refused', faults: { mode: 'refuse' } },
      { name: 'empty', modules: [] },
    ],
    modules: [...fixtureGraph({ count: 3 }), PROBE_MODULE],
  });
  // The real checksum databases fail fast and offline through a dead HTTPS_PROXY.
  const { GOFLAGS: _f, GOENV: _e, ...labEnv } = lab.goEnv({ HTTPS_PROXY: 'http://127.0.0.1:1' });
  const env = dashboardEnv(home, { go: go.bin, ui, base: labEnv, extra: { GOPROXY: `${lab.proxies.fast!.url},direct` } });
  ({ serve, url } = await startServe(env, home));
  ({ browser, page, problems } = await openChromium(path.join(tmp, 'chromium')));
});

after(async () => {
  await browser?.close();
  await stopServe(serve);
  await lab?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

test('zh-CN benchmark: rows, errors, the missing module, score explanations and reasons are Chinese; code and values stay verbatim', { timeout: 120_000 }, async () => {
  await page.goto(url, { timeout: 20_000 });
  await page.getByTestId('locale').waitFor(T);
  await page.getByTestId('locale').selectOption('zh-CN');
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', ...T });
  await page.goto(new URL(url).origin + '/#/benchmark', { timeout: 20_000 });
  await page.getByTestId('benchmark-view').waitFor(T);
  assert.equal(await page.locator('#bench-heading').innerText(), '测速');

  await page.getByTestId('bench-proxies').fill(['fast', 'broken', 'refused', 'empty'].map(proxyUrl).join('\n'));
  await page.getByTestId('bench-samples').fill('1');
  await page.getByTestId('bench-start').click();
  await page.getByTestId('bench-recommendation').waitFor({ timeout: 90_000 });

  // The rows' errors: the kind in words, then the engine's sentence in Chinese with the host and Node's code verbatim.
  const brokenHost = new URL(proxyUrl('broken')).host;
  assert.equal(await row('broken').getByTestId('bench-error-detail').innerText(), `${brokenHost} 返回 HTTP 502。`);
  const refusedDetail = await row('refused').getByTestId('bench-error-detail').innerText();
  assert.equal(refusedDetail, `无法连接到 ${new URL(proxyUrl('refused')).hostname}（ECONNREFUSED）。`);
  assert.match(await row('empty').getByTestId('bench-missing-module').innerText(), /可以连通.*golang\.org\/x\/mod@v0\.17\.0/);
  assert.match(await row('fast').getByTestId('bench-go-time').innerText(), /^获取典型依赖图的 100 个模块约需 [\d.]+ (ms|s|min|h)$/);

  // Every score explanation opened, so its lines are visible text.
  const explanations = page.getByTestId('bench-score-explain');
  const count = await explanations.count();
  assert.ok(count >= 4, `one explanation per proxy row (${count})`);
  for (let i = 0; i < count; i++) await explanations.nth(i).locator('summary').click();
  const fastExplained = await row('fast').getByTestId('bench-score-explain').innerText();
  assert.match(fastExplained, /得分的由来/);
  assert.match(fastExplained, /得分 [\d.]+\/100：获取典型依赖图的 100 个模块约需/);
  assert.match(fastExplained, /300 个请求，首字节/);
  assert.match(await row('refused').getByTestId('bench-score-explain').innerText(), /没有一次采样成功（连接失败：无法连接到 .*（ECONNREFUSED）。），得分为 0/);
  assert.match(await row('empty').getByTestId('bench-score-explain').innerText(), /可以连通，因此保留在推荐的代理链中/);
  // Each explanation and error on its own too (prose, not code: the whole-view check below reads them as well).
  for (const text of [...(await explanations.allInnerTexts()), ...(await page.getByTestId('bench-error').allInnerTexts())]) {
    assert.deepEqual(checkZhText(text).english, [], text);
  }

  // The reasons, rendered from messages in the language in effect.
  const reasons = await page.getByTestId('bench-reason').allInnerTexts();
  assert.ok(reasons.some((r) => r.startsWith(`按 go 预计耗时排序的代理：${proxyUrl('fast')}（约 `)), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.includes('以下代理没有一次采样成功，已排除：') && r.includes(`${proxyUrl('broken')}（HTTP 错误）`) && r.includes(`${proxyUrl('refused')}（连接失败）`)), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.includes(`${proxyUrl('empty')}（golang.org/x/mod@v0.17.0）`)), reasons.join('\n'));

  await page.getByRole('main').screenshot({ path: path.join(screenshotDir(), 'zh-CN-benchmark-run.png') });

  // The whole view: Chinese outside code, URLs, paths and names.
  const text = await page.evaluate<string>(VISIBLE_PROSE_SCRIPT);
  const check = checkZhText(text);
  assert.deepEqual(check.english, [], 'English words on the zh-CN Benchmark view');
  assert.ok(check.cjk >= 200, `the view is in Chinese (${check.cjk} CJK characters)`);

  // Back to English: the same report, worded again at draw time (no new run).
  await page.getByTestId('locale').selectOption('en');
  await page.locator('html[lang="en"]').waitFor({ state: 'attached', ...T });
  const english = await page.getByTestId('bench-reason').allInnerTexts();
  assert.equal(english.length, reasons.length);
  assert.ok(english.some((r) => r.startsWith(`Proxies by the time go would take: ${proxyUrl('fast')} (≈ `)), english.join('\n'));
  assert.equal(await row('refused').getByTestId('bench-error-detail').innerText(), `Could not connect to ${new URL(proxyUrl('refused')).hostname} (ECONNREFUSED).`);
  assert.deepEqual(problems, [], 'no console errors');
});
