// `bench --project DIR`: the workload is the project's own graph, read from its go.sum, and the
// real go is the judge of that graph (the zips go 1.23 fetches into an empty cache are the ones
// go.sum lists); the sizes come from the proxies' Content-Length.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { graphFromGoMod, graphFromGoSum, sampleForSizing, workloadOfGraph } from '../../../shared/bench/project-graph.js';
import type { Workload } from '../../../shared/bench/estimate.js';
import { createService } from '../../../electron/core/service/service.js';
import type { AppState } from '../../../shared/contract/state.js';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { benchCli, benchEnv, tempHome, type TempHome } from './helpers.js';

const GO = '/usr/lib/go-1.23/bin/go';
let lab: Lab;
let home: TempHome;
let project: string;

before(async () => {
  lab = await startLab({ proxies: [{ name: 'mirror' }, { name: 'dead', faults: { mode: 'blackhole' } }] });
  home = await tempHome();
  project = lab.makeTempDir('project-');
  const app = lab.modules.find((m) => m.path.endsWith('/app'))!;
  for (const [file, content] of Object.entries(app.files)) await writeFile(path.join(project, file), content);
  // go writes the go.sum, as it would on the user's machine.
  const r = await runCommand(GO, ['mod', 'tidy'], { env: lab.goEnv({ GOPROXY: lab.proxies.mirror!.url, GOMODCACHE: lab.makeTempDir('tidy-cache-') }), cwd: project, timeoutMs: 120_000 });
  assert.equal(r.code, 0, r.stderr);
});

after(async () => {
  await lab?.close();
  await home?.close();
});

test('the zips go fetches into an empty cache are the ones go.sum lists', { timeout: 120_000 }, async () => {
  const graph = graphFromGoSum(await readFile(path.join(project, 'go.sum'), 'utf8'));
  const mirror = lab.proxies.mirror!;
  mirror.clearLog();
  const r = await runCommand(GO, ['mod', 'download', 'all'], { env: lab.goEnv({ GOPROXY: mirror.url, GOMODCACHE: lab.makeTempDir('oracle-cache-') }), cwd: project, timeoutMs: 120_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(graph.zips.map((m) => `${m.path}@${m.version}`).sort(), mirror.servedModules().sort());
  // And the go.mod reader, without a go.sum, finds the same required modules.
  const fromMod = graphFromGoMod(await readFile(path.join(project, 'go.mod'), 'utf8'));
  assert.ok(fromMod.zips.every((m) => graph.zips.some((z) => z.path === m.path && z.version === m.version)));
});

test('bench --project: the project workload, sized through the proxy that answers (the black hole costs nothing)', { timeout: 120_000 }, async () => {
  const env = benchEnv(lab, home);
  const r = await benchCli(['--json', '--samples', '1', '--module', `${lab.modules[0]!.path}@${lab.modules[0]!.version}`, '--project', project, '--proxies', [lab.proxies.dead!.url, lab.proxies.mirror!.url].join(',')], env);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { workload: Workload; results: { proxy: string; estimate: string }[] };
  const graph = graphFromGoSum(await readFile(path.join(project, 'go.sum'), 'utf8'));
  assert.equal(doc.workload.source, 'project');
  assert.equal(doc.workload.modules, graph.zips.length);
  assert.equal(doc.workload.requests, graph.zips.length * 3 + graph.modOnly.length);
  // Sized from the lab's real zips (a few hundred bytes each), not the 150 kB representative average.
  assert.ok(doc.workload.bytes < workloadOfGraph(graph, null).bytes / 10, JSON.stringify(doc.workload));
  const row = doc.results.find((x) => x.proxy === lab.proxies.mirror!.url)!;
  assert.match(row.estimate, new RegExp(`for this project's ${graph.zips.length} modules$`));

  const human = await benchCli(['--samples', '1', '--module', `${lab.modules[0]!.path}@${lab.modules[0]!.version}`, '--project', project, '--proxies', lab.proxies.mirror!.url], env);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stderr, new RegExp(`project: ${graph.zips.length} modules from go.sum.*sized from ${Math.min(8, graph.zips.length)} zips through`));
  assert.match(human.stdout, /this project's \d+ modules/);
});

test('bench --project without a go.mod: one sentence, exit 2', { timeout: 60_000 }, async () => {
  const r = await benchCli(['--project', home.dir, '--proxies', lab.proxies.mirror!.url], benchEnv(lab, home));
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--project: .* has no go\.mod; give the directory of a Go module/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('the dashboard benchmark takes a project too: the report is for its graph; a directory without go.mod is a bad request', { timeout: 120_000 }, async () => {
  const env = benchEnv(lab, home);
  const service = createService({ env, cwd: home.dir, helperArgv: [], loginItem: null, probeModule: { path: lab.modules[0]!.path, version: lab.modules[0]!.version } });
  try {
    await service.ready;
    const bad = await service.dispatch('startBenchmark', { proxies: [lab.proxies.mirror!.url], samples: 1, project: home.dir });
    assert.deepEqual(bad.ok ? null : bad.error.code, 'bad-request');
    assert.match(bad.ok ? '' : bad.error.message, /has no go\.mod/);
    const done = new Promise<AppState>((resolve) => {
      const stop = service.subscribe(() => {
        const st = service.state();
        if (st.benchmark.running === null && st.benchmark.last !== null) {
          stop();
          resolve(st);
        }
      });
    });
    const started = await service.dispatch('startBenchmark', { proxies: [lab.proxies.mirror!.url], samples: 1, project });
    assert.equal(started.ok, true, JSON.stringify(started));
    const state = await done;
    const graph = graphFromGoSum(await readFile(path.join(project, 'go.sum'), 'utf8'));
    assert.equal(state.benchmark.last!.workload.source, 'project');
    assert.equal(state.benchmark.last!.workload.modules, graph.zips.length);
  } finally {
    await service.shutdown();
  }
});

test('the go.sum and go.mod readers', () => {
  const sum = graphFromGoSum('a.example/x v1.0.0 h1:abc=\na.example/x v1.0.0/go.mod h1:def=\nb.example/y v0.1.0/go.mod h1:ghi=\n\n');
  assert.deepEqual(sum.zips, [{ path: 'a.example/x', version: 'v1.0.0' }]);
  assert.deepEqual(sum.modOnly, [{ path: 'b.example/y', version: 'v0.1.0' }]);
  const mod = graphFromGoMod('module m\n\nrequire a.example/x v1.0.0\nrequire (\n\tb.example/y v0.1.0 // indirect\n\t"c.example/z" v2.0.0\n)\n');
  assert.deepEqual(mod.zips.map((m) => m.path), ['a.example/x', 'b.example/y', 'c.example/z']);
  assert.equal(sampleForSizing(Array.from({ length: 20 }, (_, i) => ({ path: `m${i}`, version: 'v1.0.0' })), 8).length, 8);
  const w = workloadOfGraph(sum, 1000);
  assert.deepEqual(w, { modules: 1, requests: 4, bytes: 1000 + 1000 + 100 + 1000, source: 'project' });
});
