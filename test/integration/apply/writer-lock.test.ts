// The writers' lock between processes: a busy lock names its holder, a dead holder's lock is taken
// over at once (a reused pid too), a holder on another host only once its lock is stale, the
// CLI is never blocked by a SIGKILLed holder, and two processes applying at once are serialised.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApplyRecord } from '../../../electron/core/apply/apply-journal.js';
import { renderEnvSh } from '../../../electron/core/apply/env-scripts.js';
import { productDirs } from '../../../electron/core/apply/product-dirs.js';
import { listApplies, undoLastApply } from '../../../electron/core/apply/undo.js';
import { lockDirectory, LockBusyError, processStart, withWriterLock } from '../../../electron/core/apply/writer-lock.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, helperScript, makeTempHome, type TempHome } from './helpers.js';
import { differences, snapshot } from './snapshot.js';

let t: TempHome;
before(async () => {
  t = await makeTempHome();
});
after(() => t.cleanup());

function child(args: string[], env: NodeJS.ProcessEnv = t.env): { proc: ChildProcess; output: Promise<string> } {
  const proc = spawn(process.execPath, [helperScript('lock-child'), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const output = new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code, signal) => (code === 0 || signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited with ${code ?? signal}`))));
  });
  return { proc, output };
}

function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
}

describe('writers lock', () => {
  it('a second writer waits briefly, then fails naming the holder; a SIGKILLed holder is taken over at once', async () => {
    const stateDir = path.join(t.home, 'state-busy');
    const { proc, output } = child(['hold', stateDir]);
    try {
      assert.equal(await firstLine(proc), 'locked');
      await assert.rejects(
        withWriterLock(stateDir, () => Promise.resolve('never'), { waitMs: 300 }),
        (err: Error) => err instanceof LockBusyError && err.pid === proc.pid && err.message.startsWith(`another goproxyctl is applying a profile (pid ${proc.pid})`),
      );
    } finally {
      proc.kill('SIGKILL');
      await output;
    }
    // The holder died without releasing: its pid is gone, so the lock is reclaimed with no wait at all.
    const result = await withWriterLock(stateDir, (lock) => {
      lock.assertHeld();
      return Promise.resolve('took over');
    }, { waitMs: 0 });
    assert.equal(result, 'took over');
    assert.deepEqual(await readdir(stateDir), [], 'released, and nothing of the dead holder is left');
  });

  it('the lock records pid, host and start time; a reused pid (another start time) is reclaimed at once', async () => {
    const stateDir = path.join(t.home, 'state-owner');
    const seen = await withWriterLock(stateDir, async () => JSON.parse(await readFile(path.join(lockDirectory(stateDir), 'owner.json'), 'utf8')) as Record<string, unknown>);
    assert.equal(seen.pid, process.pid);
    assert.equal(seen.host, os.hostname());
    assert.equal(seen.start, processStart(process.pid));
    assert.match(String(seen.start), /^\d+$/, 'Linux: clock ticks after boot from /proc');
    // A lock whose pid is alive (ours) but started at another time: the pid was reused.
    await plantLock(stateDir, { pid: process.pid, host: os.hostname(), start: '1', since: new Date().toISOString(), token: 'feedfacefeedface' });
    assert.equal(await withWriterLock(stateDir, () => Promise.resolve('reclaimed'), { waitMs: 0 }), 'reclaimed');
  });

  it('a holder on another host is trusted while it refreshes the lock, and taken over once stale', async () => {
    const stateDir = path.join(t.home, 'state-remote');
    await plantLock(stateDir, { pid: 4242, host: 'build-box.elsewhere', start: '77', since: new Date().toISOString(), token: '0123456789abcdef' });
    await assert.rejects(
      withWriterLock(stateDir, () => Promise.resolve('never'), { waitMs: 200, staleMs: 60_000 }),
      (err: Error) => err instanceof LockBusyError && err.pid === 4242 && /\(pid 4242 on build-box\.elsewhere\)/.test(err.message),
    );
    const old = new Date(Date.now() - 120_000);
    await utimes(path.join(lockDirectory(stateDir), 'owner.json'), old, old);
    assert.equal(await withWriterLock(stateDir, () => Promise.resolve('stale, taken over'), { waitMs: 0, staleMs: 60_000 }), 'stale, taken over');
  });

  it('the CLI after a SIGKILLed holder: undo and use proceed at once, no "pid unknown" wait', { timeout: 120_000 }, async () => {
    const home = path.join(t.home, 'cli-home');
    await mkdir(home);
    await writeFile(path.join(home, '.bashrc'), 'export EDITOR=vim\n');
    const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', SHELL: '/bin/bash', LANG: 'C.UTF-8', GOPROXYCTL_GO: GO123, GOTOOLCHAIN: 'local' };
    const stateDir = productDirs(env, 'linux').state;
    for (const command of [['undo', '--json'], ['use', 'global', '--shells', 'bash', '--json']]) {
      const { proc, output } = child(['hold', stateDir]);
      assert.equal(await firstLine(proc), 'locked');
      proc.kill('SIGKILL');
      await output;
      const r = await runCommand(process.execPath, [cliPath, ...command], { env, cwd: home, timeoutMs: 90_000 });
      assert.doesNotMatch(r.stdout + r.stderr, /another goproxyctl is applying/, `${command[0]}: ${r.stderr}`);
      if (command[0] === 'undo') assert.deepEqual(JSON.parse(r.stdout), { undone: null });
      else assert.equal((JSON.parse(r.stdout) as { profile: { id: string } }).profile.id, 'global', r.stderr);
    }
  });

  it('Ctrl-C ends a CLI waiting for a live holder at once (130), not after the wait (busy, 1)', { timeout: 120_000 }, async () => {
    const home = path.join(t.home, 'cli-wait');
    await mkdir(home);
    const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', SHELL: '/bin/bash', LANG: 'C.UTF-8' };
    const stateDir = productDirs(env, 'linux').state;
    const holder = child(['hold', stateDir]);
    try {
      assert.equal(await firstLine(holder.proc), 'locked');
      const undo = spawn(process.execPath, [cliPath, 'undo'], { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      undo.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => undo.once('exit', (code) => resolve(code)));
      // Each attempt to take the lock shows up in the state folder as .writer.lock-new-<pid>-...
      await new Promise<void>((resolve) => {
        const w = watch(stateDir, (_e, name) => {
          if (name?.startsWith(`.writer.lock-new-${undo.pid}-`)) {
            w.close();
            resolve();
          }
        });
      });
      undo.kill('SIGINT');
      assert.equal(await exited, 130, stderr);
      assert.equal(stderr, 'goproxyctl undo: interrupted.\n');
    } finally {
      holder.proc.kill('SIGKILL');
      await holder.output;
    }
  });

  it('writers in one process queue instead of failing', async () => {
    const stateDir = path.join(t.home, 'state-queue');
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        withWriterLock(stateDir, async () => {
          order.push(`${name}+`);
          await new Promise((r) => setTimeout(r, 20));
          order.push(`${name}-`);
        }),
      ),
    );
    assert.deepEqual(order, ['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });

  it('two processes applying at once are serialised: both complete, nothing interleaves', async () => {
    const home = path.join(t.home, 'concurrent');
    const { mkdir } = await import('node:fs/promises');
    // A user who has run go before: go keeps its telemetry counters under ~/.config/go/telemetry,
    // and creates that directory on its first run (that is go's doing, not the apply's).
    await mkdir(path.join(home, '.config', 'go', 'telemetry'), { recursive: true });
    await writeFile(path.join(home, '.bashrc'), 'export EDITOR=vim\n');
    await writeFile(path.join(home, '.zshrc'), 'setopt autocd\r\n');
    const original = await snapshot(home, ['.local', '.config/go/telemetry']);
    const start = path.join(t.home, 'go-now');
    const env = { ...t.env, TEST_GO: GO123, HOME: home };
    const a = child(['apply', home, 'use A', 'https://a.example|direct', start], env);
    const b = child(['apply', home, 'use B', 'https://b.example,direct', start], env);
    // Both are loaded and waiting: the start file releases them together.
    assert.deepEqual(await Promise.all([firstLine(a.proc), firstLine(b.proc)]), ['waiting', 'waiting']);
    await writeFile(start, '');
    const records = (await Promise.all([a.output, b.output])).map((o) => JSON.parse(o.trim().split('\n').pop()!) as ApplyRecord);
    assert.ok(records.every((r) => r.status === 'committed'), 'both applies completed');
    const [first, second] = records.sort((x, y) => x.startedAt.localeCompare(y.startedAt)) as [ApplyRecord, ApplyRecord];
    assert.ok(first.finishedAt! <= second.startedAt, `no overlap: ${first.finishedAt} <= ${second.startedAt}`);
    // The second apply's backup is exactly the first apply's result: it started after the first ended.
    const envSh = path.join(home, '.config', 'goproxyctl', 'env.sh');
    const firstEnvSh = first.files.find((f) => f.finalPath === envSh)!;
    const secondEnvSh = second.files.find((f) => f.finalPath === envSh)!;
    assert.equal(secondEnvSh.before.kind === 'file' && secondEnvSh.before.sha256, firstEnvSh.afterSha256);
    const winner = second.label === 'use A' ? 'https://a.example|direct' : 'https://b.example,direct';
    assert.equal(await readFile(envSh, 'utf8'), renderEnvSh({ GOPROXY: winner, GOSUMDB: 'sum.golang.org' }));
    assert.equal(second.files.filter((f) => f.role.startsWith('startup-file')).length, 0, 'the rc files were touched once, by the first apply');
    // Undo twice: the original files, byte for byte.
    const dirs = productDirs({ HOME: home }, 'linux');
    await undoLastApply({ dirs });
    await undoLastApply({ dirs });
    assert.deepEqual(differences(original, await snapshot(home, ['.local', '.config/go/telemetry'])), []);
    assert.equal((await listApplies(dirs)).length, 2);
  });
});

async function plantLock(stateDir: string, owner: Record<string, unknown>): Promise<void> {
  await mkdir(lockDirectory(stateDir), { recursive: true });
  await writeFile(path.join(lockDirectory(stateDir), 'owner.json'), JSON.stringify(owner));
}
