// A proxy whose SYNs are dropped (no RST, no ICMP): go's dialer gives up after 30 s, and explain
// must say so without waiting that long. Made real in a network namespace (root): a route sends
// 10.200.0.0/24 into the namespace's loopback, where packets for addresses it does not own vanish,
// exactly as behind a firewall that drops them. go and explain run inside the namespace, against a
// lab started there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ns = `gpctl-dial-${process.pid}`;
const DROPPED = 'http://10.200.0.2:8080';
let lab: ChildProcess | null = null;
let good = '';
let work = '';

function netnsAllowed(): boolean {
  const probe = `gpctl-dial-check-${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'ignore', timeout: 5_000 });
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}
const skip = netnsAllowed() ? false : 'ip netns add is not permitted here (needs root)';

before(async () => {
  if (skip) return;
  execFileSync('ip', ['netns', 'add', ns], { timeout: 5_000 });
  execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up'], { timeout: 5_000 });
  execFileSync('ip', ['-n', ns, 'route', 'add', '10.200.0.0/24', 'dev', 'lo'], { timeout: 5_000 });
  lab = spawn('ip', ['netns', 'exec', ns, process.execPath, path.join(here, 'lab-in-netns.js'), JSON.stringify([{ name: 'good' }])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: lab!.stdout! }).once('line', resolve);
    lab!.once('exit', (code) => reject(new Error(`the lab in the namespace exited (${code})`)));
  });
  good = (JSON.parse(first) as { good: string }).good;
  work = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-dial-'));
});

after(async () => {
  if (lab && lab.exitCode === null) {
    const exited = new Promise((resolve) => lab!.once('exit', resolve));
    lab.kill('SIGTERM');
    await exited;
  }
  if (!skip) execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore', timeout: 5_000 });
  if (work) await rm(work, { recursive: true, force: true, maxRetries: 10 });
});

async function envFor(goBin: string, goproxy: string, name: string): Promise<Record<string, string>> {
  const dir = path.join(work, name);
  const netrc = path.join(work, `${name}.netrc`);
  await writeFile(netrc, '');
  return {
    PATH: `${path.dirname(goBin)}:/usr/bin:/bin`,
    HOME: work,
    GOPATH: path.join(dir, 'gopath'),
    GOMODCACHE: path.join(dir, 'gopath', 'pkg', 'mod'),
    GOCACHE: path.join(dir, 'gocache'),
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-mod=mod -modcacherw',
    GOSUMDB: 'off',
    GOENV: 'off',
    NETRC: netrc,
    GOPROXY: goproxy,
    GOPROXYCTL_GO: goBin,
  };
}

const inNs = (bin: string, args: string[], env: Record<string, string>, timeoutMs: number) =>
  runCommand('ip', ['netns', 'exec', ns, bin, ...args], { env, cwd: work, timeoutMs });

for (const go of goToolchains()) {
  test(`${go.name}: dropped SYNs before ',': go fails after its dial timeout, and explain says so at once`, { skip, timeout: 120_000 }, async () => {
    const env = await envFor(go.bin, `${DROPPED},${good}`, go.name);
    const real = await inNs(go.bin, ['mod', 'download', '-json', 'lab.invalid/app@v1.0.0'], env, 90_000);
    assert.notEqual(real.code, null, 'go finished on its own (its dial timeout)');
    const goError = (JSON.parse(real.stdout) as { Error?: string }).Error ?? '';
    assert.match(goError, /dial tcp 10\.200\.0\.2:8080: i\/o timeout/);

    const ours = await inNs(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', 'lab.invalid/app@v1.0.0'], env, 60_000);
    assert.equal(ours.code, 1, ours.stderr);
    const out = JSON.parse(ours.stdout) as { outcome: string; error: string; fix: string; steps: { outcome: string; goWaitsSeconds: number | null }[] };
    assert.equal(out.outcome, 'failed');
    assert.match(out.error, /dial tcp 10\.200\.0\.2:8080: i\/o timeout/, 'go\'s own words');
    assert.deepEqual(out.steps.map((s) => [s.outcome, s.goWaitsSeconds]), [['error', 30]]);
    assert.match(out.fix, /30 s/);
  });
}

test('dropped SYNs before \'|\': explain says go gets there, paying 30 s on every request', { skip, timeout: 60_000 }, async () => {
  const go = goToolchains().at(-1)!;
  const env = await envFor(go.bin, `${DROPPED}|${good}`, 'pipe');
  const ours = await inNs(process.execPath, [cliPath, 'explain', '--json', '--timeout', '2000', 'lab.invalid/app@v1.0.0'], env, 60_000);
  assert.equal(ours.code, 0, ours.stderr);
  const out = JSON.parse(ours.stdout) as { outcome: string; servedBy: string; fix: string; steps: { entry: string; outcome: string; goWaitsSeconds: number | null }[] };
  assert.equal(out.outcome, 'served');
  assert.equal(out.servedBy, good);
  // go walks from the top for .info, .mod and .zip: three dials, each 30 s.
  assert.deepEqual(out.steps.filter((s) => s.entry === DROPPED).map((s) => s.goWaitsSeconds), [30, 30, 30]);
  assert.match(out.fix, /every request/);
});
