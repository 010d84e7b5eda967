// `npm run bench:probe`: figures for the benchmark engine, in the lab (not a test: it asserts
// nothing, it prints numbers). Issue 3, "Benchmarks":
//   1. wall time of an 8-proxy benchmark / wall time of benchmarking only its slowest proxy
//   2. measured median first byte vs the lab's injected latency (10 / 50 / 200 ms)
//   3. ranking quality per scenario: the oracle (the real go 1.23 downloading the 20-module
//      fixture graph from each proxy into a fresh GOMODCACHE), our estimate of its time through
//      each proxy and our pick (ranked for that workload), a chsrc-like and an nrm-like pick
//   4. peak RSS of the CLI during a 20-candidate benchmark
//   5. `goproxyctl bench` wall time with 8 candidates of which 2 are black holes, against the same
//      command on the slowest healthy candidate alone and the dead-host deadline (issue 12)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import { runBenchmark, type BenchmarkReport } from '../../electron/core/bench/index.js';
import { DEAD_HOST_DEADLINES } from '../../electron/core/probe/index.js';
import { workloadOf, type Workload } from '../../shared/bench/estimate.js';
import { fixtureGraph, startLab, type FixtureModule, type Lab, type LabProxyOptions } from '../lab/index.js';
import { runCommand } from '../support/go.js';
import { cliPath } from '../support/paths.js';

const GO = '/usr/lib/go-1.23/bin/go';
const rows: [string, string, string][] = [];
const note = (figure: string, measured: string, target: string): void => {
  rows.push([figure, measured, target]);
  process.stderr.write(`  ${figure}: ${measured}\n`);
};

function bench(lab: Lab, names: string[], samples = 3, workload?: Workload, module?: { path: string; version: string }): Promise<BenchmarkReport> {
  const root = lab.modules[0]!;
  return runBenchmark(
    names.map((n) => ({ url: lab.proxies[n]!.url, kind: 'proxy' as const })),
    { module: module ?? { path: root.path, version: root.version }, samples, env: {}, ca: [lab.caCertPem], historyDir: null, currentGoproxy: 'off', currentGosumdb: 'off', workload },
  );
}

async function parallelism(): Promise<void> {
  const proxies: LabProxyOptions[] = Array.from({ length: 8 }, (_, i) => ({ name: `p${i}`, faults: { latencyMs: 10 + i * 10 } }));
  const lab = await startLab({ proxies });
  try {
    await bench(lab, ['p0'], 1); // warm up the JIT and the lab's zip cache
    const all = await bench(lab, proxies.map((p) => p.name));
    const slowest = await bench(lab, ['p7']);
    note('1. 8-proxy wall / slowest-proxy wall', `${(all.durationMs / slowest.durationMs).toFixed(2)} (${Math.round(all.durationMs)} / ${Math.round(slowest.durationMs)} ms)`, '<= 1.2');
  } finally {
    await lab.close();
  }
}

async function latencyAccuracy(): Promise<void> {
  const injected = [10, 50, 200];
  const lab = await startLab({ proxies: injected.map((ms) => ({ name: `l${ms}`, faults: { latencyMs: ms } })) });
  try {
    await bench(lab, ['l10'], 1);
    for (const ms of injected) {
      const report = await bench(lab, [`l${ms}`], 3);
      const median = report.results[0]?.summary.ttfbMs?.median ?? NaN;
      const error = median - ms;
      note(`2. median first byte at ${ms} ms injected`, `${median.toFixed(2)} ms (error ${error >= 0 ? '+' : ''}${error.toFixed(2)} ms)`, `within ${(3 + 0.03 * ms).toFixed(1)} ms`);
    }
  } finally {
    await lab.close();
  }
}

const dispatchers = new WeakMap<Lab, Dispatcher>();
/** undici trusting the lab CA (the TLS scenarios), its connections kept across calls. */
function labClient(lab: Lab): { dispatcher: Dispatcher } {
  let d = dispatchers.get(lab);
  if (!d) {
    d = new Agent({ connect: { ca: lab.caCertPem } });
    dispatchers.set(lab, d);
  }
  return { dispatcher: d };
}

/** A client of its own, as a curl or a fresh nrm process has: its first request sets a connection up. */
function freshClient(lab: Lab): { dispatcher: Dispatcher } {
  return { dispatcher: new Agent({ connect: { ca: lab.caCertPem } }) };
}

/** A module with one incompressible-ish 4 MB file: what the chsrc-like method downloads. */
function bigModule(): FixtureModule {
  let x = 0x9e3779b9;
  const chars: string[] = [];
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 4 << 20; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    chars.push(alphabet[(x >>> 0) % 64]!);
  }
  return { path: 'big.invalid/blob', version: 'v1.0.0', requires: [], files: { 'go.mod': 'module big.invalid/blob\n\ngo 1.19\n', 'blob.txt': chars.join('') } };
}

