// The watcher's probe round: the alternatives are probed alongside the active entry (so a dead
// active entry costs one deadline before the repair, not two in a row), with the benchmark's
// dead-host deadlines; a health check of a working entry still probes that entry alone. The
// real prober against the lab, wrapped only to record the order of starts and ends; no timing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEAD_HOST_DEADLINES } from '../../../electron/core/probe/index.js';
import { makeProber, WATCH_TIMEOUTS, WatchEngine, type ProbeCandidate, type WatchEvent } from '../../../electron/core/watch/index.js';
import { DEFAULT_REPAIR_SETTINGS, type RepairSettings } from '../../../shared/repair/index.js';
import { startLab, type Lab } from '../../lab/index.js';
import { GO123, SHORT_TIMEOUTS, goEnvWrite, makeWatchHome } from './helpers.js';

let lab: Lab;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'active' }, { name: 'other' }] });
});
after(() => lab?.close());

const settings: RepairSettings = { ...DEFAULT_REPAIR_SETTINGS, failureThreshold: 1 };

function recorder(): { probe: ProbeCandidate; log: string[] } {
  const mod = lab.modules[0]!;
  const real = makeProber({ module: { path: mod.path, version: mod.version }, timeouts: SHORT_TIMEOUTS, env: {} });
  const log: string[] = [];
  const name = (c: string): string => (c === lab.proxies.active!.url ? 'active' : c === lab.proxies.other!.url ? 'other' : c);
  return {
    log,
    probe: async (candidate, signal) => {
      log.push(`start ${name(candidate)}`);
      const r = await real(candidate, signal);
      log.push(`end ${name(candidate)}${signal?.aborted ? ' (cancelled)' : ''}`);
      return r;
    },
  };
}

async function round(trigger: 'network-change' | 'health-check' | 'failures', activeFaults: Parameters<Lab['proxies'][string]['setFaults']>[0]) {
  const h = await makeWatchHome();
  try {
    await goEnvWrite(lab, h.home, `${lab.proxies.active!.url},${lab.proxies.other!.url}`);
    lab.proxies.active!.setFaults(activeFaults);
    const { probe, log } = recorder();
    const events: WatchEvent[] = [];
    const engine = new WatchEngine({ env: h.env, settings, goBinary: GO123, shells: ['bash'], probe, activeSamples: 1, onEvent: (e) => events.push(e) });
    const decision = await engine.round(trigger);
    return { decision, log, events };
  } finally {
    lab.proxies.active!.setFaults({});
    await h.cleanup();
  }
}

test('after a network change the alternatives start with the black-holed active entry, and the repair follows its one deadline', { timeout: 60_000 }, async () => {
  const { decision, log, events } = await round('network-change', { mode: 'blackhole' });
  assert.ok(log.indexOf('start other') < log.indexOf('end active'), log.join(', '));
  assert.equal(log.filter((l) => l === 'start active').length, 1, 'one probe of the dead entry');
  assert.equal(decision.action, 'reorder', JSON.stringify(decision));
  // Events in the same order as before: the active entry first, then the alternatives.
  const probes = events.filter((e) => e.type === 'probe').map((e) => (e.type === 'probe' ? e.candidate : ''));
  assert.deepEqual(probes, [lab.proxies.active!.url, lab.proxies.other!.url]);
});

test('a health check of a working entry probes that entry alone', { timeout: 60_000 }, async () => {
  const { decision, log } = await round('health-check', {});
  assert.deepEqual(log, ['start active', 'end active']);
  assert.equal(decision.action, 'keep');
});

test('the failure trigger starts the alternatives early, and cancels and ignores them when the active entry recovered', { timeout: 60_000 }, async () => {
  const { decision, log, events } = await round('failures', {});
  assert.ok(log.includes('start other'), log.join(', '));
  assert.equal(decision.action, 'keep');
  assert.deepEqual(
    events.filter((e) => e.type === 'probe').map((e) => (e.type === 'probe' ? e.candidate : '')),
    [lab.proxies.active!.url],
    'only the active entry is reported and decided on',
  );
});

test('the watcher declares a host dead on the benchmark deadlines', () => {
  for (const [phase, ms] of Object.entries(DEAD_HOST_DEADLINES)) assert.equal(WATCH_TIMEOUTS[phase as keyof typeof WATCH_TIMEOUTS], ms, phase);
});
