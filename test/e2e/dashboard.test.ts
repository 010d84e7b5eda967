// The dashboard end to end in real Chromium: the renderer built by vite (into a temp dir), the
// real `goproxyctl serve` under a temporary HOME/XDG tree, the real go for the configuration,
// lab proxies on loopback (the real checksum databases fail fast through a dead HTTPS_PROXY).
// A user's path through every view: fix a doctor finding, switch profile (the go env file
// changes, as the real go reports), edit a profile, run a benchmark (rows stream in, the
// recommendation appears) and apply it, explain a module on the chain, read the history that
// benchmark stored, validate a network rule, switch to 简体中文. Screenshots of each view go to
// a folder of screenshots (docs/screenshots/ with GOPROXYCTL_SCREENSHOTS=docs/screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { builtinProfile, serializeBundle } from '../../shared/profile/index.js';
import { fixtureGraph, startLab, type Lab } from '../lab/index.js';
import { goToolchains, runCommand } from '../support/go.js';
import { cliPath, repoRoot } from '../support/paths.js';
import { screenshotDir } from '../support/screenshots.js';
import { checkZhText, VISIBLE_PROSE_SCRIPT } from '../support/zh-check.js';
import { buildRenderer, dashboardEnv, openChromium, startServe, stopServe } from './headless-dashboard.js';

const go = goToolchains().find((g) => g.name === 'go1.23') ?? goToolchains().at(-1)!;
const screenshots = screenshotDir();
/** The service benchmarks this module (its DEFAULT_PROBE_MODULE), so the lab serves it too. */
const PROBE_MODULE = { path: 'golang.org/x/mod', version: 'v0.17.0', requires: [], files: { 'go.mod': 'module golang.org/x/mod\n\ngo 1.17\n', 'mod.go': 'package mod\n' } };

let tmp: string;
let home: string;
let lab: Lab;
let env: NodeJS.ProcessEnv;
let serve: ChildProcess;
let browser: BrowserContext;
let url: string;
let page: Page;
let problems: string[] = [];
const proxyUrl = (name: string) => lab.proxies[name]!.url;