/** chsrc: one proxy after another, one large download each (cut at 5 s, as a curl -m would), ranked by bytes/s. */
async function chsrcPick(lab: Lab, names: string[]): Promise<string> {
  let best = { name: '', rate: -1 };
  for (const name of names) {
    const t0 = performance.now();
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), 5_000);
    let bytes = 0;
    let status = 0;
    try {
      const res = await request(`${lab.proxies[name]!.url}/big.invalid/blob/@v/v1.0.0.zip`, { signal: ac.signal, ...freshClient(lab) });
      status = res.statusCode;
      for await (const chunk of res.body) bytes += (chunk as Buffer).length;
    } catch {
      // cut off: the bytes so far count
    } finally {
      clearTimeout(timer);
    }
    const rate = status === 200 ? bytes / ((performance.now() - t0) / 1000) : 0;
    if (rate > best.rate) best = { name, rate };
  }
  return best.name;
}

/** nrm: one fetch per proxy, all at once, headers only; the first to answer wins. */
async function nrmPick(lab: Lab, names: string[]): Promise<string> {
  const times = await Promise.all(
    names.map(async (name) => {
      const t0 = performance.now();
      const res = await request(`${lab.proxies[name]!.url}/${lab.modules[0]!.path}/@v/list`, { method: 'HEAD', ...freshClient(lab) });
      await res.body.dump();
      return { name, ms: performance.now() - t0 };
    }),
  );
  return times.sort((a, b) => a.ms - b.ms)[0]!.name;
}

/**
 * The truth: the real go downloading the whole graph through each proxy, fresh cache each time.
 * `chain`: each proxy first, the others behind it joined with "|", as the recommendation deploys
 * them (a proxy that fails some requests makes go fail when it stands alone; behind "|" go moves
 * on to the next entry for each failed request).
 */
async function oracle(lab: Lab, names: string[], chain = false): Promise<{ pick: string; times: Record<string, number> }> {
  const app = lab.modules.find((m) => m.path.endsWith('/app'))!;
  const times: Record<string, number> = {};
  for (const name of names) {
    const dir = lab.makeTempDir('oracle-src-');
    for (const [file, content] of Object.entries(app.files)) writeFileSync(path.join(dir, file), content);
    const goproxy = (chain ? [name, ...names.filter((n) => n !== name)] : [name]).map((n) => lab.proxies[n]!.url).join('|');
    const env = lab.goEnv({ GOPROXY: goproxy, GOMODCACHE: lab.makeTempDir('oracle-cache-') });
    const handshakesBefore = lab.proxies[name]!.handshakeLog.length;
    const t0 = performance.now();
    const r = await runCommand(GO, ['mod', 'download'], { env, cwd: dir, timeoutMs: 300_000 });
    times[name] = r.code === 0 ? performance.now() - t0 : Infinity;
    if (lab.proxies[name]!.tls !== 'none') process.stderr.write(`  oracle: go opened ${lab.proxies[name]!.handshakeLog.length - handshakesBefore} TLS connections to ${name}\n`);
    if (r.code !== 0) process.stderr.write(`  oracle: go mod download through ${name} failed: ${r.stderr.split('\n')[0]}\n`);
  }
  const pick = Object.entries(times).sort((a, b) => a[1] - b[1])[0]![0];
  return { pick, times };
}

/**
 * The workload the oracle downloads, as `bench --project` would size it: the app's dependencies
 * (every lab module but the app itself), with the bytes of their .info, .mod and .zip.
 */
