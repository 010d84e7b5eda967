// `goproxyctl watch` end to end: the built CLI under a temporary HOME against the lab.
// --once --json prints one JSON object per line (probe ..., repair); a second watcher exits 1
// naming the pid that holds the lock; SIGTERM stops the daemon cleanly with no `ip` child left.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { goEnvGoproxy, goEnvWrite, makeWatchHome, type WatchHome } from './helpers.js';
import { waitUntil } from '../../support/wait.js';

let lab: Lab;
let h: WatchHome;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'dead', faults: { status: 502 } }, { name: 'good' }] });
  h = await makeWatchHome();
});
after(async () => {
  await lab?.close();
  await h?.cleanup();
});

function moduleArg(): string {
  const m = lab.modules[0]!;
  return `${m.path}@${m.version}`;
}

test('watch --once --json: one JSON object per line, the repair written to the go env file', { timeout: 90_000 }, async () => {
  const original = `${lab.proxies.dead!.url},${lab.proxies.good!.url}`;
  await goEnvWrite(lab, h.home, original);
  const r = await runCommand(process.execPath, [cliPath, 'watch', '--once', '--json', '--module', moduleArg()], { env: h.env, cwd: h.home, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok(events.every((e) => typeof e.type === 'string' && typeof e.at === 'string'));
  assert.deepEqual([...new Set(events.map((e) => e.type))], ['probe', 'repair']);
  const repair = events.at(-1)!;
  assert.deepEqual(repair.from, { profile: null, goproxy: original });
  assert.deepEqual(repair.to, { profile: null, goproxy: `${lab.proxies.good!.url}|${lab.proxies.dead!.url}` });
  assert.equal(typeof repair.reason, 'string');
  assert.equal(await goEnvGoproxy(lab, h.home), `${lab.proxies.good!.url}|${lab.proxies.dead!.url}`);
  // And `goproxyctl undo` reverts it, like any apply.
  const undo = await runCommand(process.execPath, [cliPath, 'undo'], { env: h.env, cwd: h.home, timeoutMs: 60_000 });
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal(await goEnvGoproxy(lab, h.home), original);
});

test('one watcher per user: the second exits 1 naming the holder; SIGTERM leaves no ip child', { timeout: 90_000 }, async () => {
  const daemon = spawn(process.execPath, [cliPath, 'watch', '--json', '--module', moduleArg(), '--health-check', '0'], { env: h.env, cwd: h.home, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const lines: Record<string, unknown>[] = [];
    createInterface({ input: daemon.stdout }).on('line', (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
    // The first round ends with a keep or a repair event.
    await waitUntil(() => lines.some((e) => e.type === 'keep' || e.type === 'repair'), { what: `the first round's keep or repair: ${JSON.stringify(lines)}`, timeoutMs: 60_000 });

    const second = await runCommand(process.execPath, [cliPath, 'watch', '--once', '--module', moduleArg()], { env: h.env, cwd: h.home, timeoutMs: 30_000 });
    assert.equal(second.code, 1);
    assert.match(second.stderr, new RegExp(`another goproxyctl watch is running \\(pid ${daemon.pid}\\)`));

    const children = readFileSync(`/proc/${daemon.pid}/task/${daemon.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    const ipChildren = children.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === 'ip');
    assert.equal(ipChildren.length, 1, 'the daemon runs ip monitor');
    daemon.kill('SIGTERM');
    const [code] = (await once(daemon, 'exit')) as [number | null];
    assert.equal(code, 0);
    for (const pid of ipChildren) assert.throws(() => process.kill(pid, 0), 'the ip monitor child is gone');
  } finally {
    if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
  }
});
