// The dashboard's doctor in 简体中文, end to end in real Chromium: `goproxyctl serve` under a
// temporary HOME whose ~/.bashrc exports GOPROXY over the go env file (plus a readable ~/.netrc and
// GOSUMDB=off in the go env file, so cards with a hand fix show too). Set to 简体中文, each card's
// title, explanation and fix are Chinese (the zh check, code elements aside), no card is titled
// with a rule id, and switching back to English rewords the same findings (the state carries
// messages; the dashboard renders them when it draws).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { goToolchains, runCommand } from '../support/go.js';
import { checkZhText, readProse } from '../support/zh-check.js';
import { buildRenderer, openChromium, startServe, stopServe } from './headless-dashboard.js';

const go = goToolchains().find((g) => g.name === 'go1.23') ?? goToolchains().at(-1)!;
const T = { timeout: 30_000 };
const RULE_IDS = /shadowed-by-os-env|gosumdb-off|netrc-permissions|insecure-http-proxy/;

let tmp: string;
let serve: ChildProcess | undefined;
let browser: BrowserContext | undefined;
let page: Page;
let problems: string[] = [];
let url: string;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-e2e-zh-doctor-'));
  const home = path.join(tmp, 'home');
  await mkdir(home, { recursive: true });
  const ui = path.join(tmp, 'ui');
  buildRenderer(ui);
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    PATH: `${path.dirname(go.bin)}:/usr/bin:/bin`,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    GOPATH: path.join(home, 'go'),
    GOCACHE: path.join(home, '.cache', 'go-build'),
    GOTOOLCHAIN: 'local',
    GOTELEMETRY: 'off',
    // Nothing leaves the machine: any request through a proxy goes to a closed loopback port.
    HTTPS_PROXY: 'http://127.0.0.1:1',
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    GOPROXYCTL_GO: go.bin,
    GOPROXYCTL_UI_DIR: ui,
  };
  const w = await runCommand(go.bin, ['env', '-w', 'GOPROXY=http://127.0.0.1:9|direct', 'GOSUMDB=off'], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(w.code, 0, w.stderr);
  await writeFile(path.join(home, '.bashrc'), "# my bashrc\nexport GOPROXY='http://127.0.0.1:8,direct'\n");
  await writeFile(path.join(home, '.netrc'), 'machine proxy.corp.example login me password not-a-real-one\n');
  await chmod(path.join(home, '.netrc'), 0o644);
  ({ serve, url } = await startServe(env, home));
  ({ browser, page, problems } = await openChromium(path.join(tmp, 'chromium')));
});

after(async () => {
  await browser?.close();
  await stopServe(serve);
  if (tmp) await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

test('doctor cards in 简体中文: titles, explanations and fixes in Chinese; never a rule id', { timeout: 120_000 }, async () => {
  await page.goto(url, { timeout: 20_000 });
  const shadow = page.getByTestId('finding-shadowed-by-os-env');
  await shadow.waitFor(T);
  assert.match(await shadow.locator('.finding-title').innerText(), /^The environment overrides the go env file$/);

  await page.getByTestId('locale').selectOption('zh-CN');
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', ...T });
  await page.getByTestId('doctor').locator('h3', { hasText: '诊断' }).waitFor(T);
  // Saving the language writes settings.json, and the service re-reads everything (the doctor too):
  // read the cards once that run has settled.
  while ((await page.locator('[data-testid="doctor"] .view-state.loading').count()) > 0) await page.locator('[data-testid="doctor"] .view-state.loading').first().waitFor({ state: 'detached', ...T });
  await shadow.waitFor(T);
  assert.equal(await shadow.locator('.finding-title').innerText(), '环境变量覆盖了 go env 文件');
  assert.match(await shadow.innerText(), /GOPROXY 在环境变量中被设置（来自 .*\.bashrc:2）/);
  assert.equal(await page.getByTestId('finding-netrc-permissions').locator('.finding-title').innerText(), '你的 .netrc 可被他人读取');
  assert.match(await page.getByTestId('finding-netrc-permissions').innerText(), /修复方法：运行 chmod 600 .*\.netrc。/);
  assert.match(await page.getByTestId('finding-gosumdb-off').innerText(), /GOSUMDB=off 会关闭所有模块的校验和验证/);

  const cards = page.locator('[data-testid="doctor"] li.finding');
  await cards.nth(3).waitFor(T); // this HOME has four findings
  const count = await cards.count();
  assert.ok(count >= 4, `the four findings of this HOME are shown (${count})`);
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const testid = (await cards.nth(i).getAttribute('data-testid'))!;
    const title = await cards.nth(i).locator('.finding-title').innerText();
    assert.doesNotMatch(title, RULE_IDS, `${testid}: titled with a rule id`);
    const check = checkZhText(await readProse(page, `[data-testid="${testid}"]`));
    assert.ok(check.cjk >= 15, `${testid}: the card is not in Chinese at all`);
    for (const e of check.english) failures.push(`${testid}: ${e}`);
  }
  assert.deepEqual(failures, [], 'English words on the zh-CN doctor cards');
  const panel = checkZhText(await readProse(page, '[data-testid="doctor"]'));
  assert.deepEqual(panel.english, [], 'the whole doctor panel');
  assert.doesNotMatch(await page.getByTestId('doctor').innerText(), RULE_IDS);
  assert.deepEqual(problems, [], 'no console errors');
});

test('back to English: the same findings reworded', { timeout: 60_000 }, async () => {
  await page.getByTestId('locale').selectOption('en');
  await page.locator('html[lang="en"]').waitFor({ state: 'attached', ...T });
  const shadow = page.getByTestId('finding-shadowed-by-os-env');
  await shadow.locator('.finding-title', { hasText: 'The environment overrides the go env file' }).waitFor(T);
  assert.match(await shadow.innerText(), /GOPROXY is set in the environment \(by .*\.bashrc:2\)/);
  assert.deepEqual(problems, [], 'no console errors');
});
