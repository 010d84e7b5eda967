// The doctor (run and fix one finding, then undo), the history query, the settings and the watcher
// (Test now, Repair now against the lab), and the benchmark (events, report, health, history,
// cancel), each through the real headless server under its own temporary HOME.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { HistoryStore } from '../../../electron/core/history/index.js';
import { createService } from '../../../electron/core/service/service.js';
import { DEFAULT_SETTINGS } from '../../../shared/contract/state.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goEnv, goEnvWrite, homeEnv, rejection, serve, waitForState } from './harness.js';
import { renderFindingText } from '../../../shared/doctor/types.js';

let lab: Lab;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'dead', faults: { status: 502 } }, { name: 'good' }] });
});
after(() => lab?.close());

const probeModule = () => ({ path: lab.modules[0]!.path, version: lab.modules[0]!.version });

test('doctor: an rc-file export shadows the go env file; fixing that finding moves it, undo puts the bytes back', { timeout: 120_000 }, async () => {
  const rc = "# my bashrc\nexport GOPROXY='https://goproxy.io,direct'\nalias ll='ls -l'\n";
  const s = await serve({ beforeStart: (home) => writeFile(path.join(home, '.bashrc'), rc) });
  try {
    const findings = await s.api.runDoctor({});
    const shadow = findings.find((f) => f.key === 'shadowed-by-os-env:GOPROXY');
    assert.ok(shadow, `the finding is reported: ${findings.map((f) => f.key).join(', ')}`);
    assert.equal(shadow.fixable, true);
    assert.match(renderFindingText('en', shadow.explanation), /\.bashrc:2/);
    assert.match(renderFindingText('zh-CN', shadow.explanation), /环境变量/);
    assert.equal(shadow.title.id, 'ops.doctor.title.shadowed-by-os-env', 'the state carries messages, the dashboard words them');
    assert.deepEqual((await s.api.state()).doctor.findings?.map((f) => f.key), findings.map((f) => f.key));
    const notFixable = findings.find((f) => !f.fixable);
    if (notFixable) assert.equal((await rejection(s.api.fixFinding({ key: notFixable.key }))).code, 'bad-request');
    assert.equal((await rejection(s.api.fixFinding({ key: 'no-such-finding' }))).code, 'bad-request');

    const fix = await s.api.fixFinding({ key: shadow.key });
    assert.deepEqual(fix.moved, { GOPROXY: 'https://goproxy.io,direct' });
    assert.ok(fix.applyId !== null);
    const bashrc = await readFile(path.join(s.home, '.bashrc'), 'utf8');
    assert.match(bashrc, /^# goproxyctl doctor --fix disabled this line, goproxyctl undo restores it: export GOPROXY=/m);
    const state = await s.api.state();
    assert.ok(!state.doctor.findings?.some((f) => f.key === shadow.key), 'the doctor ran again: the finding is gone');
    assert.equal(state.doctor.lastFix?.applyId, fix.applyId);
    assert.equal(state.applies.list[0]?.id, fix.applyId);

    const undone = await s.api.undoLastApply({ force: false });
    assert.equal(undone.undone?.id, fix.applyId);
    assert.equal(await readFile(path.join(s.home, '.bashrc'), 'utf8'), rc, 'byte for byte');
  } finally {
    await s.close();
  }
});

test('history: series per candidate over a window, with uptime; every candidate when none is named', { timeout: 60_000 }, async () => {
  const now = Date.now();
  const s = await serve({
    beforeStart: async (home) => {
      const store = await HistoryStore.open(path.join(home, '.local', 'share', 'goproxyctl', 'history'), { durable: false });
      const rec = (candidate: string, ago: number, ok: boolean, ttfb: number | null) => ({
        time: now - ago,
        candidate,
        source: 'background' as const,
        ok,
        ttfbMedianMs: ttfb,
        ttfbP90Ms: ttfb === null ? null : ttfb * 2,
        totalMs: ttfb,
        throughputBytesPerSec: null,
        errorKind: ok ? null : ('timeout' as const),
      });
      await store.append([rec('https://a.example', 120_000, true, 40), rec('https://a.example', 60_000, false, null), rec('https://b.example', 30_000, true, 90)]);
    },
  });
  try {
    const one = await s.api.queryHistory({ candidate: 'https://a.example', from: now - 3_600_000, to: now + 1, resolution: 'raw' });
    assert.equal(one.length, 1);
    assert.deepEqual(one[0]!.median, [40, null]);
    assert.deepEqual(one[0]!.p90, [80, null]);
    assert.deepEqual(one[0]!.failures, [0, 1]);
    assert.equal(one[0]!.uptime, 0.5);
    assert.deepEqual(one[0]!.times, [(now - 120_000) / 1000, (now - 60_000) / 1000]);
    const all = await s.api.queryHistory({ candidate: null, from: now - 3_600_000, to: now + 1, resolution: 'raw' });
    assert.deepEqual(all.map((x) => [x.candidate, x.samples.length, x.uptime]), [
      ['https://a.example', 2, 0.5],
      ['https://b.example', 1, 1],
    ]);
    const none = await s.api.queryHistory({ candidate: 'https://never.example', from: now - 3_600_000, to: now, resolution: 'minute' });
    assert.deepEqual([none[0]!.times, none[0]!.uptime], [[], null]);
    assert.equal((await rejection(s.api.queryHistory({ candidate: null, from: now, to: now - 1, resolution: 'raw' }))).code, 'bad-request');
    assert.equal((await rejection(s.api.queryHistory({ candidate: null, from: 0, to: 1, resolution: 'week' as 'raw' }))).code, 'bad-request');
    assert.ok(!('history' in (await s.api.state())), 'history is a query, never state');
  } finally {
    await s.close();
  }
});

test('settings persist atomically (watch.json shared with the CLI); rules are checked; Test now and Repair now probe the lab', { timeout: 120_000 }, async () => {
  const dead = lab.proxies.dead!.url;
  const good = lab.proxies.good!.url;
  const s = await serve({
    env: (home) => homeEnv(home),
    service: { probeModule: probeModule() },
    beforeStart: (_home, env) => goEnvWrite(env, `GOPROXY=${dead}|${good}`),
  });
  try {
    const { api } = s;
    assert.deepEqual((await api.state()).settings, DEFAULT_SETTINGS);
    const rule = { profile: 'china', when: { gatewaySubnet: '10.20.0.0/16' } };
    const settings = { ...DEFAULT_SETTINGS, language: 'zh-CN' as const, theme: 'dark' as const, autoRepair: { ...DEFAULT_SETTINGS.autoRepair, dwellMs: 60_000, rules: [rule] } };
    assert.deepEqual(await api.updateSettings({ settings }), settings);
    const config = path.join(s.home, '.config', 'goproxyctl');
    const watchFile = JSON.parse(await readFile(path.join(config, 'watch.json'), 'utf8')) as { dwellMs: unknown; rules: unknown };
    assert.equal(watchFile.dwellMs, 60_000);
    assert.deepEqual(watchFile.rules, [rule]);
    assert.deepEqual(JSON.parse(await readFile(path.join(config, 'settings.json'), 'utf8')), { language: 'zh-CN', theme: 'dark', launchAtLogin: false, autoRepair: false });
    const badRule = await rejection(api.updateSettings({ settings: { ...settings, autoRepair: { ...settings.autoRepair, rules: [{ profile: 'china', when: { gatewaySubnet: '10.20.0.0/99' } }] } } }));
    assert.equal(badRule.code, 'bad-request');
    assert.match(badRule.message, /is not a subnet such as 10\.20\.0\.0\/16/);
    assert.match((await rejection(api.checkNetworkRule({ rule: { profile: 'china', when: {} } }))).message, /names no condition/);
    assert.deepEqual(await api.checkNetworkRule({ rule }), { problem: null });
    assert.equal((await rejection(api.updateSettings({ settings: { ...settings, launchAtLogin: true } }))).code, 'bad-request', 'no login item here: said, not faked');

    // Test now: each proxy of the active chain once; nothing is written.
    const tested = await api.testNow({});
    assert.deepEqual(Object.keys(tested).sort(), [dead, good].sort());
    assert.equal(tested[dead]!.ok, false);
    assert.equal(tested[good]!.ok, true);
    assert.equal((await api.state()).health[good]?.source, 'probe');
    assert.ok(s.events.some((e) => e.type === 'watch' && e.event.type === 'probe' && e.event.candidate === good));
    assert.equal(await goEnv(s.env, 'GOPROXY'), `${dead}|${good}`, 'Test now changes nothing');

    // Repair now: the dead first entry fails every probe of the round, so the working one goes first.
    const decision = await api.repairNow({});
    assert.equal(decision?.type, 'repair', JSON.stringify(decision));
    assert.ok(decision?.type === 'repair' && decision.to.goproxy.startsWith(good));
    const state = await api.state();
    assert.deepEqual(state.watch.lastDecision, decision);
    assert.equal(state.watch.running, false);
    assert.ok((await goEnv(s.env, 'GOPROXY')).startsWith(good), 'go sees the repaired chain');
    await waitForState(api, (st) => st.applies.list[0]?.label === 'watch: reorder GOPROXY');
    assert.ok(s.events.some((e) => e.type === 'watch' && e.event.type === 'repair'), 'the repair went out on the stream');
  } finally {
    await s.close();
  }
});

test('benchmark: progress as events, the report and health in the state, results in the history; cancel', { timeout: 120_000 }, async () => {
  const good = lab.proxies.good!.url;
  const dead = lab.proxies.dead!.url;
  const fast = { dnsMs: 2_000, connectMs: 2_000, tlsMs: 2_000, ttfbMs: 3_000, transferMs: 3_000, overallMs: 5_000 };
  const s = await serve({ service: { probeModule: probeModule(), benchTimeouts: fast } });
  try {
    const { api } = s;
    assert.equal((await rejection(api.applyRecommendation({}))).code, 'bad-request', 'nothing to apply before a benchmark');
    const started = await api.startBenchmark({ proxies: [good, dead], samples: 1, project: null });
    assert.ok(started.candidates.includes(good) && started.candidates.includes(dead));
    assert.equal((await rejection(api.startBenchmark({ proxies: [good], samples: 1, project: null }))).code, 'bad-request', 'one run at a time');
    const done = await waitForState(api, (st) => st.benchmark.running === null && st.benchmark.last !== null);
    const report = done.benchmark.last!;
    assert.equal(report.cancelled, false);
    const rows = report.results.filter((r) => r.summary.kind === 'proxy');
    assert.equal(rows[0]!.summary.candidate, good, 'the working proxy ranks first');
    assert.ok(report.recommendation.goproxy.startsWith(good), report.recommendation.goproxy);
    assert.equal(done.health[good]?.source, 'benchmark');
    assert.equal(done.health[dead]?.ok, false);
    const benchEvents = s.events.flatMap((e) => (e.type === 'bench' ? [e.event] : []));
    assert.ok(benchEvents.some((e) => e.type === 'candidate-start' && e.candidate === good));
    assert.ok(benchEvents.some((e) => e.type === 'candidate-done' && e.candidate === good));
    const series = await api.queryHistory({ candidate: good, from: started.startedAt - 1000, to: Date.now() + 1000, resolution: 'raw' });
    assert.equal(series[0]!.samples.length, 1, 'the benchmark was recorded');

    // Apply: through the use engine, as the "recommended" profile; go sees the recommended chain.
    const applied = await api.applyRecommendation({});
    assert.equal(applied.profileId, 'recommended');
    assert.ok(applied.applyId !== null);
    assert.equal(await goEnv(s.env, 'GOPROXY'), report.recommendation.goproxy);
    const afterApply = await api.state();
    assert.equal(afterApply.profiles.active, 'recommended');
    assert.equal(afterApply.applies.list[0]?.label, 'use recommended');

    lab.proxies.good!.setFaults({ latencyMs: 4_000 });
    await api.startBenchmark({ proxies: [good], samples: 3, project: null });
    assert.deepEqual(await api.cancelBenchmark({}), { cancelled: true });
    const cancelled = await api.state();
    assert.equal(cancelled.benchmark.running, null);
    assert.equal(cancelled.benchmark.last?.cancelled, true);
    assert.deepEqual(await api.cancelBenchmark({}), { cancelled: false });
    assert.equal((await rejection(api.startBenchmark({ proxies: ['ftp://x.example'], samples: 1, project: null }))).code, 'bad-request');
  } finally {
    lab.proxies.good!.setFaults({});
    await s.close();
  }
});

test('auto-repair on: the service embeds the watcher (a first round, wake rounds), and a restarted service resumes it', { timeout: 120_000 }, async () => {
  const good = lab.proxies.good!.url;
  const quiet = { healthCheckMs: 0, pollMs: 60_000 };
  const s = await serve({ service: { probeModule: probeModule(), watch: quiet }, beforeStart: (_home, env) => goEnvWrite(env, `GOPROXY=${good},direct`) });
  try {
    const { api } = s;
    const settings = (await api.state()).settings;
    await s.service.wake();
    assert.equal((await api.state()).watch.lastDecision, null, 'with auto-repair off a wake-up runs no round');
    await api.updateSettings({ settings: { ...settings, autoRepair: { ...settings.autoRepair, enabled: true } } });
    const first = await waitForState(api, (st) => st.watch.lastDecision !== null);
    const decision = first.watch.lastDecision;
    assert.ok(decision?.type === 'keep' && decision.trigger === 'start', JSON.stringify(decision));
    assert.equal(first.health[good]?.ok, true, 'the round probed the active entry');
    await s.service.wake();
    const woke = await waitForState(api, (st) => st.watch.lastDecision?.type === 'keep' && st.watch.lastDecision.trigger === 'wake');
    assert.equal(woke.watch.running, false);
    assert.equal(await goEnv(s.env, 'GOPROXY'), `${good},direct`, 'a working chain is kept as it is');

    // One watcher per user: a second service in the same HOME says so instead of starting one.
    const second = createService({ env: s.env, cwd: s.home, helperArgv: [], loginItem: null, probeModule: probeModule(), watch: quiet });
    await second.ready;
    assert.match(second.state().watch.lastError ?? '', /another goproxyctl watch is running/);
    await second.shutdown();
    await api.updateSettings({ settings: { ...settings, autoRepair: { ...settings.autoRepair, enabled: false } } });
    await api.updateSettings({ settings: { ...settings, autoRepair: { ...settings.autoRepair, enabled: true } } });
    await s.service.shutdown();

    // The setting is on disk: a new service in the same HOME starts its watcher by itself.
    const again = createService({ env: s.env, cwd: s.home, helperArgv: [], loginItem: null, probeModule: probeModule(), watch: quiet });
    try {
      await again.ready;
      assert.equal(again.state().settings.autoRepair.enabled, true);
      const deadline = Date.now() + 60_000;
      while (again.state().watch.lastDecision === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal(again.state().watch.lastDecision?.type, 'keep');
    } finally {
      await again.shutdown();
    }
  } finally {
    await s.close();
  }
});
