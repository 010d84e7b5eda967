// What the dashboard e2e suites share: the renderer built into a folder, `goproxyctl serve` started
// against it (its URL from the first JSON line), a fresh headless Chromium with every console
// error collected, and a stop that ends the server however it behaves.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumEnv } from '../bench/ui.js';
import { cliPath, repoRoot } from '../support/paths.js';

/** `vite build` of the renderer into `outDir` (what `serve` then serves through GOPROXYCTL_UI_DIR). */
/**
 * The environment of a dashboard user whose HOME (and XDG directories) is `home`: bash, a UTF-8
 * C locale, no go telemetry, the go and the built renderer goproxyctl serve must use. `base`
 * (the lab's go environment, a PATH) comes first, `extra` last.
 */
export function dashboardEnv(home: string, opts: { go: string; ui: string; base?: NodeJS.ProcessEnv; extra?: NodeJS.ProcessEnv }): NodeJS.ProcessEnv {
  return {
    ...opts.base,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    GOTELEMETRY: 'off',
    GOPROXYCTL_GO: opts.go,
    GOPROXYCTL_UI_DIR: opts.ui,
    ...opts.extra,
  };
}

export function buildRenderer(outDir: string): void {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--logLevel', 'error'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(built.status, 0, `vite build failed: ${built.stderr}`);
}

/** `goproxyctl serve --json --no-open` under `env`, resolved with the dashboard's URL (token included). */
export async function startServe(env: NodeJS.ProcessEnv, cwd: string): Promise<{ serve: ChildProcess; url: string }> {
  const serve = spawn(process.execPath, [cliPath, 'serve', '--json', '--no-open'], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  serve.stderr.on('data', (c: Buffer) => stderr.push(c.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed nothing in 20 s: ${stderr.join('')}`)), 20_000);
    createInterface({ input: serve.stdout }).once('line', (line) => (clearTimeout(timer), resolve(line)));
    serve.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr.join('')}`)));
  });
  return { serve, url: (JSON.parse(firstLine) as { url: string }).url };
}

/**
 * A fresh headless Chromium (its own user-data-dir) and one page; `problems` collects console
 * errors and page errors, except console lines `expected` accepts.
 */
export async function openChromium(userDataDir: string, expected: (text: string) => boolean = () => false): Promise<{ browser: BrowserContext; page: Page; problems: string[] }> {
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    env: chromiumEnv(userDataDir),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 30_000,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { browser, page, problems };
}

/** SIGTERM, then SIGKILL if the server is still there after 5 s. */
export async function stopServe(serve: ChildProcess | undefined): Promise<void> {
  if (!serve || serve.exitCode !== null) return;
  const exited = new Promise((r) => serve.once('exit', r));
  serve.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (serve.exitCode === null) serve.kill('SIGKILL');
}
