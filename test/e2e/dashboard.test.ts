// The dashboard end to end in real Chromium: the renderer built by vite (into a temp dir), the
// real `goproxyctl serve`, real go for the configuration, a loopback proxy for the chain.
// The page loads from the printed URL, renders the live state, and runs explain from the UI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type BrowserContext } from 'playwright-core';
import { startTinyProxy, TINY_MODULE, TINY_VERSION, type TinyProxy } from '../integration/headless/tiny-proxy.js';
import { goToolchains } from '../support/go.js';
import { cliPath, repoRoot } from '../support/paths.js';

let tmp: string;
let proxy: TinyProxy;
let serve: ChildProcess;
let browser: BrowserContext;
let url: string;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-e2e-'));
  const ui = path.join(tmp, 'ui');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', ui, '--logLevel', 'error'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(built.status, 0, `vite build failed: ${built.stderr}`);
  proxy = await startTinyProxy();
  const env = { HOME: tmp, PATH: process.env.PATH ?? '', GOPROXYCTL_GO: goToolchains().at(-1)!.bin, GOPROXY: proxy.url, GOPROXYCTL_UI_DIR: ui };
  serve = spawn(process.execPath, [cliPath, 'serve', '--json', '--no-open'], { env, cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  serve.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed nothing in 20 s: ${stderr.join('')}`)), 20_000);
    createInterface({ input: serve.stdout! }).once('line', (line) => (clearTimeout(timer), resolve(line)));
    serve.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr.join('')}`)));
  });
  url = (JSON.parse(firstLine) as { url: string }).url;
  // A fresh user-data-dir per run (Playwright takes it as launchPersistentContext's first argument).
  browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 30_000,
  });
});

after(async () => {
  await browser?.close();
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (serve.exitCode === null) serve.kill('SIGKILL');
  }
  await proxy?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the served page shows the live configuration and explains a module from the UI', async () => {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(url, { timeout: 20_000 });
    // The state arrives over the stream and renders: GOPROXY as go reads it, from the environment.
    const goproxy = page.getByTestId('var-GOPROXY');
    await goproxy.waitFor({ timeout: 20_000 });
    assert.match(await goproxy.innerText(), new RegExp(proxy.url.replace(/[.:/]/g, '\\$&')));
    assert.match(await goproxy.innerText(), /environment/);
    assert.match(await page.getByTestId('stream-status').innerText(), /live/);
    assert.equal(new URL(page.url()).hash, '', 'the token is removed from the address bar');

    await page.getByTestId('explain-input').fill(`${TINY_MODULE}@latest`);
    await page.getByTestId('explain-submit').click();
    const verdict = page.getByTestId('explain-verdict');
    await verdict.waitFor({ timeout: 20_000 });
    assert.equal(await verdict.innerText(), `go would get ${TINY_MODULE}@${TINY_VERSION} from ${proxy.url}`);
    assert.ok(proxy.requests.includes(`/${TINY_MODULE}/@v/${TINY_VERSION}.zip`));

    // Bilingual: switching the language re-renders the same state in Chinese.
    await page.getByTestId('locale').selectOption('zh-CN');
    assert.match(await verdict.innerText(), /go 将从/);

    // A reload keeps working (the token was kept for this tab's session).
    await page.reload();
    await page.getByTestId('explain-verdict').waitFor({ timeout: 20_000 });
    assert.deepEqual(problems, [], 'no console errors (a CSP violation would show here)');
  } finally {
    await page.close();
  }
});

test('a page opened without the token shows how to get it, and the API refuses it', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(new URL(url).origin + '/', { timeout: 20_000 });
    await page.getByText('goproxyctl serve').first().waitFor({ timeout: 10_000 });
    const status = await page.evaluate(async () => (await fetch('/api/state')).status);
    assert.equal(status, 401);
  } finally {
    await page.close();
  }
});
