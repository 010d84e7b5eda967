// `npm run bench:relay`: figures for the local relay (issue 13), in the lab. Prints numbers and
// asserts nothing. The real go 1.23 downloads the 20-module fixture graph (`go mod download` in the
// root module) into a fresh GOMODCACHE each time:
//   floor  a loopback proxy with no injected latency (what no network costs)
//   oracle the best single upstream on its own
//   a  the blog configuration: a black-holed default, then direct (bounded: go waits forever)
//   b  the chain the benchmark recommends for this lab
//   c  through the relay, walking that chain
//   d  through the relay over fast|second while the fast one goes silent mid-download, against
//      both the oracle and the best single upstream that survives that fault (second alone)
//   e  through the relay again, warm cache, fresh GOMODCACHE
// (medians of three runs taken in turns, on a shared machine) and the relay's idle RSS and CPU (the CLI process, sampled from /proc).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { runBenchmark } from '../../electron/core/bench/index.js';
import { startLab, type Lab } from '../lab/index.js';
import { runCommand } from '../support/go.js';
import { cliPath } from '../support/paths.js';
import { clockTicksPerSecond, sampleProcess } from './repair/proc-usage.js';

const GO = '/usr/lib/go-1.23/bin/go';
const BLOG_BOUND_MS = 30_000;
const IDLE_SECONDS = 10;
const rows: [string, string][] = [];
const note = (figure: string, measured: string): void => {
  rows.push([figure, measured]);
  process.stderr.write(`  ${figure}: ${measured}\n`);
};

/** go mod download of the whole graph through `goproxy`, fresh module cache; ms, or null when it failed or hit the bound. */
async function timeGo(lab: Lab, goproxy: string, boundMs = 300_000): Promise<{ ms: number | null; why: string }> {
  const app = lab.modules.find((m) => m.path.endsWith('/app'))!;
  const dir = lab.makeTempDir('bench-src');
  for (const [file, content] of Object.entries(app.files)) writeFileSync(path.join(dir, file), content);
  const env = lab.goEnv({ GOPROXY: goproxy, GOMODCACHE: lab.makeTempDir('bench-modcache') });
  const t0 = performance.now();
  const r = await runCommand(GO, ['mod', 'download'], { env, cwd: dir, timeoutMs: boundMs });
  const ms = performance.now() - t0;
  if (r.code === 0) return { ms, why: '' };
  if (r.code === null) return { ms: null, why: `did not finish in ${Math.round(boundMs / 1000)} s` };
  return { ms: null, why: `failed: ${r.stderr.trim().split('\n').pop() ?? ''}` };
}

const secs = (ms: number | null, why = 'failed'): string => (ms === null ? why : `${(ms / 1000).toFixed(2)} s`);
const RUNS = 3;

/** The median of the runs that finished, or null when none did. */
function median(runs: (number | null)[]): number | null {
  const ok = runs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return ok.length ? ok[Math.floor(ok.length / 2)]! : null;
}

