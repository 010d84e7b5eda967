// The writers' lock between processes: a busy lock names its holder, a dead holder's lock is taken
// over once stale, and two processes applying at once are serialised.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApplyRecord } from '../../../electron/core/apply/apply-journal.js';
import { renderEnvSh } from '../../../electron/core/apply/env-scripts.js';
import { productDirs } from '../../../electron/core/apply/product-dirs.js';
import { listApplies, undoLastApply } from '../../../electron/core/apply/undo.js';
import { LockBusyError, withWriterLock } from '../../../electron/core/apply/writer-lock.js';
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
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code, signal) => (code === 0 || signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited with ${code ?? signal}`))));
  });
  return { proc, output };
}

function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
}

describe('writers lock', () => {
  it('a second writer waits briefly, then fails naming the holder; a dead holder is taken over once stale', async () => {
    const stateDir = path.join(t.home, 'state-busy');
    const { proc, output } = child(['hold', stateDir]);
    try {
      assert.equal(await firstLine(proc), 'locked');
      await assert.rejects(
        withWriterLock(stateDir, async () => 'never', { waitMs: 300 }),
        (err: Error) => err instanceof LockBusyError && err.pid === proc.pid && err.message.startsWith(`another goproxyctl is applying a profile (pid ${proc.pid})`),
      );
    } finally {
      proc.kill('SIGKILL');
      await output;
    }
    // The holder died without releasing: its lock stops being refreshed and goes stale.
    const result = await withWriterLock(stateDir, async (lock) => {
      lock.assertHeld();
      return 'took over';
    }, { staleMs: 2_000, waitMs: 8_000 });
    assert.equal(result, 'took over');
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
