// The watch engine's own timers on an injected clock (node:test's mock.timers): the health check
// comes once per period, a failed active entry is re-probed every failureRetryMs until the streak
// reaches the threshold and the chain is repaired, and nothing runs after stop(). The
// configuration, the apply and its files are real (a temporary HOME, no go binary: the go env
// file is written directly); the probe is an injected function standing for the network.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { SYSTEM_CLOCK, WatchEngine, type FingerprintReaders, type HealthProbe, type WatchEvent } from '../../../electron/core/watch/index.js';
import { DEFAULT_REPAIR_SETTINGS } from '../../../shared/repair/index.js';
import { makeTempHome } from '../../support/temp-home.js';

const PRIMARY = 'https://primary.invalid';
const BACKUP = 'https://backup.invalid';

const quietNetwork: FingerprintReaders = { platform: 'linux', interfaces: () => ({}), readText: () => Promise.resolve(null), run: () => Promise.resolve(null) };

test('health checks and the failure trigger run on the injected clock; a dead active entry is repaired after the threshold', async (t) => {
  const home = await makeTempHome('goproxyctl-engine-timers-');
  t.after(() => home.cleanup());
  const goEnvFile = path.join(home.home, '.config', 'go', 'env');
  await mkdir(path.dirname(goEnvFile), { recursive: true });
  await writeFile(goEnvFile, `GOPROXY=${PRIMARY},${BACKUP}\n`);

  // Date too: the engine's clock (SYSTEM_CLOCK.wall, for its memory and event times) moves with the timers.
  t.mock.timers.enable({ apis: ['setInterval', 'setTimeout', 'Date'], now: Date.parse('2026-01-05T09:00:00Z') });
  const alive = new Map([[PRIMARY, true], [BACKUP, true]]);
  const probed: string[] = [];
  const probe = (candidate: string): Promise<HealthProbe> => {
    probed.push(candidate);
    const ok = alive.get(candidate) ?? false;
    return Promise.resolve({ candidate, ok, score: ok ? 90 : 0, durationMs: 1, error: ok ? null : 'timeout', missingModule: null });
  };
  const events: WatchEvent[] = [];
  const engine = new WatchEngine({
    env: home.env,
    goBinary: null,
    shells: [],
    settings: { ...DEFAULT_REPAIR_SETTINGS, failureThreshold: 3 },
    probe,
    healthCheckMs: 60_000,
    failureRetryMs: 10_000,
    clock: SYSTEM_CLOCK,
    watcher: { readers: quietNetwork, ipMonitor: false, pollMs: 3_600_000 },
    onEvent: (e) => events.push(e),
  });
  const rounds = () => events.flatMap((e) => (e.type === 'keep' || e.type === 'repair' ? [`${e.type}:${e.trigger}`] : []));
  // A round's follow-up (the retry timer) is armed when its promise settles: let that run too.
  const settle = async () => {
    await engine.idle();
    await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    await engine.start();
    assert.deepEqual(rounds(), ['keep:start']);
    assert.deepEqual(probed.sort(), [BACKUP, PRIMARY], 'at start: the active entry and the alternative');

    probed.length = 0;
    t.mock.timers.tick(59_999);
    await settle();
    assert.deepEqual(rounds(), ['keep:start'], 'no health check before its period');
    t.mock.timers.tick(1);
    await settle();
    assert.deepEqual(rounds(), ['keep:start', 'keep:health-check']);
    assert.deepEqual(probed, [PRIMARY], 'a health check of a working entry probes it alone');

    alive.set(PRIMARY, false);
    t.mock.timers.tick(60_000);
    await settle();
    assert.deepEqual(rounds().slice(2), ['keep:health-check'], 'one failure is not yet a reason to switch');
    for (let failures = 2; failures <= 3; failures++) {
      t.mock.timers.tick(9_999);
      await settle();
      assert.equal(rounds().length, 2 + failures - 1, `no retry before failureRetryMs (failure ${failures})`);
      t.mock.timers.tick(1);
      await settle();
    }
    assert.deepEqual(rounds().slice(3), ['keep:failures', 'repair:failures'], 'the third failure in a row repairs');
    const repair = events.find((e) => e.type === 'repair')!;
    assert.equal(repair.at, '2026-01-05T09:02:20.000Z', 'start + 2 health-check periods + 2 retries, on the injected clock');
    assert.match(await readFile(goEnvFile, 'utf8'), new RegExp(`^GOPROXY=${BACKUP}\\|${PRIMARY}`, 'm'), 'the backup first, with | so errors fail over');

    await engine.stop();
    const after = rounds().length;
    t.mock.timers.tick(10 * 60_000);
    await settle();
    assert.equal(rounds().length, after, 'nothing runs after stop()');
  } finally {
    await engine.stop();
  }
});
