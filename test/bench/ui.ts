// `npm run bench:ui`: how fast the History view paints a month of minute data for 8 proxies, and
// the heap it needs. Prints figures and asserts nothing (targets: first paint < 500 ms, heap
// < 150 MB; machines are noisy, so figures never gate a test).
//
// The harness (renderer/harness/) is built with vite's JS API and an inline config into
// dist/bench-ui/, served on 127.0.0.1, and loaded into headless Chromium with a fresh profile.
// The view receives 30 days x 8 proxies of minute points (345,600 points) generated in the page
// and draws the 30-day range; the chart marks its first draw with performance.mark.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url)); // <root>/dist/test/bench
const repoRoot = path.resolve(here, '..', '..', '..');
export const HARNESS_DIR = path.join(repoRoot, 'renderer', 'harness');
/** The mark HistoryChart sets on its first draw (renderer/views/HistoryChart.tsx). */
export const FIRST_DRAW_MARK = 'history-chart-first-draw';

/** Builds the views harness into outDir with an inline config (vite.config.ts is the app's). */
export async function buildHarness(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: HARNESS_DIR,
    base: './',
    publicDir: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'chrome120', sourcemap: false, chunkSizeWarningLimit: 2048 },
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves a built directory on 127.0.0.1 (a random port); paths cannot leave the directory. */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': s.size, 'cache-control': 'no-store' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    ).catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Headless Chromium as the project runs it: Debian's binary, a fresh profile, no background traffic. */
/**
 * Chromium's environment: its own HOME and XDG dirs next to its profile, since it writes crash
 * reports and a dconf cache there whatever the profile dir (never into the user's HOME).
 */
export function chromiumEnv(userDataDir: string): Record<string, string> {
  const home = path.join(path.dirname(userDataDir), 'chromium-home');
  const inherited = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !/^(HOME|XDG_)/.test(e[0])));
  return { ...inherited, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'), XDG_DATA_HOME: path.join(home, '.local', 'share') };
}

export function launchChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    env: chromiumEnv(userDataDir),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
  });
}

interface Figures {
  firstDrawMs: number;
  /** When the harness script started running (page load and bundle evaluation before it). */
  scriptStartMs: number;
  dataGeneratedMs: number;
  heapUsedMB: number;
  /** ArrayBuffer backing stores (the typed arrays holding the series) live outside the JS heap proper. */
  backingMB: number;
  heapTotalMB: number;
  points: number;
}

async function measure(browser: BrowserContext, url: string): Promise<Figures> {
  const page = await browser.newPage();
  try {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${url}?view=history&range=30d&days=30`, { timeout: 30_000 });
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_DRAW_MARK, { timeout: 60_000 });
    if (problems.length > 0) throw new Error(`the page failed: ${problems.join('; ')}`);
    const marks = await page.evaluate((mark) => ({
      firstDraw: performance.getEntriesByName(mark)[0]!.startTime,
      started: performance.getEntriesByName('harness-start')[0]?.startTime ?? 0,
      generated: performance.getEntriesByName('history-data-generated')[0]?.startTime ?? 0,
    }), FIRST_DRAW_MARK);
    const points = Number(await page.getByTestId('history-chart').getAttribute('data-points'));
    const cdp = await browser.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return { firstDrawMs: marks.firstDraw, scriptStartMs: marks.started, dataGeneratedMs: marks.generated, heapUsedMB: heap.usedSize / 2 ** 20, backingMB: heap.backingStorageSize / 2 ** 20, heapTotalMB: heap.totalSize / 2 ** 20, points };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const outDir = path.join(repoRoot, 'dist', 'bench-ui');
  const started = Date.now();
  await buildHarness(outDir);
  console.log(`harness built into ${path.relative(repoRoot, outDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const server = await serveDir(outDir);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-bench-ui-'));
  const browser = await launchChromium(profile);
  try {
    const runs: Figures[] = [];
    // The first load also compiles the bundle; later loads show the steady state.
    for (let i = 0; i < 3; i++) runs.push(await measure(browser, server.url));
    console.log('\nHistory view, 30 days x 8 proxies of minute data (345,600 points), 30-day range');
    console.log('run  first draw (ms since navigation) = page load + generating data + the view  chart points  JS heap used (MB)  + array buffers (MB)  heap total (MB)');
    runs.forEach((r, i) => {
      const parts = `${r.scriptStartMs.toFixed(0)} + ${(r.dataGeneratedMs - r.scriptStartMs).toFixed(0)} + ${(r.firstDrawMs - r.dataGeneratedMs).toFixed(0)}`;
      console.log(`${String(i + 1).padEnd(4)} ${r.firstDrawMs.toFixed(0).padStart(32)} = ${parts.padEnd(43)}  ${String(r.points).padStart(12)}  ${r.heapUsedMB.toFixed(1).padStart(17)}  ${r.backingMB.toFixed(1).padStart(20)}  ${r.heapTotalMB.toFixed(1).padStart(15)}`);
    });
    const best = Math.min(...runs.map((r) => r.firstDrawMs));
    const median = runs.map((r) => r.firstDrawMs).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    const heap = Math.max(...runs.map((r) => r.heapUsedMB + r.backingMB));
    console.log(`\ntime to first paint of the chart: ${median.toFixed(0)} ms median, ${best.toFixed(0)} ms best of ${runs.length} (target < 500 ms)`);
    const viewOnly = runs.map((r) => r.firstDrawMs - r.dataGeneratedMs).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    console.log(`of which the view itself (data ready → chart drawn): ${viewOnly.toFixed(0)} ms median; the rest is page load and generating the data in the page`);
    console.log(`JS heap used after the chart drew, array buffers included: ${heap.toFixed(1)} MB at most (target < 150 MB)`);
  } finally {
    await browser.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
