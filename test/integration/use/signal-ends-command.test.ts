// Ctrl-C always ends the command, even while it waits on something it cannot abort: here `use`
// verifying in a new bash whose ~/.bashrc blocks reading a fifo. The first SIGINT asks the command
// to stop; when it cannot, the CLI exits after its short grace period anyway (130), and what the
// apply wrote stays undoable. The fifo is the synchronisation point: opening its write end returns
// exactly when the verifying bash has opened it for reading.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, makeTempHome, type TempHome } from '../apply/helpers.js';

const BASHRC = '# waits for a line nobody sends, in interactive shells only\ncase $- in *i*) read -r line < "$HOME/hang.fifo" ;; esac\n';

let t: TempHome;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  t = await makeTempHome();
  env = { ...t.env, GOPROXYCTL_GO: GO123, PATH: `${path.dirname(GO123)}:${t.env.PATH}` };
});
afterEach(() => t.cleanup());

test('SIGINT ends `use` while its verifying bash hangs; undo then restores the files', { timeout: 120_000 }, async () => {
  execFileSync('mkfifo', [path.join(t.home, 'hang.fifo')]);
  await writeFile(path.join(t.home, '.bashrc'), BASHRC);
  const child = spawn(process.execPath, [cliPath, 'use', 'global', '--shells', 'bash'], { env, cwd: t.home, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const writer = await open(path.join(t.home, 'hang.fifo'), 'w'); // returns once bash is blocked reading it
  try {
    child.kill('SIGINT');
    assert.equal(await exited, 130, stderr);
    assert.match(stderr, /goproxyctl: interrupted\.\n$/);
  } finally {
    await writer.close(); // bash reads EOF and goes on
  }
  // The apply itself had completed before the verification; it is undone as usual.
  assert.notEqual(await readFile(path.join(t.home, '.bashrc'), 'utf8'), BASHRC);
  const undo = await runCommand(process.execPath, [cliPath, 'undo'], { env, cwd: t.home, timeoutMs: 60_000 });
  assert.equal(undo.code, 0, undo.stderr);
  assert.equal(await readFile(path.join(t.home, '.bashrc'), 'utf8'), BASHRC);
});
