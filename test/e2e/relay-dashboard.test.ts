// The local relay in the dashboard, end to end in real Chromium: the renderer built by vite, the
// real `goproxyctl serve` under a temporary HOME, a lab proxy on loopback. Switching to a profile
// with the relay option from the Profiles view starts the relay in the service; the Overview's
// relay card shows it serving, the real go downloads through it and the card's counters follow;
// the Chain view draws it as the first node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ProfileStore } from '../../electron/core/profiles/index.js';
import { startLab, type Lab } from '../lab/index.js';
import { goToolchains, runCommand } from '../support/go.js';
import { freePort, labProfile } from '../support/relay-fixtures.js';
import { buildRenderer, dashboardEnv, openChromium, startServe, stopServe } from './headless-dashboard.js';

const go = goToolchains().find((g) => g.name === 'go1.23') ?? goToolchains().at(-1)!;

let tmp: string;
let home: string;
let lab: Lab;
let env: NodeJS.ProcessEnv;
let serve: ChildProcess;
let browser: BrowserContext;
let url: string;
let page: Page;
let port: number;
let problems: string[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-e2e-relay-'));
  home = path.join(tmp, 'home');
  await mkdir(home, { recursive: true });
  const ui = path.join(tmp, 'ui');
  buildRenderer(ui);
  lab = await startLab({ proxies: [{ name: 'mirror' }] });
  const { GOSUMDB: _s, GOFLAGS: _f, GOENV: _e, GOPROXY: _p, ...labEnv } = lab.goEnv();
  env = dashboardEnv(home, { go: go.bin, ui, base: labEnv });
  port = await freePort();
  const relayed = labProfile('relayed', `${lab.proxies.mirror!.url},off`, { name: 'Through the relay', relay: { port } });
  await new ProfileStore({ env }).create(relayed);

  ({ serve, url } = await startServe(env, home));
  ({ browser, page, problems } = await openChromium(path.join(tmp, 'chromium')));
});

after(async () => {
  await browser?.close();
  await stopServe(serve);
  await lab?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

const T = { timeout: 30_000 };

test('a relay profile switched on from the UI: the relay card serves and counts, the chain graph starts with the relay', { timeout: 120_000 }, async () => {
  await page.goto(url, { timeout: 20_000 });
  const card = page.getByTestId('relay-card');
  await card.waitFor(T);
  assert.equal(await card.getAttribute('data-status'), 'off');

  await page.getByTestId('nav-profiles').click();
  await page.getByTestId('switch-relayed').click();
  await page.locator('[data-testid="profile-relayed"][data-active="true"]').waitFor(T);

  await page.getByTestId('nav-overview').click();
  await page.locator('[data-testid="relay-card"][data-status="up"]').waitFor(T);
  assert.match(await page.getByTestId('relay-up').innerText(), new RegExp(`Serving on http://127\\.0\\.0\\.1:${port}`));

  // The real go, reading the go env file the switch wrote, downloads through the relay.
  const m = lab.modules[0]!;
  const work = path.join(tmp, 'work');
  await mkdir(work, { recursive: true });
  const goEnv = { ...env, GOMODCACHE: path.join(work, 'mod'), GOPATH: path.join(work, 'gopath') };
  const proxy = await runCommand(go.bin, ['env', 'GOPROXY'], { env: goEnv, cwd: work, timeoutMs: 60_000 });
  assert.equal(proxy.stdout.trim(), `http://127.0.0.1:${port}|${lab.proxies.mirror!.url},off`);
  const r = await runCommand(go.bin, ['mod', 'download', '-json', `${m.path}@${m.version}`], { env: goEnv, cwd: work, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  await page.getByTestId('relay-requests').filter({ hasText: /^([3-9]|\d\d+) requests/ }).waitFor(T);
  await page.locator('[data-testid="relay-upstream"][data-state="healthy"]').waitFor(T);

  await page.getByTestId('nav-chain').click();
  const first = page.getByTestId('chain-node-entry-1');
  await first.waitFor(T);
  assert.equal(await first.getAttribute('data-entry'), `http://127.0.0.1:${port}`);
  const mark = page.getByTestId('chain-relay-entry-1');
  await mark.waitFor(T);
  assert.match(await mark.innerText(), /local relay/);
  assert.equal(await page.locator('[data-testid^="chain-relay-"]').count(), 1, 'only the first node is the relay');

  // The profile editor shows the option; turned off and on again, a save keeps it (the service validates it).
  await page.getByTestId('nav-profiles').click();
  await page.getByTestId('edit-relayed').click();
  const box = page.getByTestId('editor-relay');
  await box.waitFor(T);
  assert.equal(await box.isChecked(), true);
  assert.equal(await page.getByTestId('editor-relay-port').inputValue(), String(port));
  await box.uncheck();
  assert.equal(await page.getByTestId('editor-relay-port').count(), 0);
  await box.check();
  assert.equal(await page.getByTestId('editor-relay-port').inputValue(), String(port));
  await page.getByTestId('editor-save').click();
  await page.getByTestId('profile-editor').waitFor({ state: 'detached', ...T });
  assert.deepEqual((await new ProfileStore({ env }).get('relayed')).relay, { port });
  await page.getByTestId('nav-chain').click();
  await page.getByTestId('chain-relay-entry-1').waitFor(T);

  // In Simplified Chinese, the card and the mark follow the language.
  await page.getByTestId('locale').selectOption('zh-CN');
  await page.locator('[data-testid="chain-relay-entry-1"]', { hasText: '本地中继' }).waitFor(T);
  await page.getByTestId('nav-overview').click();
  await page.locator('[data-testid="relay-card"]', { hasText: '本地中继' }).waitFor(T);
  assert.deepEqual(problems, []);
});