async function labWorkload(lab: Lab, name: string): Promise<Workload> {
  const deps = lab.modules.filter((m) => !m.path.endsWith('/app') && m.path.startsWith('lab.invalid/'));
  let bytes = 0;
  for (const m of deps) {
    for (const ext of ['.info', '.mod', '.zip']) {
      const res = await request(`${lab.proxies[name]!.url}/${m.path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`)}/@v/${m.version}${ext}`, labClient(lab));
      for await (const chunk of res.body) bytes += (chunk as Buffer).length;
    }
  }
  return workloadOf(deps.length, bytes, 'lab');
}

/**
 * One scenario: the real go's time through each proxy (the oracle), our estimate of it and our
 * pick (the benchmark ranking for the oracle's own workload), the chsrc-like and nrm-like picks.
 */
async function rankingQuality(label: string, what: string, proxies: LabProxyOptions[], opts: { chain?: boolean } = {}): Promise<void> {
  if (only && !only.includes(label)) return;
  const lab = await startLab({ modules: [...fixtureGraph(), bigModule()], proxies });
  const names = proxies.map((p) => p.name);
  try {
    // Sized through a proxy that answers every request (a flaky one would count its 502 bodies).
    const steady = proxies.find((p) => !p.faults?.flakyRate)?.name ?? names[0]!;
    const workload = await labWorkload(lab, steady);
    // The probe module is the 4 MB one, as a real probe module's zip is big enough to time the
    // pipe (the fixture graph's zips are a few hundred bytes: one burst, no measurable transfer).
    const report = await bench(lab, names, 3, workload, { path: 'big.invalid/blob', version: 'v1.0.0' });
    const nameOf = (url: string): string => names.find((n) => lab.proxies[n]!.url === url) ?? url;
    const ourPick = nameOf(report.results[0]!.summary.candidate);
    const estimates = report.results.map((r) => `${nameOf(r.summary.candidate)} ${r.estimateMs === null || r.estimateMs === undefined ? 'fails' : `${(r.estimateMs / 1000).toFixed(2)} s`}`).join(', ');
    const chsrc = await chsrcPick(lab, names);
    const nrm = await nrmPick(lab, names);
    // Every proxy's lab state as it was for our benchmark: a flaky proxy's draws start over.
    for (const p of proxies) lab.proxies[p.name]!.setFaults(p.faults ?? {});
    const truth = await oracle(lab, names, opts.chain);
    const verdict = (pick: string): string => `${pick}${pick === truth.pick ? ' (right)' : ' (wrong)'}`;
    const through = opts.chain ? ' (each first, the others behind "|")' : '';
    note(`3${label}. ${what}: oracle, go mod download of ${workload.modules} modules${through}`, names.map((n) => `${n} ${Number.isFinite(truth.times[n]) ? `${(truth.times[n]! / 1000).toFixed(2)} s` : 'fails'}`).join(', '), `fastest: ${truth.pick}`);
    note(`3${label}. our estimate of the real go's time`, estimates, 'same order as the oracle');
    note(`3${label}. our pick (goproxyctl bench)`, verdict(ourPick), 'the oracle’s');
    note(`3${label}. chsrc-like pick (sequential, one big download, bytes/s)`, verdict(chsrc), '-');
    note(`3${label}. nrm-like pick (one parallel headers-only fetch)`, verdict(nrm), '-');
  } finally {
    await lab.close();
  }
}

async function peakRss(): Promise<void> {
  const proxies: LabProxyOptions[] = Array.from({ length: 20 }, (_, i) => ({ name: `r${i}`, faults: { latencyMs: 5 + (i % 5) * 10 } }));
  const lab = await startLab({ proxies });
  try {
    const root = lab.modules[0]!;
    const args = [cliPath, 'bench', '--json', '--samples', '3', '--module', `${root.path}@${root.version}`, '--proxies', proxies.map((p) => lab.proxies[p.name]!.url).join(',')];
    // The checksum databases are refused at once through a dead HTTPS_PROXY: offline and fast.
    const env = { ...lab.goEnv({ HTTPS_PROXY: 'http://127.0.0.1:1' }), XDG_DATA_HOME: lab.makeTempDir('xdg-data-'), XDG_CONFIG_HOME: lab.makeTempDir('xdg-config-') };
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    let peakKb = 0;
    const read = (): void => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // exited between samples
      }
    };
    const timer = setInterval(read, 20);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(timer);
    note('4. peak RSS (VmHWM) of `goproxyctl bench --json`, 20 candidates x 3 samples', `${(peakKb / 1024).toFixed(1)} MB (exit ${code})`, 'bounded');
  } finally {
    await lab.close();
  }
}

/** The built CLI's wall time for one `bench --json` over these lab proxies (checksum databases refused at once). */
async function cliBenchWall(lab: Lab, names: string[]): Promise<number> {
  const root = lab.modules[0]!;
  const env = { ...lab.goEnv({ HTTPS_PROXY: 'http://127.0.0.1:1' }), XDG_DATA_HOME: lab.makeTempDir('xdg-data-'), XDG_CONFIG_HOME: lab.makeTempDir('xdg-config-') };
  const t0 = performance.now();
  const r = await runCommand(process.execPath, [cliPath, 'bench', '--json', '--samples', '3', '--module', `${root.path}@${root.version}`, '--proxies', names.map((n) => lab.proxies[n]!.url).join(',')], { env, timeoutMs: 300_000 });
  const ms = performance.now() - t0;
  if (r.code !== 0) process.stderr.write(`  bench exited ${r.code}: ${r.stderr.split('\n')[0]}\n`);
  return ms;
}

