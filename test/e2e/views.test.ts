// The Chain and History views end to end in real Chromium: the views harness
// (renderer/harness/) built by vite into a temp dir, served on loopback, under the app's CSP.
// Checks what a user sees: one node per entry with go's edge labels, a health update repainting
// only its node, the explain path animating across the graph, the History chart drawing data
// and switching resolution with the range, and the strings switching to 简体中文. Screenshots go
// to a temporary folder (docs/screenshots/ with GOPROXYCTL_SCREENSHOTS=docs/screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { buildHarness, launchChromium, serveDir } from '../bench/ui.js';
import { screenshotDir } from '../support/screenshots.js';

let tmp: string;
let server: { url: string; close: () => Promise<void> };
let browser: BrowserContext;
const screenshots = screenshotDir();

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-views-e2e-'));
  await buildHarness(path.join(tmp, 'ui'));
  server = await serveDir(path.join(tmp, 'ui'));
  browser = await launchChromium(path.join(tmp, 'chromium'));
  await mkdir(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Opens the harness and fails the test on any page error or CSP violation. */
async function open(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(`${server.url}?${query}`, { timeout: 30_000 });
  return { page, problems };
}

const text = (l: Locator) => l.innerText({ timeout: 15_000 });
const edgeLabel = (page: Page, id: string) => page.locator(`[data-testid="rf__edge-${id}"] .react-flow__edge-text`).textContent({ timeout: 15_000 });
async function renders(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const node of await page.locator('[data-testid^="chain-node-"]').all()) {
    out[(await node.getAttribute('data-testid'))!] = Number(await node.getAttribute('data-renders'));
  }
  return out;
}

test('the chain graph: one node per entry, go\'s edge labels, in-place health updates, the explain path', { timeout: 60_000 }, async () => {
  const { page, problems } = await open('view=chain');
  try {
    await page.getByTestId('chain-node-entry-1').waitFor({ timeout: 20_000 });
    // GOPROXY=https://goproxy.cn,https://proxy.golang.org|https://goproxy.io,direct with GONOPROXY set:
    // go, the hidden GONOPROXY step, four entries, the checksum database.
    const ids = await page.locator('[data-testid^="chain-node-"]').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { testid: string } }).dataset.testid));
    assert.deepEqual(ids.sort(), ['chain-node-entry-1', 'chain-node-entry-2', 'chain-node-entry-3', 'chain-node-entry-4', 'chain-node-noproxy', 'chain-node-start', 'chain-node-sumdb']);
    assert.deepEqual(
      await Promise.all(['entry-1', 'entry-2', 'entry-3', 'entry-4'].map((id) => page.getByTestId(`chain-node-${id}`).getAttribute('data-entry'))),
      ['https://goproxy.cn', 'https://proxy.golang.org', 'https://goproxy.io', 'direct'],
    );
    assert.equal(await edgeLabel(page, 'start->noproxy'), 'first');
    assert.equal(await edgeLabel(page, 'noproxy->entry-1'), 'if not private');
    assert.equal(await edgeLabel(page, 'entry-1->entry-2'), 'on 404/410');
    assert.equal(await edgeLabel(page, 'entry-2->entry-3'), 'on any error');
    assert.equal(await edgeLabel(page, 'entry-3->entry-4'), 'on 404/410');
    assert.equal(await edgeLabel(page, 'start->sumdb'), 'verifies with');
    assert.match(await text(page.getByTestId('chain-health-entry-1')), /healthy · 120 ms/);
    assert.match(await text(page.getByTestId('chain-node-entry-2')), /failing[\s\S]*502 Bad Gateway/);
    assert.match(await page.getByTestId('chain-node-entry-3').getAttribute('class') ?? '', /tone-slow/);

    // A new probe for goproxy.io repaints that node and no other.
    const before = await renders(page);
    await page.getByTestId('harness-probe').click();
    await page.getByText('987 ms to first byte').waitFor({ timeout: 10_000 });
    const afterProbe = await renders(page);
    for (const [id, count] of Object.entries(before)) {
      if (id === 'chain-node-entry-3') assert.ok(afterProbe[id]! > count, `${id} re-rendered`);
      else assert.equal(afterProbe[id], count, `${id} did not re-render`);
    }

    // Explain: the path appears step by step, then the verdict.
    await page.getByTestId('explain-box-input').fill('golang.org/x/text@v0.14.0');
    await page.getByTestId('explain-box-submit').click();
    await page.getByTestId('explain-box-step').first().waitFor({ timeout: 10_000 });
    const early = await page.locator('[data-testid="explain-box-step"]').count();
    assert.ok(early < 12, `the steps are revealed over time (saw ${early} of 12 at first)`);
    await page.getByTestId('explain-box-verdict').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('[data-testid="explain-box-step"]').count(), 12, 'info, mod and zip each walk four steps');
    assert.equal(await text(page.getByTestId('explain-box-verdict')), 'go gets golang.org/x/text@v0.14.0 from https://goproxy.io');
    const visited = await Promise.all(['noproxy', 'entry-1', 'entry-2', 'entry-3', 'entry-4'].map((id) => page.getByTestId(`chain-node-${id}`).getAttribute('data-visited')));
    assert.deepEqual(visited, ['skipped', 'notFound', 'error', 'ok', '']);
    assert.match(await page.getByTestId('chain-node-entry-3').getAttribute('class') ?? '', /\bserved\b/);
    for (const id of ['start->noproxy', 'noproxy->entry-1', 'entry-1->entry-2', 'entry-2->entry-3']) {
      assert.match(await page.getByTestId(`rf__edge-${id}`).getAttribute('class') ?? '', /\btaken\b/, `${id} is highlighted`);
    }
    assert.doesNotMatch(await page.getByTestId('rf__edge-entry-3->entry-4').getAttribute('class') ?? '', /\btaken\b/);
    await page.getByTestId('chain-view').screenshot({ path: path.join(screenshots, 'chain-harness.png') });

    // 简体中文
    await page.getByTestId('harness-lang').selectOption('zh-CN');
    assert.equal(await text(page.locator('#chain-heading')), '代理链');
    assert.equal(await edgeLabel(page, 'entry-1->entry-2'), '仅在 404/410 时');
    assert.equal(await edgeLabel(page, 'entry-2->entry-3'), '任何错误时');
    assert.match(await text(page.getByTestId('explain-box-verdict')), /^go 从 https:\/\/goproxy\.io 获取 golang\.org\/x\/text@v0\.14\.0$/);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

