// The watch engine against the lab, under a temporary HOME: a black-holed active proxy is repaired
// through the apply engine (read back with the real go 1.23, and used by a real `go mod download`),
// undo restores it, and a healthy chain is kept. Profiles are plain data through the engine's
// profile interface.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { productDirs, undoLastApply } from '../../../electron/core/apply/index.js';
import { makeProber, WatchEngine, type WatchEvent, type WatchProfileSource } from '../../../electron/core/watch/index.js';
import { DEFAULT_REPAIR_SETTINGS, type RepairSettings } from '../../../shared/repair/index.js';
import { GO123, SHORT_TIMEOUTS, goEnvGoproxy, goEnvWrite, labGoEnv, makeWatchHome, type WatchHome } from './helpers.js';
import { waitUntil } from '../../support/wait.js';
import { render } from '../../../shared/i18n/catalog.js';

let lab: Lab;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'primary' }, { name: 'backup' }] });
});
after(() => lab?.close());

const settings: RepairSettings = { ...DEFAULT_REPAIR_SETTINGS, failureThreshold: 2 };

function engineFor(h: WatchHome, events: WatchEvent[], profiles?: WatchProfileSource): WatchEngine {
  const mod = lab.modules[0]!;
  return new WatchEngine({
    env: h.env,
    settings,
    profiles,
    goBinary: GO123,
    shells: ['bash'],
    activeSamples: settings.failureThreshold,
    probe: makeProber({ module: { path: mod.path, version: mod.version }, timeouts: SHORT_TIMEOUTS, env: {} }),
    onEvent: (e) => events.push(e),
  });
}