async function blackHoles(): Promise<void> {
  const healthy: LabProxyOptions[] = Array.from({ length: 6 }, (_, i) => ({ name: `h${i}`, faults: { latencyMs: 20 + i * 30 } }));
  const holes: LabProxyOptions[] = [{ name: 'hole-http', faults: { mode: 'blackhole' } }, { name: 'hole-tls', tls: 'valid', faults: { mode: 'blackhole' } }];
  const lab = await startLab({ proxies: [...healthy, ...holes] });
  try {
    await cliBenchWall(lab, ['h0']); // warm-up
    const all = await cliBenchWall(lab, [...healthy, ...holes].map((p) => p.name));
    const slowest = await cliBenchWall(lab, [healthy.at(-1)!.name]);
    note(
      '5. `goproxyctl bench` wall, 8 candidates (2 black holes) / slowest healthy alone',
      `${(all / slowest).toFixed(2)} (${Math.round(all)} / ${Math.round(slowest)} ms; dead-host deadline ${DEAD_HOST_DEADLINES.ttfbMs} ms)`,
      '<= 1.5, or about one deadline',
    );
  } finally {
    await lab.close();
  }
}

function printTable(): void {
  const header: [string, string, string] = ['figure', 'measured', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: [string, string, string]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  process.stdout.write([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n');
}

/** BENCH_PROBE_ONLY=3f,3g (figure numbers, letters for the ranking scenarios): only those figures. */
const only = process.env.BENCH_PROBE_ONLY?.split(',').map((f) => f.trim().replace(/^3(?=[a-z])/, ''));
const wanted = (figure: string): boolean => !only || only.includes(figure);

process.stderr.write('goproxyctl bench:probe (lab, loopback)\n');
if (wanted('1')) await parallelism();
if (wanted('2')) await latencyAccuracy();
// Fast headers and a thin pipe against the reverse (150 ms before every answer, 50 MB/s): with a
// moderately thin pipe latency decides the real download, with a very thin one it is closer.
await rankingQuality('a', 'thin pipe 400 kB/s vs fat pipe', [
  { name: 'fast-headers', faults: { latencyMs: 5, bandwidthBytesPerSec: 400_000 } },
  { name: 'fat-pipe', faults: { latencyMs: 150, bandwidthBytesPerSec: 50_000_000 } },
]);
await rankingQuality('b', 'thin pipe 8 kB/s vs fat pipe', [
  { name: 'fast-headers', faults: { latencyMs: 5, bandwidthBytesPerSec: 8_000 } },
  { name: 'fat-pipe', faults: { latencyMs: 150, bandwidthBytesPerSec: 50_000_000 } },
]);
await rankingQuality('c', 'latency-bound (5 vs 60 ms, same pipe)', [
  { name: 'near', faults: { latencyMs: 5, bandwidthBytesPerSec: 5_000_000 } },
  { name: 'far', faults: { latencyMs: 60, bandwidthBytesPerSec: 5_000_000 } },
]);
await rankingQuality('d', 'bandwidth-bound (same latency, 20 kB/s vs 2 MB/s)', [
  { name: 'narrow', faults: { latencyMs: 20, bandwidthBytesPerSec: 20_000 } },
  { name: 'wide', faults: { latencyMs: 20, bandwidthBytesPerSec: 2_000_000 } },
]);
await rankingQuality('e', 'IPv6 only (both on ::1, 5 vs 40 ms)', [
  { name: 'v6-near', host: '::1', faults: { latencyMs: 5 } },
  { name: 'v6-far', host: '::1', faults: { latencyMs: 40 } },
]);
// A fast proxy that fails 20 % of its requests with a 502 (seeded: the same requests on every
// run) against a steady one: alone, the flaky one makes go fail, so both are run as the
// recommendation deploys them, first in a "|" chain with the other behind.
await rankingQuality('f', '20 % flaky (10 ms, 1 in 5 answers 502) vs steady (25 ms)', [
  { name: 'flaky', faults: { latencyMs: 10, flakyRate: 0.2, flakySeed: 12 } },
  { name: 'steady', faults: { latencyMs: 25 } },
], { chain: true });
// Both over TLS (the lab speaks HTTP/1.1, so go opens a connection per request in flight): one
// answers fast but holds every ServerHello back, the other shakes hands at once and answers slower.
await rankingQuality('g', 'slow TLS handshake (600 ms, then 5 ms) vs quick handshake (30 ms)', [
  { name: 'slow-hello', tls: 'valid', faults: { latencyMs: 5, handshakeDelayMs: 600 } },
  { name: 'quick-hello', tls: 'valid', faults: { latencyMs: 30 } },
]);
if (wanted('4')) await peakRss();
if (wanted('5')) await blackHoles();
printTable();