async function goEnv(name: string): Promise<string> {
  const r = await runCommand(go.bin, ['env', name], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim();
}

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-e2e-'));
  home = path.join(tmp, 'home');
  await mkdir(home, { recursive: true });
  const ui = path.join(tmp, 'ui');
  buildRenderer(ui);
  lab = await startLab({
    proxies: [{ name: 'fast', sumdb: true }, { name: 'slow', faults: { latencyMs: 250 } }, { name: 'broken', faults: { status: 502 } }],
    modules: [...fixtureGraph({ count: 3 }), PROBE_MODULE],
  });
  // The lab's go environment, minus what would shadow the go env file from the OS environment:
  // this user's configuration lives in files (the go env file, .bashrc), as most people's does.
  const { GOSUMDB: _s, GOFLAGS: _f, GOENV: _e, ...labEnv } = lab.goEnv({ HTTPS_PROXY: 'http://127.0.0.1:1' });
  env = dashboardEnv(home, { go: go.bin, ui, base: labEnv });
  const w = await runCommand(go.bin, ['env', '-w', `GOPROXY=${proxyUrl('fast')},direct`], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(w.code, 0, w.stderr);
  // What the doctor should catch: an rc-file export that shadows the go env file in every new shell.
  await writeFile(path.join(home, '.bashrc'), "# my bashrc\nexport GOPROXY='https://goproxy.io,direct'\n");

  ({ serve, url } = await startServe(env, home));
  // A fresh user-data-dir per run; the refused network rule below is a 400 by design, and
  // Chromium logs every 4xx response.
  ({ browser, page, problems } = await openChromium(path.join(tmp, 'chromium'), (text) => /status of 400 \(Bad Request\)/.test(text)));
  await mkdir(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await stopServe(serve);
  await lab?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

const T = { timeout: 30_000 };
/** Waits until the element's text matches (a locator: the page's CSP allows no evaluated strings). */
const waitText = (selector: string, re: RegExp) => page.locator(selector).filter({ hasText: re }).first().waitFor(T);
const shot = (name: string) => page.getByRole('main').screenshot({ path: path.join(screenshots, name) });

test('overview: the live configuration with its source, a doctor finding fixed from the UI', { timeout: 60_000 }, async () => {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  await page.goto(url, { timeout: 20_000 });
  const goproxy = page.getByTestId('var-GOPROXY');
  await goproxy.waitFor(T);
  assert.match(await goproxy.innerText(), new RegExp(`${proxyUrl('fast').replace(/[.:/]/g, '\\$&')},direct`));
  assert.match(await goproxy.innerText(), /go env file/);
  assert.match(await page.getByTestId('stream-status').innerText(), /live/);
  assert.equal(new URL(page.url()).hash, '', 'the token is removed from the address bar');
  assert.equal(await page.getByTestId('nav-overview').getAttribute('aria-current'), 'page');

  const finding = page.getByTestId('finding-shadowed-by-os-env');
  await finding.waitFor(T);
  assert.match(await finding.innerText(), /\.bashrc/);
  await shot('overview.png');
  await page.getByTestId('fix-shadowed-by-os-env').click();
  await page.getByTestId('doctor-fixed').waitFor(T);
  assert.match(await readFile(path.join(home, '.bashrc'), 'utf8'), /^# goproxyctl doctor --fix disabled this line, goproxyctl undo restores it: export GOPROXY=/m);
  await page.getByTestId('doctor-run').click();
  await finding.waitFor({ state: 'detached', ...T });
  // The fix is one undoable apply, listed as the last change with Undo.
  await page.getByTestId('undo').waitFor(T);
});

test('profiles: switching from the UI rewrites the go env file; the editor reorders by keyboard and tests private patterns', { timeout: 60_000 }, async () => {
  await page.getByTestId('nav-profiles').click();
  assert.match(page.url(), /#\/profiles$/);
  await page.getByTestId('switch-global').click();
  await page.locator('[data-testid="profile-global"][data-active="true"]').waitFor(T);
  assert.equal(await goEnv('GOPROXY'), 'https://proxy.golang.org|direct', 'the real go sees the profile');
  assert.match(await page.getByTestId('active-profile').innerText(), /proxy\.golang\.org/);

  await page.getByTestId('profile-new').click();
  const editor = page.getByTestId('profile-editor');
  await editor.waitFor(T);
  await page.getByTestId('editor-name').fill('Mine');
  await page.getByTestId('editor-goprivate').fill('*.corp.example,github.com/acme');
  await page.getByTestId('editor-tester').fill('git.corp.example/team/lib');
  assert.match(await page.getByTestId('editor-tester-verdict').innerText(), /^Yes: private \(matches \*\.corp\.example\)/);
  await page.getByTestId('editor-tester').fill('github.com/acmecorp/x');
  assert.match(await page.getByTestId('editor-tester-verdict').innerText(), /^No:/);
  // Keyboard reorder: Alt+↓ on the first entry's handle moves it below the second.
  const urls = () => page.getByTestId('editor-entry-url').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  assert.deepEqual(await urls(), ['https://proxy.golang.org', 'direct']);
  await page.locator('#entry-handle-0').focus();
  await page.keyboard.press('Alt+ArrowDown');
  assert.deepEqual(await urls(), ['direct', 'https://proxy.golang.org']);
  await page.locator('#entry-handle-1').focus();
  await page.keyboard.press('Alt+ArrowUp');
  assert.deepEqual(await urls(), ['https://proxy.golang.org', 'direct']);
  // And by drag and drop: the second entry dropped on the first.
  await page.getByTestId('editor-entry').nth(1).dragTo(page.getByTestId('editor-entry').nth(0));
  assert.deepEqual(await urls(), ['direct', 'https://proxy.golang.org']);
  await page.getByTestId('editor-entry').nth(1).dragTo(page.getByTestId('editor-entry').nth(0));
  assert.deepEqual(await urls(), ['https://proxy.golang.org', 'direct']);
  await page.getByTestId('editor-separator').selectOption('|');
  await shot('profiles.png');
  await page.getByTestId('editor-save').click();
  await editor.waitFor({ state: 'detached', ...T });
  assert.match(await page.getByTestId('profile-my-profile').innerText(), /GOPROXY=https:\/\/proxy\.golang\.org\|direct/);

  // A team's published file, subscribed from the view: its profile is listed as subscribed.
  const published = path.join(home, 'team-profiles.json');
  await writeFile(published, serializeBundle([{ ...builtinProfile('global')!, id: 'team-mirror', name: 'Team mirror' }]));
  await page.getByTestId('subs-source').fill(published);
  await page.getByTestId('subs-interval').fill('6');
  await page.getByTestId('subs-add').click();
  await page.getByTestId('profile-team-mirror').waitFor(T);
  assert.match(await page.getByTestId('profile-team-mirror').innerText(), /subscribed from .*team-profiles\.json/);
  assert.match(await page.getByTestId('subscription').innerText(), /every 6 h/);
  assert.match(await page.getByTestId('subscription-profiles').innerText(), /team-mirror/);
});

test('the dashboard stays true: a switch then Undo leaves no stale verdict, and `goproxyctl use` in a terminal shows up without a reload', { timeout: 90_000 }, async () => {
  await page.getByTestId('nav-profiles').click();
  await page.getByTestId('switch-china').click();
  await page.locator('[data-testid="profile-china"][data-active="true"]').waitFor(T);
  await page.getByTestId('nav-overview').click();
  const verdict = page.getByTestId('overview-switched');
  await verdict.waitFor(T);
  assert.match(await verdict.innerText(), /Applied china/);
  // The doctor re-ran after the apply: its findings describe the files as they are now.
  const checkedBefore = await page.getByTestId('doctor').getAttribute('data-checked-at');
  await page.getByTestId('undo').click();
  await page.getByTestId('undone').waitFor(T);
  assert.match(await page.getByTestId('undone').innerText(), /switch to china/);
  await verdict.waitFor({ state: 'detached', ...T });
  assert.equal(await page.getByText('Applied china').count(), 0, 'the verdict of an undone switch is gone');
  await page.locator(`[data-testid="doctor"]:not([data-checked-at="${checkedBefore}"])`).waitFor(T);

  // Another program changes the files: the header and the Overview follow, no reload, no click.
  const revision = await page.getByTestId('dashboard').getAttribute('data-revision');
  const used = await runCommand(process.execPath, [cliPath, 'use', 'offline', '--shells', 'bash'], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(used.code, 0, used.stderr);
  await waitText('[data-testid="active-profile"]', /Offline/);
  await waitText('[data-testid="overview-active-name"]', /Offline/);
  await waitText('[data-testid="var-GOPROXY"] td.mono', /^off$/);
  assert.notEqual(await page.getByTestId('dashboard').getAttribute('data-revision'), revision);
  // The apply journal is a file of its own: its change may arrive a revision after the profile's.
  await waitText('[data-testid="last-apply"]', /switch to offline/);
  // "Undone" belonged to the undo, which a newer apply superseded.
  await page.getByTestId('undone').waitFor({ state: 'detached', ...T });
  // Back to a working chain for the views below (from the terminal again).
  const back = await runCommand(process.execPath, [cliPath, 'use', 'global', '--shells', 'bash'], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(back.code, 0, back.stderr);
  await waitText('[data-testid="active-profile"]', /proxy\.golang\.org/);
});

test('benchmark (opened by its own route): rows stream in, the recommendation appears with a diff, Apply switches to it', { timeout: 90_000 }, async () => {
  await page.goto(new URL(url).origin + '/#/benchmark', { timeout: 20_000 });
  await page.getByTestId('benchmark-view').waitFor(T);
  await page.getByTestId('bench-proxies').fill([proxyUrl('fast'), proxyUrl('slow'), proxyUrl('broken')].join('\n'));
  await page.getByTestId('bench-samples').fill('1');
  await page.getByTestId('bench-start').click();
  // Rows are there while the run is still going (the slow proxy keeps it going), before any recommendation.
  await page.getByTestId('bench-running').waitFor(T);
  await page.locator(`[data-testid="bench-row"][data-candidate="${proxyUrl('fast')}"]`).waitFor(T);
  assert.equal(await page.getByTestId('bench-recommendation').count(), 0);
  const recommendation = page.getByTestId('bench-recommendation');
  await recommendation.waitFor({ timeout: 60_000 });
  const fastRow = page.locator(`[data-testid="bench-row"][data-candidate="${proxyUrl('fast')}"]`);
  assert.equal(await fastRow.getAttribute('data-status'), 'done');
  // The phase breakdown of a watched run (the slow proxy's: loopback phases of the fast one can round to 0 ms).
  const slowBar = page.locator(`[data-testid="bench-row"][data-candidate="${proxyUrl('slow')}"]`).getByTestId('phase-bar');
  assert.match((await slowBar.getAttribute('aria-label', T)) ?? '', /first byte \d+ ms/);
  // The bars have a key: each phase's colour, named, in the bars' order.
  assert.equal(await page.getByTestId('phase-legend').innerText().then((t) => t.replace(/\s+/g, ' ').trim()), 'Timing bars, left to right: DNS connect TLS first byte transfer');
  const broken = page.locator(`[data-testid="bench-row"][data-candidate="${proxyUrl('broken')}"]`);
  assert.match(await broken.getByTestId('bench-error').innerText(), /HTTP error \(HTTP 502\)/);

  const recommended = (await page.getByTestId('bench-recommended-goproxy').innerText()).replace(/^GOPROXY=/, '').trim();
  assert.ok(recommended.startsWith(proxyUrl('fast')), recommended);
  assert.ok(!recommended.includes(proxyUrl('broken')), recommended);
  await page.getByTestId('bench-diff').waitFor(T);
  assert.ok((await page.locator('[data-testid="bench-diff"] tr[data-change="added"]').count()) >= 1);
  await shot('benchmark.png');
  await page.getByTestId('bench-apply').click();
  await page.getByTestId('bench-applied').waitFor({ timeout: 60_000 });
  assert.equal(await goEnv('GOPROXY'), recommended, 'the real go sees the recommendation');
});

test('benchmark: the probe module is a setting; proxies without it are amber, "reachable, does not have", kept in the recommendation', { timeout: 90_000 }, async () => {
  const absent = 'lab.invalid/absent@v1.0.0';
  await page.getByTestId('bench-probe-module').fill('lab.invalid/absent');
  assert.match(await page.getByTestId('bench-probe-module-help').innerText(), /Give the version too/);
  assert.equal(await page.getByTestId('bench-start').isDisabled(), true, 'no start with a module the probe cannot ask for');
  await page.getByTestId('bench-probe-module').fill(absent);
  await page.getByTestId('bench-proxies').fill([proxyUrl('fast'), proxyUrl('slow'), proxyUrl('broken')].join('\n'));
  await page.getByTestId('bench-start').click();
  await page.getByTestId('bench-running').waitFor(T);
  await page.getByTestId('bench-recommendation').waitFor({ timeout: 60_000 });
  const fastRow = page.locator(`[data-testid="bench-row"][data-candidate="${proxyUrl('fast')}"]`);
  assert.equal(await fastRow.getAttribute('data-verdict'), 'missing-module');
  assert.equal(await fastRow.getByTestId('bench-missing-module').innerText(), `reachable, does not have ${absent}`);
  assert.equal(await page.locator(`[data-testid="bench-row"][data-candidate="${proxyUrl('broken')}"]`).getAttribute('data-verdict'), 'failing');
  const recommended = (await page.getByTestId('bench-recommended-goproxy').innerText()).replace(/^GOPROXY=/, '').trim();
  assert.ok(recommended.startsWith(proxyUrl('fast')), recommended);
  assert.equal(await page.getByTestId('bench-apply').isDisabled(), false);
  // Saved as the one setting the CLI reads too; then back to the default for the tests that follow.
  assert.equal((JSON.parse(await readFile(path.join(home, '.config', 'goproxyctl', 'settings.json'), 'utf8')) as { probeModule?: unknown }).probeModule, absent);
  await page.getByTestId('bench-probe-module').fill('');
  await page.getByTestId('bench-proxies').fill(proxyUrl('slow'));
  await page.getByTestId('bench-start').click();
  await page.getByTestId('bench-running').waitFor(T);
  await page.getByTestId('bench-recommendation').waitFor({ timeout: 60_000 });
  assert.equal((JSON.parse(await readFile(path.join(home, '.config', 'goproxyctl', 'settings.json'), 'utf8')) as { probeModule?: unknown }).probeModule, undefined);
});

test('chain: the applied chain as a graph, and explain walks it to the serving proxy', { timeout: 60_000 }, async () => {
  await page.getByTestId('nav-chain').click();
  await page.getByTestId('chain-node-entry-1').waitFor(T);
  assert.equal(await page.getByTestId('chain-node-entry-1').getAttribute('data-entry'), proxyUrl('fast'));
  // The benchmark's measurement colours the node.
  assert.match((await page.getByTestId('chain-node-entry-1').getAttribute('class')) ?? '', /tone-(healthy|slow)/);
  const m = lab.modules[0]!;
  await page.getByTestId('explain-box-input').fill(`${m.path}@${m.version}`);
  await page.getByTestId('explain-box-submit').click();
  const verdict = page.getByTestId('explain-box-verdict');
  await verdict.waitFor(T);
  assert.match(await verdict.innerText(), new RegExp(`from ${proxyUrl('fast').replace(/[.:/]/g, '\\$&')}`));
  await page.waitForTimeout(2000); // let the path animation finish before the screenshot
  await shot('chain.png');
});

test('history: the points the benchmark stored are drawn', { timeout: 60_000 }, async () => {
  await page.getByTestId('nav-history').click();
  await page.getByTestId('history-chart').waitFor(T);
  const rows = await page.getByTestId('history-legend-row').allInnerTexts();
  assert.ok(rows.some((r) => r.includes(proxyUrl('fast'))), rows.join('\n'));
  await page.getByTestId('history-range-1h').click();
  await page.getByTestId('history-chart').waitFor(T);
  await shot('history.png');
});

test('a dashboard started with GOPROXY in its own environment says what that means, truthfully', { timeout: 60_000 }, async () => {
  const inherited = proxyUrl('slow');
  const second = await startServe({ ...env, GOPROXY: inherited }, home);
  const other = await browser.newPage();
  try {
    await other.goto(second.url, { timeout: 20_000 });
    const panel = other.getByTestId('process-env');
    await panel.waitFor(T);
    const text = await panel.innerText();
    assert.ok(text.includes(`GOPROXY=${inherited}`), text);
    assert.match(text, /cannot see a terminal's later changes/);
    assert.doesNotMatch(text, /open a new terminal/i, 'a new terminal would not change what this process sees');
    // The first dashboard (started without it) shows no such panel.
    assert.equal(await page.getByTestId('process-env').count(), 0);
    // A switch from this dashboard: go run from it still sees the inherited value, and the verdict
    // says why in those terms (no "open a new terminal": that would not change this process).
    await other.getByTestId('nav-profiles').click();
    await other.getByTestId('switch-global').click();
    await other.locator('[data-testid="profile-global"][data-active="true"]').waitFor(T);
    await other.getByTestId('nav-overview').click();
    const verdict = other.getByTestId('overview-switched');
    await verdict.waitFor(T);
    const said = await verdict.innerText();
    assert.ok(said.includes(`goproxyctl itself was started with GOPROXY=${inherited} in its environment`), said);
    assert.doesNotMatch(said, /open a new terminal/i);
  } finally {
    await other.close();
    await stopServe(second.serve);
  }
});

test('settings: a bad network rule is refused with the reason; the language switches to 简体中文 and stays', { timeout: 60_000 }, async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-view').waitFor(T);
  // One language setting: the header's control and Settings' say the same thing.
  assert.equal(await page.getByTestId('locale').inputValue(), 'system');
  assert.equal(await page.getByTestId('settings-language').inputValue(), 'system');
  assert.equal(await page.locator('[data-testid="locale"] option:checked').innerText(), 'Follow the system (English)');
  await page.getByTestId('rule-subnet').fill('not-a-subnet');
  await page.getByTestId('rule-add').click();
  assert.match(await page.getByTestId('rule-problem').innerText(), /not-a-subnet is not a subnet/);
  await page.getByTestId('rule-subnet').fill('');
  await page.getByTestId('rule-add').click();
  assert.match(await page.getByTestId('rule-problem').innerText(), /at least one condition/);
  assert.doesNotMatch(await page.getByTestId('settings-view').innerText(), /request\.rule|gatewaySubnet|dnsSearchDomain/);
  // A checked rule is saved at once: a tab switch and a reload keep it.
  await page.getByTestId('rule-profile').selectOption('china');
  await page.getByTestId('rule-ssid').fill('Office');
  await page.getByTestId('rule-subnet').fill('10.20.0.0/16');
  await page.getByTestId('rule-add').click();
  await page.getByTestId('settings-rule').waitFor(T);
  assert.equal(await page.getByTestId('settings-rule').innerText().then((t) => t.replace(/\s*Remove$/, '')), 'On Wi-Fi name is Office and gateway subnet is 10.20.0.0/16: china');
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-rule').waitFor(T);
  await page.reload();
  await page.getByTestId('settings-rule').waitFor(T);
  assert.equal(await page.getByTestId('settings-rule').count(), 1);
  await page.getByTestId('settings-relativeTolerancePercent').fill('abc');
  assert.equal(await page.getByTestId('settings-save').isDisabled(), true);
  await page.getByTestId('settings-relativeTolerancePercent').fill('20');
  await shot('settings.png');
  // The theme: the settings override the OS (Chromium here prefers light).
  assert.equal(await page.evaluate('document.documentElement.dataset.theme'), 'light');
  await page.getByTestId('settings-theme').selectOption('dark');
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor(T);
  // Locators, not waitForFunction: that polls its string with eval, which the dashboard's CSP refuses.
  await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached', ...T });
  assert.equal(await page.evaluate("getComputedStyle(document.querySelector('.view')).backgroundColor"), 'rgb(21, 26, 34)', 'the views follow the setting');
  assert.equal(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(15, 19, 26)', 'and so does the shell');

  await page.getByTestId('locale').selectOption('zh-CN');
  assert.equal(await page.getByTestId('nav-overview').innerText(), '概览');
  await page.locator('[data-testid="settings-language"] option[value="zh-CN"]:checked').waitFor({ state: 'attached', ...T });
  assert.equal(await page.locator('#settings-heading').innerText(), '设置');
  await page.reload();
  await page.getByTestId('nav-settings').waitFor(T);
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', ...T });
  assert.equal(await page.getByTestId('nav-settings').innerText(), '设置');
  assert.equal(await page.getByTestId('settings-language').inputValue(), 'zh-CN', 'the choice was saved in the settings');
  assert.deepEqual(problems, [], 'no console errors (a CSP violation would show here)');
});

test('settings: Install command-line tool links goproxyctl into ~/.local/bin, it runs from there, and Uninstall removes it', { timeout: 60_000 }, async () => {
  await page.getByTestId('nav-settings').click();
  const status = page.getByTestId('cli-status');
  const link = path.join(home, '.local', 'bin', 'goproxyctl');
  await status.filter({ hasText: link }).waitFor(T);
  await page.getByTestId('cli-install').click();
  await page.getByTestId('cli-uninstall').waitFor(T);
  assert.ok((await status.innerText()).includes(link), 'the status names where it was installed');
  // The launcher runs `serve`'s own node and CLI, as a shell would find it by name.
  const version = await runCommand(link, ['--version'], { env, cwd: home, timeoutMs: 60_000 });
  assert.equal(version.stdout.trim(), (JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
  await page.getByTestId('cli-uninstall').click();
  await page.getByTestId('cli-uninstall').waitFor({ state: 'detached', ...T });
  await assert.rejects(readFile(link), { code: 'ENOENT' });
  assert.deepEqual(problems, [], 'no console errors');
});

test('zh-CN: every view, with the data of this run, speaks Chinese outside code, URLs, paths and names', { timeout: 90_000 }, async () => {
  // Left in 简体中文 by the settings test. First prove the page is the Chinese UI at all.
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached', ...T });
  const views: { route: string; testid: string; heading: string }[] = [
    { route: 'overview', testid: 'overview-view', heading: '概览' },
    { route: 'chain', testid: 'chain-view', heading: '代理链' },
    { route: 'benchmark', testid: 'benchmark-view', heading: '测速' },
    { route: 'history', testid: 'history-view', heading: '延迟历史' },
    { route: 'profiles', testid: 'profiles-view', heading: '配置方案' },
    { route: 'settings', testid: 'settings-view', heading: '设置' },
  ];
  const failures: string[] = [];
  for (const v of views) {
    await page.getByTestId(`nav-${v.route}`).click();
    const view = page.getByTestId(v.testid);
    await view.waitFor(T);
    await waitText('main h2', new RegExp(v.heading));
    // Views that load on entry (doctor, history) settle before the text is read.
    while ((await page.locator('.view-state.loading').count()) > 0) await page.locator('.view-state.loading').first().waitFor({ state: 'detached', ...T });
    const text = await page.evaluate<string>(VISIBLE_PROSE_SCRIPT);
    const check = checkZhText(text);
    assert.ok(check.cjk >= 20, `${v.route}: the view is not in Chinese at all (${check.cjk} CJK characters)`);
    for (const e of check.english) failures.push(`${v.route}: ${e}`);
    await page.getByRole('main').screenshot({ path: path.join(screenshots, `zh-CN-${v.route}.png`) });
  }
  assert.deepEqual(failures, [], 'English words on the zh-CN views');
});

test('a page opened without the token shows how to get it, and the API refuses it', async () => {
  const fresh = await browser.newPage();
  try {
    await fresh.goto(new URL(url).origin + '/', { timeout: 20_000 });
    await fresh.getByText('goproxyctl serve').first().waitFor({ timeout: 10_000 });
    const status = await fresh.evaluate(async () => (await fetch('/api/state')).status);
    assert.equal(status, 401);
  } finally {
    await fresh.close();
  }
});