test('black-holed active proxy: repaired through the apply engine, go uses it, undo restores', { timeout: 120_000 }, async () => {
  const h = await makeWatchHome();
  try {
    const primary = lab.proxies.primary!;
    const backup = lab.proxies.backup!;
    const original = `${primary.url},${backup.url}`;
    await goEnvWrite(lab, h.home, original);
    primary.setFaults({ mode: 'blackhole' });
    const events: WatchEvent[] = [];
    const decision = await engineFor(h, events).round('network-change');

    assert.equal(decision.action, 'reorder', JSON.stringify(decision));
    const probes = events.filter((e) => e.type === 'probe');
    assert.deepEqual(
      probes.filter((e) => e.candidate === primary.url).map((e) => e.ok),
      [false, false],
      'the active entry is probed failureThreshold times',
    );
    assert.ok(probes.some((e) => e.candidate === backup.url && e.ok));
    const repair = events.find((e) => e.type === 'repair');
    assert.ok(repair && repair.type === 'repair');
    assert.deepEqual(repair.from, { profile: null, goproxy: original });
    assert.deepEqual(repair.to, { profile: null, goproxy: `${backup.url}|${primary.url}` });
    assert.match(render('en', repair.reason), /failed 2 times in a row/);
    assert.ok(repair.applyId);

    // The real go reads the repaired chain from the go env file the apply engine wrote ...
    assert.equal(await goEnvGoproxy(lab, h.home), `${backup.url}|${primary.url}`);
    // ... and downloads through it, although the first proxy it used to try is still black-holed.
    const mod = lab.modules[0]!;
    const dl = await runCommand(GO123, ['mod', 'download', '-json', `${mod.path}@${mod.version}`], {
      env: labGoEnv(lab, h.home, { GOPROXY: await goEnvGoproxy(lab, h.home) }),
      cwd: h.home,
      timeoutMs: 60_000,
    });
    assert.equal(dl.code, 0, dl.stderr);
    assert.ok(backup.servedModules().includes(`${mod.path}@${mod.version}`));

    // The event log has the same events.
    const log = (await readFile(path.join(productDirs(h.env).data, 'watch-events.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as WatchEvent);
    assert.deepEqual(log.map((e) => e.type), events.map((e) => e.type));

    await undoLastApply({ dirs: productDirs(h.env) });
    assert.equal(await goEnvGoproxy(lab, h.home), original);
  } finally {
    lab.proxies.primary!.setFaults({});
    await h.cleanup();
  }
});

test('healthy active proxy: keep, the reason says so, nothing is written', { timeout: 60_000 }, async () => {
  const h = await makeWatchHome();
  try {
    const original = `${lab.proxies.primary!.url}|${lab.proxies.backup!.url}`;
    await goEnvWrite(lab, h.home, original);
    const envFile = path.join(h.home, '.config', 'go', 'env');
    const before = await readFile(envFile);
    const events: WatchEvent[] = [];
    const decision = await engineFor(h, events).round('health-check');
    assert.equal(decision.action, 'keep');
    const kinds = events.map((e) => e.type);
    assert.deepEqual(kinds, ['probe', 'keep'], 'a health check of a working entry probes that entry alone');
    const keep = events.at(-1)!;
    assert.ok(keep.type === 'keep');
    assert.match(render('en', keep.reason), /works \(score/);
    assert.deepEqual(await readFile(envFile), before);
    assert.equal(await goEnvGoproxy(lab, h.home), original);
  } finally {
    await h.cleanup();
  }
});

test('black-holed profile: switch to the working profile, all its variables applied, setActive told', { timeout: 120_000 }, async () => {
  const h = await makeWatchHome();
  const primary = lab.proxies.primary!;
  const backup = lab.proxies.backup!;
  let active: string | null = 'office';
  const profiles: WatchProfileSource = {
    list: () =>
      Promise.resolve([
        { id: 'office', goproxy: primary.url },
        { id: 'home', goproxy: `${backup.url},direct` },
      ]),
    active: () => Promise.resolve(active),
    goVars: (id) => Promise.resolve(id === 'home' ? { GOPROXY: `${backup.url},direct`, GOPRIVATE: '*.corp.example' } : { GOPROXY: primary.url, GOPRIVATE: null }),
    setActive: (id) => {
      active = id;
      return Promise.resolve();
    },
  };
  try {
    await goEnvWrite(lab, h.home, primary.url);
    primary.setFaults({ mode: 'blackhole' });
    const events: WatchEvent[] = [];
    const decision = await engineFor(h, events, profiles).round('wake');
    assert.ok(decision.action === 'switch-profile' && decision.profile === 'home', JSON.stringify(decision));
    assert.equal(active, 'home');
    assert.equal(await goEnvGoproxy(lab, h.home), `${backup.url},direct`);
    const r = await runCommand(GO123, ['env', 'GOPRIVATE'], { env: labGoEnv(lab, h.home), timeoutMs: 30_000 });
    assert.equal(r.stdout.trim(), '*.corp.example');
    const repair = events.find((e) => e.type === 'repair');
    assert.ok(repair?.type === 'repair' && repair.from.profile === 'office' && repair.to.profile === 'home');

    // The next round remembers that the watcher made this choice: no manual grace, no second switch.
    primary.setFaults({});
    const next = await engineFor(h, [], profiles).round('health-check');
    assert.equal(next.action, 'keep');
  } finally {
    primary.setFaults({});
    await h.cleanup();
  }
});

test('the failure trigger: a running engine re-probes a failing entry soon and repairs at the threshold', { timeout: 120_000 }, async () => {
  const h = await makeWatchHome();
  const primary = lab.proxies.primary!;
  const backup = lab.proxies.backup!;
  const mod = lab.modules[0]!;
  const events: WatchEvent[] = [];
  const engine = new WatchEngine({
    env: h.env,
    settings,
    goBinary: GO123,
    shells: ['bash'],
    activeSamples: 1,
    healthCheckMs: 0,
    failureRetryMs: 200,
    watcher: { ipMonitor: false, pollMs: 60_000 },
    probe: makeProber({ module: { path: mod.path, version: mod.version }, timeouts: SHORT_TIMEOUTS, env: {} }),
    onEvent: (e) => events.push(e),
  });
  try {
    await goEnvWrite(lab, h.home, `${primary.url}|${backup.url}`);
    primary.setFaults({ status: 503 });
    await engine.start();
    await waitUntil(() => events.some((e) => e.type === 'repair'), { what: `a repair: ${JSON.stringify(events)}`, timeoutMs: 60_000 });
    const kinds = events.filter((e) => e.type === 'keep' || e.type === 'repair').map((e) => (e.type === 'keep' || e.type === 'repair' ? `${e.type}:${e.trigger}` : ''));
    assert.deepEqual(kinds, ['keep:start', 'repair:failures'], JSON.stringify(events));
    assert.equal(await goEnvGoproxy(lab, h.home), `${backup.url}|${primary.url}`);
  } finally {
    await engine.stop();
    primary.setFaults({});
    await h.cleanup();
  }
});
