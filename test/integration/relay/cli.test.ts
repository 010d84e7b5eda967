// `goproxyctl relay` as the user runs it: a child process that prints its URL, serves go, follows
// the chain it was not given, and ends cleanly on SIGTERM/SIGINT.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

let lab: Lab;
let home: TempHome;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'first' }, { name: 'second' }] });
  home = await makeTempHome('goproxyctl-relay-cli-');
});
after(async () => {
  await lab?.close();
  await home?.cleanup();
});

interface Running {
  child: ChildProcess;
  /** Resolves with the first JSON event that satisfies `match`. */
  next(match: (e: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exit: Promise<number | null>;
}

function startCli(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, [cliPath, 'relay', '--json', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const seen: Record<string, unknown>[] = [];
  const waiters: { match: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as Record<string, unknown>;
    seen.push(event);
    for (const w of [...waiters]) if (w.match(event)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(event);
    }
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exit,
    next: (match) => {
      const found = seen.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exit.then((code) => reject(new Error(`relay exited (${code}) before the event: ${stderr}`)));
      });
    },
  };
}

test('prints its URL as JSON, serves go, and stops cleanly on SIGTERM and SIGINT', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const cache = path.join(home.home, `cache-${signal}`);
    const relay = startCli(['--chain', `${lab.proxies.second!.url}`, '--cache', cache], home.env);
    try {
      const listening = await relay.next((e) => e.type === 'listening');
      assert.match(String(listening.url), /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(listening.source, '--chain');
      const go = goToolchains()[0]!;
      const work = lab.makeTempDir('cli-work');
      const env = lab.goEnv({ GOPROXY: String(listening.url), GOPATH: path.join(work, 'gopath'), GOMODCACHE: path.join(work, 'gopath', 'pkg', 'mod') });
      const r = await runCommand(go.bin, ['mod', 'download', '-json', 'lab.invalid/app@v1.0.0'], { env, cwd: work, timeoutMs: 60_000 });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      await relay.next((e) => e.type === 'request' && e.path === '/lab.invalid/app/@v/v1.0.0.zip' && e.status === 200);
    } finally {
      relay.child.kill(signal);
    }
    assert.equal(await relay.exit, 0);
    const stopped = await relay.next((e) => e.type === 'stopped');
    assert.ok(Number(stopped.requests) >= 3);
  }
});

test('without --chain it walks the chain go would use, and follows it when it changes', async () => {
  const goenv = path.join(home.home, '.config', 'go', 'env');
  await mkdir(path.dirname(goenv), { recursive: true });
  await writeFile(goenv, `GOPROXY=${lab.proxies.first!.url}\n`);
  const relay = startCli(['--cache', path.join(home.home, 'cache-follow')], { ...home.env, GOENV: goenv });
  try {
    const listening = await relay.next((e) => e.type === 'listening');
    assert.equal(listening.chain, lab.proxies.first!.url);
    assert.equal(listening.source, 'go env');
    // What `goproxyctl use` writes for a profile through the relay: the relay first, then the chain.
    await writeFile(goenv, `GOPROXY=${String(listening.url)}|${lab.proxies.second!.url}\n`);
    const changed = await relay.next((e) => e.type === 'chain' && e.chain !== lab.proxies.first!.url);
    assert.equal(changed.error, null, 'the relay drops itself from the chain it walks');
    lab.proxies.second!.clearLog();
    const res = await fetch(`${String(listening.url)}/lab.invalid/app/@v/list`);
    assert.equal(res.status, 200);
    assert.equal(lab.proxies.second!.accessLog.length, 1);
  } finally {
    relay.child.kill('SIGTERM');
  }
  assert.equal(await relay.exit, 0);
});

test('bad input is one sentence, in JSON too, with exit code 2', async () => {
  for (const args of [['--chain', 'ftp://x'], ['--port', '70000'], ['--cache-size=0']]) {
    const r = await runCommand(process.execPath, [cliPath, 'relay', '--json', ...args], { env: home.env, timeoutMs: 30_000 });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout} ${r.stderr}`);
    const event = JSON.parse(r.stdout) as { type: string; message: string };
    assert.equal(event.type, 'error');
    assert.match(event.message, /--(chain|port|cache-size)/);
  }
});
