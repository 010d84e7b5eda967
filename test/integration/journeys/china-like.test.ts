// issue 10, journey 1: the lab's china-like scenario, starting from the configuration a typical
// blog gives (GOPROXY=<black-holed default>,direct in the go env file). Every promise goproxyctl
// makes on the way is followed mechanically and judged by the real go 1.19 and 1.23, each with a
// fresh module cache and no go.sum (so every module is verified against the checksum database):
//   1. explain says "hang", and go does not finish within a bounded wait;
//   2. bench's advice, applied exactly as printed (the "Apply it with:" command, run by bash), and
//      saved with --save-profile then applied with the printed `goproxyctl use <id>`;
//   3. the same advice applied through the dashboard (the service's applyRecommendation, over the
//      headless server as the renderer calls it);
// after 2 and 3, go downloads a small graph, and the checksum lookups went where the advice said.
// The lab's checksum database is named sum.golang.org but signed with the lab key, so the starting
// GOSUMDB is "<lab key>": the stand-in for go's default.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SCENARIOS } from '../../lab/scenarios.js';
import { startLab, type Lab } from '../../lab/index.js';
import { HANG_WAIT_MS } from '../../differential/cases.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { rejection, serve, waitForState } from '../service/harness.js';

/** Port 1 on loopback: the real checksum databases in bench's catalog fail at once, offline. */
const DEAD_HTTPS_PROXY = 'http://127.0.0.1:1';
const GO123 = goToolchains().at(-1)!;

let lab: Lab;
const homes: TempHome[] = [];

before(async () => {
  const s = SCENARIOS['china-like']!;
  lab = await startLab({ proxies: s.proxies, ...(s.modules ? { modules: s.modules } : {}) });
});
after(async () => {
  await lab?.close();
  for (const h of homes) await h.cleanup();
});

/** A module every proxy of the scenario serves, and a few more of the graph: what go downloads. */
function graph(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of lab.modules) {
    if (seen.has(m.path) || out.length >= 5) continue;
    seen.add(m.path);
    out.push(`${m.path}@${m.version}`);
  }
  return out;
}

/**
 * The user's environment: nothing Go-related in it (GOPROXY and GOSUMDB live in the go env file,
 * which is what goproxyctl changes), go on PATH, the lab CA trusted.
 */
function userEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...lab.goEnv({ HTTPS_PROXY: DEAD_HTTPS_PROXY }),
    HOME: home,
    GOENV: path.join(home, '.config', 'go', 'env'),
    GOPATH: path.join(home, 'go'),
    GOMODCACHE: path.join(home, 'go', 'pkg', 'mod'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    GOPROXYCTL_GO: GO123.bin,
    GOTELEMETRY: 'off',
    SHELL: '/bin/bash',
    PATH: `${path.dirname(GO123.bin)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
  };
  delete env.GOSUMDB;
  delete env.GOPROXY;
  return env;
}

async function blogHome(name: string): Promise<{ home: string; env: NodeJS.ProcessEnv }> {
  const h = await makeTempHome(`goproxyctl-journey-${name}-`);
  homes.push(h);
  await mkdir(path.join(h.home, '.config', 'go'), { recursive: true });
  await writeFile(path.join(h.home, '.bashrc'), '# my bashrc\n');
  const env = userEnv(h.home);
  const blog = await runCommand(GO123.bin, ['env', '-w', `GOPROXY=${lab.proxies.default!.url},direct`, `GOSUMDB=${lab.checksumDb.verifierKey}`], { env, cwd: h.home, timeoutMs: 60_000 });
  assert.equal(blog.code, 0, blog.stderr);
  return { home: h.home, env };
}

/** The real go, fresh module cache, no go.sum: downloads and verifies every module of the graph. */
async function goDownloads(env: NodeJS.ProcessEnv, label: string, waitMs = 90_000) {
  const results = [];
  for (const go of goToolchains()) {
    const cache = lab.makeTempDir(`modcache-${label}-${go.name}`);
    const run = { ...env, GOMODCACHE: cache, GOFLAGS: '-modcacherw', PATH: `${path.dirname(go.bin)}:${env.PATH ?? ''}` };
    const started = Date.now();
    const r = await runCommand(go.bin, ['mod', 'download', '-json', ...graph()], { env: run, cwd: lab.makeTempDir(`work-${label}`), timeoutMs: waitMs });
    results.push({ go: go.name, code: r.code, ms: Date.now() - started, out: r.stdout + r.stderr });
  }
  return results;
}

/** Checksum lookups the lab saw since the last clear, by proxy name. */
function lookupsBy(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, p] of Object.entries(lab.proxies)) {
    const n = p.accessLog.filter((e) => /\/lookup\//.test(e.path) && e.status === 200).length;
    if (n > 0) counts[name] = n;
  }
  return counts;
}
function clearLogs(): void {
  for (const p of Object.values(lab.proxies)) p.clearLog();
}

function candidates(): string[] {
  return ['default', 'mirror-fast', 'mirror-flaky'].map((n) => lab.proxies[n]!.url);
}

test('the blog configuration: explain says hang, and the real go is still waiting after a bounded wait', async (t) => {
  const { home, env } = await blogHome('explain');
  const ours = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', graph()[0]!], { env, cwd: home, timeoutMs: 60_000 });
  assert.equal(ours.code, 1, ours.stderr);
  const verdict = JSON.parse(ours.stdout) as { outcome: string; fix: string };
  assert.equal(verdict.outcome, 'hang');
  assert.ok(verdict.fix.includes(lab.proxies.default!.url), verdict.fix);
  for (const r of await goDownloads(env, 'blog', HANG_WAIT_MS)) {
    assert.equal(r.code, null, `${r.go} finished (exit ${r.code}), but explain said it would hang: ${r.out}`);
    t.diagnostic(`${r.go} with the blog configuration: still waiting after ${r.ms} ms`);
  }
});

test('bench → "Apply it with:" run as printed → the real go downloads and verifies the graph', async (t) => {
  const { home, env } = await blogHome('cli');
  const bench = await runCommand(process.execPath, [cliPath, 'bench', '--samples', '1', '--module', graph()[0]!, '--proxies', candidates().join(',')], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(bench.code, 0, bench.stdout + bench.stderr);
  const lines = bench.stdout.split('\n');
  const at = lines.findIndex((l) => l.trim() === 'Apply it with:');
  assert.ok(at >= 0, `bench printed how to apply its advice:\n${bench.stdout}`);
  const printed = lines[at + 1]!.trim();
  assert.match(printed, /^go env -w /);
  assert.ok(!printed.includes(lab.proxies.default!.url), `the advice keeps the black hole: ${printed}`);

  const applied = await runCommand('bash', ['-c', printed], { env, cwd: home, timeoutMs: 60_000 });
  assert.equal(applied.code, 0, applied.stderr);

  const explained = await runCommand(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', graph()[0]!], { env, cwd: home, timeoutMs: 60_000 });
  assert.equal(explained.code, 0, explained.stdout + explained.stderr);
  assert.equal((JSON.parse(explained.stdout) as { checksum: { verdict: string } }).checksum.verdict, 'verified');

  clearLogs();
  for (const r of await goDownloads(env, 'cli')) {
    assert.equal(r.code, 0, `${r.go} after following the advice (${printed}): ${r.out}`);
    t.diagnostic(`${r.go} after "${printed}": ${graph().length} modules in ${r.ms} ms`);
  }
  const lookups = lookupsBy();
  assert.ok(Object.keys(lookups).length > 0 && !('default' in lookups) && !('mirror-flaky' in lookups), `checksums were verified through a working route: ${JSON.stringify(lookups)}`);
});

test('bench --save-profile → the printed `goproxyctl use <id>` → a new bash and the real go get the advice', async (t) => {
  const { home, env } = await blogHome('use');
  const bench = await runCommand(process.execPath, [cliPath, 'bench', '--samples', '1', '--module', graph()[0]!, '--proxies', candidates().join(','), '--save-profile', 'my-advice'], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(bench.code, 0, bench.stdout + bench.stderr);
  const printed = bench.stdout.split('\n').map((l) => /goproxyctl use [^\s`]+/.exec(l.trim())?.[0]).find(Boolean);
  assert.equal(printed, 'goproxyctl use my-advice', bench.stdout);
  const advised = /^ {2}GOPROXY=(.*)$/m.exec(bench.stdout)![1]!;

  // "goproxyctl" is the built CLI: the command runs word for word, only the program is resolved.
  const use = await runCommand(process.execPath, [cliPath, ...printed.split(' ').slice(1), '--shells', 'bash'], { env, cwd: home, timeoutMs: 120_000 });
  assert.equal(use.code, 0, use.stdout + use.stderr);
  const shell = await runCommand('bash', ['-ic', 'echo "$GOPROXY"; go env GOPROXY'], { env, cwd: home, timeoutMs: 60_000 });
  assert.deepEqual(shell.stdout.trim().split('\n').slice(-2), [advised, advised], shell.stderr);

  clearLogs();
  for (const r of await goDownloads(env, 'use')) {
    assert.equal(r.code, 0, `${r.go} after \`${printed}\`: ${r.out}`);
    t.diagnostic(`${r.go} after "${printed}" (GOPROXY=${advised}): ${graph().length} modules in ${r.ms} ms`);
  }
  const lookups = lookupsBy();
  assert.ok(Object.keys(lookups).length > 0 && !('default' in lookups) && !('mirror-flaky' in lookups), JSON.stringify(lookups));
});