/** Pixels on the chart canvas that are not blank. */
function paintedPixels(page: Page): Promise<number> {
  return page.locator('[data-testid="history-chart"] canvas').evaluate((canvas) => {
    const c = canvas as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}

test('the history chart draws the data, the range switcher changes the resolution, and 简体中文 works', { timeout: 60_000 }, async () => {
  const { page, problems } = await open('view=history&range=24h');
  try {
    const chart = page.getByTestId('history-chart');
    await chart.locator('canvas').waitFor({ timeout: 20_000 });
    assert.equal(await chart.getAttribute('data-resolution'), 'minute');
    assert.equal(await chart.getAttribute('data-points'), '1440');
    assert.equal(await text(page.getByTestId('history-resolution')), 'one point per minute');
    assert.ok((await paintedPixels(page)) > 5_000, 'the canvas has lines and bands on it');
    assert.equal(await page.locator('[data-testid="history-legend-row"]').count(), 8);
    const uptimes = await page.locator('[data-testid="history-uptime"]').allInnerTexts();
    for (const u of uptimes) assert.match(u, /^\d{1,3}(\.\d\d)? %$/);
    assert.ok(await page.evaluate(() => performance.getEntriesByName('history-chart-first-draw').length === 1), 'the first draw is marked');

    await page.getByTestId('history-range-30d').click();
    await page.locator('[data-testid="history-chart"][data-resolution="hour"]').waitFor({ timeout: 20_000 });
    assert.match((await chart.getAttribute('data-points'))!, /^72[01]$/);
    assert.equal(await text(page.getByTestId('history-resolution')), 'one point per hour');
    assert.equal(await page.getByTestId('history-range-30d').getAttribute('aria-pressed'), 'true');
    // Every minute of the month is counted, and the sixth proxy's two-hour outage (120 failed
    // probes) three days ago is inside the range.
    const failed = await page.locator('[data-testid="history-legend-row"] td:last-child').allInnerTexts();
    assert.equal(failed.length, 8);
    for (const f of failed) assert.match(f, / of 43,200$/, 'numbers in the locale (Intl groups the thousands)');
    assert.ok(Number(failed[5]!.split(' ')[0]!.replace(/,/g, '')) >= 120, `the outage is counted: ${failed[5]}`);
    await page.getByTestId('history-view').screenshot({ path: path.join(screenshots, 'history-month.png') });

    await page.getByTestId('history-range-1h').click();
    await page.locator('[data-testid="history-chart"][data-points="60"]').waitFor({ timeout: 20_000 });

    await page.getByTestId('harness-lang').selectOption('zh-CN');
    assert.equal(await text(page.locator('#history-heading')), '延迟历史');
    assert.equal(await text(page.getByTestId('history-range-30d')), '30 天');
    assert.equal(await text(page.getByTestId('history-resolution')), '每分钟一个点');
    assert.match((await page.locator('[data-testid="history-legend"] thead').innerText()), /可用率/);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('the history view has designed empty and error states, and retrying recovers', { timeout: 60_000 }, async () => {
  const empty = await open('view=history&history=empty');
  try {
    assert.match(await text(empty.page.getByTestId('history-empty')), /No probes in this range yet/);
    assert.equal(await empty.page.getByTestId('history-chart').count(), 0);
    assert.deepEqual(empty.problems, []);
  } finally {
    await empty.page.close();
  }
  const allFailed = await open('view=history&history=all-failed&days=2');
  try {
    // The chart is drawn (the failure marks), and a sentence says why there is no line.
    await allFailed.page.getByTestId('history-chart').locator('canvas').waitFor({ timeout: 20_000 });
    assert.match(await text(allFailed.page.getByTestId('history-all-failed')), /Every probe in this range failed/);
    assert.deepEqual(allFailed.problems, []);
  } finally {
    await allFailed.page.close();
  }
  const working = await open('view=history&days=2');
  try {
    await working.page.getByTestId('history-chart').locator('canvas').waitFor({ timeout: 20_000 });
    assert.equal(await working.page.getByTestId('history-all-failed').count(), 0, 'only when every probe failed');
  } finally {
    await working.page.close();
  }
  const failing = await open('view=history&history=fail-once&days=2');
  try {
    assert.match(await text(failing.page.getByTestId('history-error')), /could not be loaded: the history store is locked by another process/);
    await failing.page.getByTestId('history-error').getByRole('button').click();
    await failing.page.getByTestId('history-chart').locator('canvas').waitFor({ timeout: 20_000 });
    assert.deepEqual(failing.problems, []);
  } finally {
    await failing.page.close();
  }
});
