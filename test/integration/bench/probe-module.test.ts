// The one probe-module setting, against the lab: a proxy that answers 404 for the probe module is
// reachable ("does not have <module>", amber), never failing, and the recommendation keeps it
// rather than falling back to direct; the benchmark asks for the widely mirrored modules before
// concluding so; and the CLI and the service read the same setting and the same default.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBenchmark } from '../../../electron/core/bench/index.js';
import { productDirs } from '../../../electron/core/apply/index.js';
import { createService } from '../../../electron/core/service/service.js';
import { DEFAULT_PROBE_MODULE, WIDELY_MIRRORED_MODULES, formatModule } from '../../../shared/bench/probe-module.js';
import { candidateStatus } from '../../../shared/bench/score.js';
import type { BenchJsonResult } from '../../../shared/bench/aggregate.js';
import type { AppState } from '../../../shared/contract/state.js';
import { fixtureGraph, largeFixtureModule, startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { benchCli, benchEnv, tempHome, type TempHome } from './helpers.js';
import type { Locale, Message } from '../../../shared/i18n/message.js';
import { renderer } from '../../../shared/i18n/catalog.js';

let lab: Lab;
let home: TempHome;
const fast = { dnsMs: 2_000, connectMs: 2_000, tlsMs: 2_000, ttfbMs: 2_000, transferMs: 3_000, overallMs: 6_000 };

before(async () => {
  lab = await startLab({
    proxies: [
      // Answers, but 404 for every path of the probe module (and, being a lab, lacks the widely mirrored ones).
      { name: 'lacks-module', faults: { status: 404, paths: `/${'lab.invalid'}/` } },
      { name: 'dead', faults: { mode: 'refuse' } },
      { name: 'serves', faults: {} },
    ],
    // The fallback module is large enough for its zip to time the pipe.
    modules: [...fixtureGraph(), largeFixtureModule('lab.invalid/blob')],
  });
  home = await tempHome();
});

after(async () => {
  await lab?.close();
  await home?.close();
});

const url = (name: string): string => lab.proxies[name]!.url;
const labRoot = () => ({ path: lab.modules[0]!.path, version: lab.modules[0]!.version });
const asked = (name: string, modulePath: string): boolean => lab.proxies[name]!.accessLog.some((e) => e.path.startsWith(`/${modulePath}/@v/`));

test('a proxy that 404s the probe module is reachable (amber), not failing, and the recommendation keeps it instead of direct', { timeout: 60_000 }, async () => {
  lab.proxies['lacks-module']!.clearLog();
  const report = await runBenchmark(
    [
      { url: url('lacks-module'), kind: 'proxy' },
      { url: url('dead'), kind: 'proxy' },
    ],
    { module: labRoot(), samples: 2, timeouts: fast, env: {}, historyDir: null, currentGoproxy: `${url('dead')},direct`, currentGosumdb: 'off' },
  );
  const lacks = report.results.find((r) => r.summary.candidate === url('lacks-module'))!;
  const dead = report.results.find((r) => r.summary.candidate === url('dead'))!;
  assert.equal(candidateStatus(lacks.summary), 'missing-module');
  assert.equal(lacks.summary.missingModule, formatModule(labRoot()));
  assert.match(lacks.summary.error!.message, new RegExp(`is reachable, does not have ${formatModule(labRoot()).replace(/[.]/g, '\\.')}`));
  assert.equal(candidateStatus(dead.summary), 'failing');
  // Before giving up, the benchmark asked for the widely mirrored modules too.
  for (const m of WIDELY_MIRRORED_MODULES) assert.ok(asked('lacks-module', m.path), `asked for ${m.path}`);
  // Kept, first (nothing served the module), never replaced by direct; the dead one is left out.
  assert.equal(report.recommendation.goproxy.split('|')[0], url('lacks-module'), report.recommendation.goproxy);
  assert.ok(!report.recommendation.goproxy.includes(url('dead')), report.recommendation.goproxy);
  assert.ok(said(report.recommendation).some((r) => r.includes('reachable, but answered 404/410')), said(report.recommendation).join('\n'));
  assert.equal(report.anyWorking, true);
});

test('the default probe module, a mirror that lacks it: the advice keeps the mirror and the real go downloads through it', { timeout: 180_000 }, async () => {
  // The lab serves only its fixtures: for it, golang.org/x/mod and the widely mirrored modules are all "not found".
  const report = await runBenchmark([{ url: url('serves'), kind: 'proxy' }, { url: url('dead'), kind: 'proxy' }], {
    module: DEFAULT_PROBE_MODULE,
    samples: 1,
    timeouts: fast,
    env: {},
    historyDir: null,
    currentGoproxy: `${url('dead')},direct`,
    currentGosumdb: 'off',
  });
  const serves = report.results.find((r) => r.summary.candidate === url('serves'))!;
  assert.equal(candidateStatus(serves.summary), 'missing-module');
  const goproxy = report.recommendation.goproxy;
  assert.ok(goproxy.startsWith(url('serves')), goproxy);
  assert.notEqual(goproxy, 'direct');
  for (const go of goToolchains()) {
    const m = lab.modules[0]!;
    const r = await runCommand(go.bin, ['mod', 'download', '-json', `${m.path}@${m.version}`], { env: lab.goEnv({ GOPROXY: goproxy, GOMODCACHE: lab.makeTempDir(`cache-${go.name}`) }), cwd: lab.makeTempDir('cwd'), timeoutMs: 120_000 });
    assert.equal(r.code, 0, `${go.name}: ${r.stderr}`);
  }
});

test('a proxy that lacks the probe module but has a fallback one is working, measured with that one', { timeout: 60_000 }, async () => {
  const fallback = lab.modules.at(-1)!;
  lab.proxies.serves!.setFaults({ status: 404, paths: `/${lab.modules[0]!.path}/@` });
  try {
    const report = await runBenchmark([{ url: url('serves'), kind: 'proxy' }], {
      module: labRoot(),
      fallbackModules: [{ path: fallback.path, version: fallback.version }],
      samples: 1,
      timeouts: fast,
      env: {},
      historyDir: null,
      currentGoproxy: 'off',
      currentGosumdb: 'off',
    });
    const r = report.results[0]!;
    assert.equal(candidateStatus(r.summary), 'working');
    assert.equal(r.summary.missingModule, formatModule(labRoot()));
    assert.ok(r.summary.throughputBytesPerSec !== null, 'the zip of the fallback module was measured');
    assert.ok(lab.proxies.serves!.servedModules().includes(formatModule(fallback)), 'the zip of the fallback module was read');
  } finally {
    lab.proxies.serves!.setFaults({});
  }
});

test('bench --json and the table: status missing-module, the sentence, exit 0', { timeout: 60_000 }, async () => {
  const env = benchEnv(lab, home);
  const args = ['--samples', '1', '--timeout', '6000', '--module', formatModule(labRoot()), '--proxies', url('lacks-module')];
  const json = await benchCli(['--json', ...args], env);
  assert.equal(json.code, 0, json.stderr);
  const row = (JSON.parse(json.stdout) as { results: BenchJsonResult[] }).results.find((r) => r.proxy === url('lacks-module'))!;
  assert.equal(row.status, 'missing-module');
  assert.equal(row.missingModule, formatModule(labRoot()));
  assert.equal(row.ok, false);
  const table = await benchCli(args, env);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /no module/);
  assert.ok(table.stdout.includes(`! ${url('lacks-module')}: reachable, does not have ${formatModule(labRoot())}`), table.stdout);
  assert.ok(!/failing/.test(table.stdout.split('\n').find((l) => l.startsWith(url('lacks-module'))) ?? ''), table.stdout);
});

