// runBenchmark in process against the lab: parallelism and its cap, cancellation that leaves no
// socket behind, and the CLI's live rows on a terminal; plus SIGINT on the built CLI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { startLab, type Lab } from '../../lab/index.js';
import { runBenchmark, type BenchEvent } from '../../../electron/core/bench/index.js';
import { runCli } from '../../../electron/cli/run.js';
import { cliPath } from '../../support/paths.js';
import { benchEnv, labModule, tempHome, type TempHome } from './helpers.js';

let lab: Lab;
let home: TempHome;
const SLOW = ['slow1', 'slow2', 'slow3', 'slow4'];

before(async () => {
  lab = await startLab({
    proxies: [
      ...SLOW.map((name) => ({ name, faults: { latencyMs: 300 } })),
      { name: 'stall1', faults: { latencyMs: 60_000 } },
      { name: 'stall2', faults: { latencyMs: 60_000 } },
      { name: 'tty', faults: { latencyMs: 150 } },
    ],
  });
  home = await tempHome();
  // The in-process CLI run writes history where env-paths looks: keep it in the temp tree.
  process.env.XDG_DATA_HOME = home.dataHome;
  process.env.XDG_CONFIG_HOME = `${home.dir}/config`;
});

after(async () => {
  await lab?.close();
  await home?.close();
});

function moduleRef() {
  const m = lab.modules[0]!;
  return { path: m.path, version: m.version };
}

function bench(names: string[], extra: { concurrency?: number; signal?: AbortSignal; onEvent?: (e: BenchEvent) => void } = {}) {
  return runBenchmark(
    names.map((n) => ({ url: lab.proxies[n]!.url, kind: 'proxy' as const })),
    { module: moduleRef(), samples: 1, env: {}, historyDir: null, currentGoproxy: 'https://proxy.golang.org,direct', currentGosumdb: 'sum.golang.org', ...extra },
  );
}

function firstRequestAt(name: string): number {
  const log = lab.proxies[name]!.accessLog;
  assert.ok(log.length > 0, `${name} was asked`);
  return Math.min(...log.map((e) => e.at));
}

test('candidates run in parallel: four slow proxies all start before any finishes, and take well under four times one', async () => {
  const one = await bench(['slow1']);
  for (const n of SLOW) lab.proxies[n]!.clearLog();
  const doneAt: number[] = [];
  const four = await bench(SLOW, { onEvent: (e) => e.type === 'candidate-done' && doneAt.push(Date.now()) });
  assert.equal(four.results.length, 4);
  assert.ok(four.results.every((r) => r.summary.successRate === 1));
  const firstDone = Math.min(...doneAt);
  for (const n of SLOW) assert.ok(firstRequestAt(n) < firstDone, `${n} started before the first candidate finished`);
  // Loose on purpose (a busy 2-core machine): sequential would be ~4x.
  assert.ok(four.durationMs < 3 * one.durationMs, `four took ${four.durationMs} ms, one ${one.durationMs} ms`);
});

test('the concurrency cap holds: with a cap of 2, the third candidate starts only after one finished', async () => {
  for (const n of SLOW) lab.proxies[n]!.clearLog();
  const starts: string[] = [];
  const events: string[] = [];
  await bench(SLOW.slice(0, 3), {
    concurrency: 2,
    onEvent: (e) => {
      if (e.type === 'candidate-start') {
        starts.push(e.candidate);
        events.push('start');
      } else if (e.type === 'candidate-done') events.push('done');
    },
  });
  assert.deepEqual(events.slice(0, 3), ['start', 'start', 'done']);
  assert.equal(starts.length, 3);
});

function tcpSockets(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
}

test('cancellation: the benchmark resolves at once, reports nothing half-measured, and closes its sockets', async () => {
  const baseline = tcpSockets();
  const ac = new AbortController();
  let sawRequest = false;
  const pending = bench(['stall1', 'stall2'], {
    signal: ac.signal,
    onEvent: (e) => {
      if (e.type === 'phase' && e.progress.phase === 'ttfb' && !sawRequest) {
        sawRequest = true;
        setTimeout(() => ac.abort(), 100);
      }
    },
  });
  const report = await pending;
  assert.ok(sawRequest);
  assert.equal(report.cancelled, true);
  assert.deepEqual(report.results, []);
  assert.equal(report.recorded, 0);
  // The lab's server side of each socket goes away once it sees the close; give it a moment.
  for (let i = 0; i < 50 && tcpSockets() > baseline; i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(tcpSockets() <= baseline, `${tcpSockets()} TCP sockets open, ${baseline} before`);
});

test('on a terminal: live rows rewritten in place, then the table and the recommendation', async () => {
  const url = lab.proxies.tty!.url;
  let out = '';
  const stdout = new PassThrough();
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const stderr = new PassThrough();
  stderr.resume();
  const env = benchEnv(lab, home);
  const code = await runCli(['bench', '--samples', '1', '--module', labModule(lab), '--proxies', url], {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env,
    cwd: home.dir,
    signal: new AbortController().signal,
    isTTY: true,
  });
  assert.equal(code, 0, out);
  assert.ok(out.includes(`\x1b[2K… ${url}: sample 1/1, `), 'a running row');
  assert.ok(out.split('\x1b[').some((seq) => /^\d+F/.test(seq)), 'the cursor goes back up to rewrite the rows');
  assert.ok(out.includes(`\x1b[2K✔ ${url}: first byte`), 'the finished row');
  assert.match(out, /^candidate +status +go would take +first byte/m);
  assert.ok(out.includes('Apply it with:\n  go env -w '));
});

test('SIGINT: the CLI stops promptly with 130, prints only the JSON error, and leaves no connection open', async () => {
  const proxies = ['stall1', 'stall2'].map((n) => lab.proxies[n]!);
  for (const p of proxies) p.clearLog();
  const child = spawn(process.execPath, [cliPath, 'bench', '--json', '--samples', '1', '--module', labModule(lab), '--proxies', proxies.map((p) => p.url).join(',')], {
    env: benchEnv(lab, home),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    for (let i = 0; i < 300 && !proxies.every((p) => p.accessLog.length > 0); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(proxies.every((p) => p.accessLog.length > 0), 'both stalled proxies were asked');
    child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 15_000)))]).finally(() => clearTimeout(timer));
    assert.equal(code, 130, stderr);
    assert.deepEqual(JSON.parse(stdout), { error: { code: 'interrupted', exitCode: 130, message: 'goproxyctl bench: interrupted.' } });
    assert.match(stderr, /interrupted/);
    for (const p of proxies) {
      const open = (): string => execFileSync('ss', ['-Htn', 'state', 'established', `( dport = :${p.port} )`], { encoding: 'utf8' }).trim();
      for (let i = 0; i < 50 && open() !== ''; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(open(), '', `no client connection to ${p.name} is left`);
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
