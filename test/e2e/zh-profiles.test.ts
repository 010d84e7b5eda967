// The Profiles view and the Overview's apply verdict in 简体中文, in real Chromium against the real
// `goproxyctl serve` under a temporary HOME, with the real go: the template's blockers, a switch
// whose verdict names what still overrides it, an invalid edit refused with the validator's
// messages, a bad subscription refused at once, and a subscription whose refresh fails later. Every
// message on screen passes the zh check (code, URLs and paths aside) and the view is Chinese at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { builtinProfile, serializeBundle } from '../../shared/profile/index.js';
import { goToolchains } from '../support/go.js';
import { checkZhText, VISIBLE_PROSE_SCRIPT } from '../support/zh-check.js';
import { buildRenderer, dashboardEnv, openChromium, startServe, stopServe } from './headless-dashboard.js';

const go = goToolchains().find((g) => g.name === 'go1.23') ?? goToolchains().at(-1)!;
const T = { timeout: 30_000 };

let tmp: string;
let home: string;
let serve: ChildProcess;
let browser: BrowserContext;
let page: Page;
let problems: string[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-e2e-zh-profiles-'));
  home = path.join(tmp, 'home');
  await mkdir(home, { recursive: true });
  const ui = path.join(tmp, 'ui');
  buildRenderer(ui);
  await writeFile(path.join(home, '.bashrc'), '# my bashrc\n');
  const env = dashboardEnv(home, {
    go: go.bin,
    ui,
    base: { PATH: `${path.dirname(go.bin)}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    // GOSUMDB is set where the service itself runs: the go it runs keeps it, so the switch's verdict must say so.
    extra: { GOFLAGS: '-modcacherw', GOSUMDB: 'sum.golang.org' },
  });
  let url: string;
  ({ serve, url } = await startServe(env, home));
  // Refused requests (an invalid subscription) are 400s by design, and Chromium logs every 4xx.
  ({ browser, page, problems } = await openChromium(path.join(tmp, 'chromium'), (text) => /status of 400 \(Bad Request\)/.test(text)));
  await page.goto(url, { timeout: 20_000 });
  await page.getByTestId('locale').waitFor(T);
  await page.getByTestId('locale').selectOption('zh-CN');
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', ...T });
});

after(async () => {
  await browser?.close();
  await stopServe(serve);
  if (tmp) await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

/** The visible prose of the page (code elements removed) passes the zh check; returns it. */
async function assertChinese(where: string): Promise<string> {
  const text = await page.evaluate<string>(VISIBLE_PROSE_SCRIPT);
  const check = checkZhText(text);
  assert.ok(check.cjk >= 20, `${where}: not in Chinese at all`);
  assert.deepEqual(check.english, [], `${where}: English words on screen`);
  return text;
}

/** One element's text without its code elements, checked alone (a message must be Chinese by itself). */
async function assertChineseElement(selector: string): Promise<string> {
  const text = await page.evaluate<string>(`(() => {
    const copy = document.querySelector(${JSON.stringify(selector)}).cloneNode(true);
    for (const code of copy.querySelectorAll('.mono, code, pre, kbd, [data-verbatim]')) code.remove();
    return copy.textContent;
  })()`);
  const check = checkZhText(text);
  assert.ok(check.cjk >= 4, `${selector}: not in Chinese at all: ${text}`);
  assert.deepEqual(check.english, [], `${selector}: ${text}`);
  return text;
}

test('the Profiles view in Chinese: the built-ins in their Chinese words, the template says what to fill in', { timeout: 60_000 }, async () => {
  await page.getByTestId('nav-profiles').click();
  await page.getByTestId('profile-corporate').waitFor(T);
  assert.match(await page.getByTestId('profile-china').innerText(), /中国大陆/);
  const blocked = await assertChineseElement('[data-testid="profile-corporate"] .warning');
  assert.match(blocked, /暂时无法应用：.*请把 <PRIVATE_PROXY_URL> 替换为你的私有代理的网址/);
  await assertChinese('profiles');
});

test('switching to china: the Overview verdict says, in Chinese, what still overrides the profile', { timeout: 90_000 }, async () => {
  await page.getByTestId('switch-china').click();
  await page.locator('[data-testid="profile-china"][data-active="true"]').waitFor(T);
  await page.getByTestId('nav-overview').click();
  const verdict = page.getByTestId('overview-switched');
  await verdict.waitFor(T);
  const text = await assertChineseElement('[data-testid="overview-switched"]');
  assert.match(text, /已应用/);
  assert.match(text, /但仍被覆盖：.*GOSUMDB=sum\.golang\.org/);
  assert.match(await page.getByTestId('overview-active-name').innerText(), /中国大陆/);
});

test('an invalid edit is refused with the validator\'s messages in Chinese, and nothing is saved', { timeout: 60_000 }, async () => {
  await page.getByTestId('nav-profiles').click();
  // A copy is named in the language in effect.
  await page.getByTestId('duplicate-offline').click();
  await page.getByTestId('profile-offline-copy').waitFor(T);
  assert.match(await page.getByTestId('profile-offline-copy').innerText(), /离线（副本）/);
  await page.getByTestId('profile-new').click();
  await page.getByTestId('profile-editor').waitFor(T);
  await page.getByTestId('editor-name').fill('我的方案');
  await page.getByTestId('editor-entry-url').first().fill('goproxy.cn');
  await page.getByTestId('editor-save').click();
  const alert = '[data-testid="profile-editor"] [role="alert"]';
  await page.locator(alert).waitFor(T);
  const text = await assertChineseElement(alert);
  assert.match(text, /操作失败：.*"goproxy\.cn" 缺少协议；请写完整，例如 https:\/\/goproxy\.cn/);
  await page.getByTestId('profile-editor').getByRole('button', { name: '取消' }).click();
  await page.getByTestId('profile-editor').waitFor({ state: 'detached', ...T });
});

test('a bad subscription is refused at once, and a later failed refresh is shown, both in Chinese', { timeout: 90_000 }, async () => {
  const bad = path.join(home, 'bad-team.json');
  await writeFile(bad, JSON.stringify({ schema: 1, profiles: [{ ...builtinProfile('global')!, id: 'team-a', name: '' }] }));
  await page.getByTestId('subs-source').fill(bad);
  await page.getByTestId('subs-add').click();
  const refused = '[data-testid="subscriptions"] p.error[role="alert"]';
  await page.locator(refused).waitFor(T);
  const text = await assertChineseElement(refused);
  assert.match(text, /必须是非空字符串/);

  const team = path.join(home, 'team.json');
  await writeFile(team, serializeBundle([{ ...builtinProfile('global')!, id: 'team-mirror', name: 'Team mirror' }]));
  await page.getByTestId('subs-source').fill(team);
  await page.getByTestId('subs-add').click();
  await page.getByTestId('profile-team-mirror').waitFor(T);
  await writeFile(team, '{"schema": 1,');
  await page.getByTestId('subs-refresh').click();
  await page.getByTestId('subscription-error').waitFor(T);
  const failed = await assertChineseElement('[data-testid="subscription-error"]');
  assert.match(failed, /的刷新失败：.*team\.json 不是有效的 JSON（第 1 行，第 14 列）；请修正语法/);
  await assertChinese('profiles with a failed subscription');
  assert.deepEqual(problems, [], 'no console errors');
});