/** The module paths a benchmark asked `serves` for. */
function askedModules(): string[] {
  return [...new Set(lab.proxies.serves!.accessLog.filter((e) => e.path.includes('/@v/list')).map((e) => e.path.replace(/\/@v\/list$/, '').slice(1)))];
}

async function serviceBenchmark(env: NodeJS.ProcessEnv): Promise<void> {
  const service = createService({ env, cwd: env.HOME!, helperArgv: [], loginItem: null, benchTimeouts: fast });
  try {
    await service.ready;
    const done = new Promise<AppState>((resolve) => {
      const stop = service.subscribe(() => {
        const s = service.state();
        if (s.benchmark.running === null && s.benchmark.last !== null) {
          stop();
          resolve(s);
        }
      });
    });
    const r = await service.dispatch('startBenchmark', { proxies: [url('serves')], samples: 1, project: null });
    assert.equal(r.ok, true, JSON.stringify(r));
    await done;
  } finally {
    await service.shutdown();
  }
}

test('the CLI and the service ask for the same module: the built-in default, then the setting', { timeout: 120_000 }, async () => {
  const own = await tempHome();
  try {
    const env = { ...benchEnv(lab, own), XDG_CONFIG_HOME: path.join(own.dir, 'config') };
    const cli = async (): Promise<string[]> => {
      lab.proxies.serves!.clearLog();
      const r = await benchCli(['--json', '--samples', '1', '--timeout', '6000', '--proxies', url('serves')], env);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      return askedModules();
    };
    const service = async (): Promise<string[]> => {
      lab.proxies.serves!.clearLog();
      await serviceBenchmark(env);
      return askedModules();
    };
    // No settings file: both ask for the one default first.
    const cliDefault = await cli();
    const serviceDefault = await service();
    assert.equal(cliDefault[0], DEFAULT_PROBE_MODULE.path);
    assert.deepEqual(serviceDefault, cliDefault);

    // The setting (as the Benchmark view saves it): both follow it.
    const chosen = formatModule(labRoot());
    const configDir = productDirs(env).config;
    await mkdir(configDir, { recursive: true });
    await writeFile(path.join(configDir, 'settings.json'), JSON.stringify({ probeModule: chosen }));
    assert.deepEqual(await cli(), [labRoot().path]);
    assert.deepEqual(await service(), [labRoot().path]);
  } finally {
    await own.close();
  }
});

/** The reasons as a person reads them in `locale`. */
function said(r: { reasons: readonly Message[] }, locale: Locale = 'en'): string[] {
  return r.reasons.map(renderer(locale));
}