interface RelayChild {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

async function startRelay(chain: string, cacheDir: string, home: string): Promise<RelayChild> {
  const child = spawn(process.execPath, [cliPath, 'relay', '--json', '--chain', chain, '--cache', cacheDir], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, GOTOOLCHAIN: 'local', GOENV: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const e = JSON.parse(line) as { type: string; url?: string };
      if (e.type === 'listening' && e.url) resolve(e.url);
    });
    void exited.then(() => reject(new Error('the relay exited before listening')));
  });
  return {
    child,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function idleUsage(relay: RelayChild): Promise<void> {
  const pid = relay.child.pid!;
  const hz = clockTicksPerSecond();
  const before = sampleProcess(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const after = sampleProcess(pid);
  const elapsed = (performance.now() - t0) / 1000;
  if (!before || !after) return note('idle relay', 'could not read /proc');
  const ticks = after.ticks.own - before.ticks.own;
  note(`idle relay over ${IDLE_SECONDS} s`, `CPU ${((100 * ticks) / hz / elapsed).toFixed(2)} % of one core, RSS ${(after.rssKb / 1024).toFixed(1)} MB (peak ${(after.hwmKb / 1024).toFixed(1)} MB)`);
}

/** Makes `name` silent (accepts, never answers) once it has served `zips` module zips. */
function dieAfterZips(lab: Lab, name: string, zips: number): () => void {
  const proxy = lab.proxies[name]!;
  const timer = setInterval(() => {
    if (proxy.accessLog.filter((e) => e.path.endsWith('.zip') && e.status === 200).length >= zips) {
      proxy.setFaults({ mode: 'blackhole' });
      clearInterval(timer);
    }
  }, 2);
  return () => clearInterval(timer);
}

async function main(): Promise<void> {
  const lab = await startLab({
    proxies: [
      { name: 'floor' },
      { name: 'default', faults: { mode: 'blackhole' } },
      { name: 'fast', faults: { latencyMs: 10 } },
      { name: 'second', faults: { latencyMs: 30 } },
      { name: 'flaky', faults: { status: 502, paths: '/\\.info$/', latencyMs: 40, jitterMs: 40 } },
    ],
  });
  const home = mkdtempSync(path.join(os.tmpdir(), 'goproxyctl-bench-relay-'));
  const url = (n: string): string => lab.proxies[n]!.url;
  try {
    await timeGo(lab, url('floor')); // warm up go's build cache and the lab
    await timeGo(lab, url('fast'));
    // The machine is shared: every figure is the median of RUNS runs, taken in turns.
    const floorRuns: (number | null)[] = [];
    const oracleRuns: (number | null)[] = [];
    for (let i = 0; i < RUNS; i++) {
      floorRuns.push((await timeGo(lab, url('floor'))).ms);
      oracleRuns.push((await timeGo(lab, url('fast'))).ms);
    }
    const floor = median(floorRuns);
    const oracle = median(oracleRuns);
    note('floor: loopback proxy, no latency', secs(floor));
    note('oracle: best single upstream (fast, 10 ms)', secs(oracle));
    const ratio = (ms: number | null): string => (ms !== null && oracle ? ` (${(ms / oracle).toFixed(2)} × oracle)` : '');

    const blog = await timeGo(lab, `${url('default')},direct`, BLOG_BOUND_MS);
    note('a. blog config: black-holed default,direct', secs(blog.ms, blog.why));

    const report = await runBenchmark(
      ['default', 'fast', 'second', 'flaky'].map((n) => ({ url: url(n), kind: 'proxy' as const })),
      { module: { path: lab.modules[0]!.path, version: lab.modules[0]!.version }, samples: 3, env: {}, historyDir: null, currentGoproxy: 'off', currentGosumdb: 'off' },
    );
    const recommended = report.recommendation.goproxy;
    const names = new Map(Object.values(lab.proxies).map((p) => [p.url, p.name]));
    const shown = recommended.replace(/http:\/\/127\.0\.0\.1:\d+/g, (u) => names.get(u) ?? u);

    const bRuns: (number | null)[] = [];
    const cRuns: (number | null)[] = [];
    const eRuns: (number | null)[] = [];
    let idleMeasured = false;
    for (let i = 0; i < RUNS; i++) {
      bRuns.push((await timeGo(lab, recommended)).ms);
      const relay = await startRelay(recommended, path.join(home, `cache-${i}`), home);
      cRuns.push((await timeGo(lab, relay.url)).ms);
      eRuns.push((await timeGo(lab, relay.url)).ms);
      if (!idleMeasured) {
        await idleUsage(relay);
        idleMeasured = true;
      }
      await relay.stop();
    }
    note(`b. recommended chain (${shown})`, secs(median(bRuns)) + ratio(median(bRuns)));
    note('c. through the relay, same chain, cold cache', secs(median(cRuns)) + ratio(median(cRuns)));
    const e = median(eRuns);
    note('e. through the relay, warm cache', secs(e) + (floor && e ? ` (${(e / floor).toFixed(2)} × floor)` : ''));

    const dRuns: (number | null)[] = [];
    for (let i = 0; i < RUNS; i++) {
      lab.proxies.fast!.setFaults({ latencyMs: 10 });
      const relay = await startRelay(`${url('fast')}|${url('second')}`, path.join(home, `cache-d-${i}`), home);
      lab.proxies.fast!.clearLog();
      const stopWatching = dieAfterZips(lab, 'fast', 5);
      dRuns.push((await timeGo(lab, relay.url)).ms);
      stopWatching();
      await relay.stop();
    }
    // The oracle under d's fault: of the single upstreams, fast alone hangs once it goes silent, so
    // the best one that finishes is second alone. d is compared with both.
    const secondRuns: (number | null)[] = [];
    for (let i = 0; i < RUNS; i++) secondRuns.push((await timeGo(lab, url('second'))).ms);
    const secondAlone = median(secondRuns);
    note('oracle under d\'s fault: second alone (fast alone hangs)', secs(secondAlone));
    const dMedian = median(dRuns);
    note('d. relay over fast|second, fast goes silent after 5 zips', secs(dMedian) + ratio(dMedian) + (dMedian !== null && secondAlone ? ` (${(dMedian / secondAlone).toFixed(2)} × second alone)` : ''));
    lab.proxies.fast!.setFaults({ latencyMs: 10 });
    lab.proxies.fast!.clearLog();
    const stopAgain = dieAfterZips(lab, 'fast', 5);
    const dAlone = await timeGo(lab, `${url('fast')}|${url('second')}`, BLOG_BOUND_MS);
    stopAgain();
    note('d\'. go alone over fast|second, fast goes silent after 5 zips', secs(dAlone.ms, dAlone.why));
  } finally {
    await lab.close();
    rmSync(home, { recursive: true, force: true, maxRetries: 10 });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nbench:relay (go 1.23, ${os.cpus().length} cores, ${new Date().toISOString()})\n`);
  for (const [figure, measured] of rows) process.stdout.write(`  ${figure.padEnd(width)}  ${measured}\n`);
}

await main();