test('the dashboard: benchmark, then Apply → the real go downloads and verifies the graph', async (t) => {
  const [first] = graph()[0]!.split('@');
  const version = graph()[0]!.split('@')[1]!;
  const s = await serve({
    env: (home) => userEnv(home),
    beforeStart: async (home, env) => {
      await mkdir(path.join(home, '.config', 'go'), { recursive: true });
      await writeFile(path.join(home, '.bashrc'), '# my bashrc\n');
      const blog = await runCommand(GO123.bin, ['env', '-w', `GOPROXY=${lab.proxies.default!.url},direct`, `GOSUMDB=${lab.checksumDb.verifierKey}`], { env, cwd: home, timeoutMs: 60_000 });
      assert.equal(blog.code, 0, blog.stderr);
    },
    service: { probeModule: { path: first!, version } },
  });
  try {
    const { api } = s;
    assert.equal((await rejection(api.applyRecommendation({}))).code, 'bad-request', 'nothing to apply before a benchmark');
    await api.startBenchmark({ proxies: candidates(), samples: 1, project: null });
    const done = await waitForState(api, (st) => st.benchmark.running === null && st.benchmark.last !== null, 120_000);
    const advice = done.benchmark.last!.recommendation;
    assert.ok(!advice.goproxy.includes(lab.proxies.default!.url), advice.goproxy);
    const applied = await api.applyRecommendation({});
    assert.ok(applied.applyId !== null);
    clearLogs();
    for (const r of await goDownloads(s.env, 'dashboard')) {
      assert.equal(r.code, 0, `${r.go} after the dashboard's Apply (GOPROXY=${advice.goproxy} GOSUMDB=${advice.gosumdb}): ${r.out}`);
      t.diagnostic(`${r.go} after the dashboard's Apply: ${graph().length} modules in ${r.ms} ms`);
    }
    const lookups = lookupsBy();
    assert.ok(Object.keys(lookups).length > 0 && !('default' in lookups) && !('mirror-flaky' in lookups), JSON.stringify(lookups));
  } finally {
    await s.close();
  }
});
