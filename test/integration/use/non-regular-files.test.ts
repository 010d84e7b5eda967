// A fifo where ~/.bashrc or the go env file should be (nobody ever writes to it): `use` must not
// block reading it. It is stat'ed first, refused with one sentence (exit 2), and nothing is written.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { lstat, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, makeTempHome, type TempHome } from '../apply/helpers.js';
import { differences, snapshot } from '../apply/snapshot.js';

let t: TempHome;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  t = await makeTempHome();
  env = { ...t.env, GOPROXYCTL_GO: GO123, PATH: `${path.dirname(GO123)}:${t.env.PATH}` };
  // go 1.23 creates its telemetry folder (~/.config/go/telemetry) on first run: let it exist first.
  await promisify(execFile)(GO123, ['env', 'GOVERSION'], { env });
});
afterEach(() => t.cleanup());

const cli = (args: string[]) => runCommand(process.execPath, [cliPath, ...args], { env, cwd: t.home, timeoutMs: 60_000 });

test('a fifo as ~/.bashrc: use refuses at once and writes nothing', { timeout: 120_000 }, async () => {
  execFileSync('mkfifo', [path.join(t.home, '.bashrc')]);
  // (The snapshot must not read the fifo either.)
  const skip = ['.local', '.cache', 'go', '.config/go/telemetry', '.bashrc'];
  const before = await snapshot(t.home, skip);
  const r = await cli(['use', 'global', '--shells', 'bash']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^goproxyctl use: nothing was written: .*\.bashrc is not a regular file, so goproxyctl will not replace it; remove it or leave this target out\.\n$/);
  assert.deepEqual(differences(before, await snapshot(t.home, skip)), []);
  assert.ok((await lstat(path.join(t.home, '.bashrc'))).isFIFO(), 'the fifo is still there, untouched');
});

test('a fifo as the go env file: use refuses at once', { timeout: 120_000 }, async () => {
  await mkdir(path.join(t.home, '.config', 'go'), { recursive: true });
  await rm(path.join(t.home, '.config', 'go', 'env'), { force: true });
  execFileSync('mkfifo', [path.join(t.home, '.config', 'go', 'env')]);
  const r = await cli(['use', 'global', '--shells', 'bash']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /\.config\/go\/env \(the go env file\) is not a regular file; remove it or set GOENV to a file/);
});
