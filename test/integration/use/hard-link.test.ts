// A hard-linked ~/.bashrc (two names, one inode: a dotfiles checkout linked with `ln`, not `ln -s`)
// through the built CLI with the real go and bash: `use` writes the block into the shared inode, so
// both names see it, and `undo` restores the bytes into that same inode, so the link survives both.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { link, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, test } from 'node:test';
import { readManagedBlock } from '../../../electron/core/apply/managed-block.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { GO123, makeTempHome, type TempHome } from '../apply/helpers.js';

const run = promisify(execFile);
const ORIGINAL = '# shared with the dotfiles checkout\nalias ll="ls -l"\n';

let t: TempHome;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  t = await makeTempHome();
  env = { ...t.env, GOPROXYCTL_GO: GO123, PATH: `${path.dirname(GO123)}:${t.env.PATH}` };
});
afterEach(() => t.cleanup());

function cli(args: string[]) {
  return runCommand(process.execPath, [cliPath, ...args], { env, cwd: t.home, timeoutMs: 90_000 });
}

test('use and undo keep a hard-linked .bashrc linked, and undo restores its bytes', { timeout: 180_000 }, async () => {
  await mkdir(path.join(t.home, 'dotfiles'));
  const checkout = path.join(t.home, 'dotfiles', 'bashrc');
  const bashrc = path.join(t.home, '.bashrc');
  await writeFile(checkout, ORIGINAL, { mode: 0o640 });
  await link(checkout, bashrc);
  const inode = (await stat(bashrc)).ino;

  const use = await cli(['use', 'china', '--shells', 'bash']);
  assert.ok(use.code === 0, use.stderr + use.stdout);
  const afterUse = await stat(bashrc);
  assert.equal(afterUse.ino, inode, 'use kept the inode');
  assert.equal(afterUse.nlink, 2, 'both names still share it');
  assert.equal(afterUse.mode & 0o777, 0o640);
  assert.ok(readManagedBlock(await readFile(checkout)) !== null, 'the checkout sees the block through the link');
  const bashGets = await run('bash', ['-c', '. "$HOME/.bashrc"; printf %s "$GOPROXY"'], { env });
  assert.equal(bashGets.stdout, 'https://goproxy.cn|https://mirrors.aliyun.com/goproxy/,direct');

  const undo = await cli(['undo']);
  assert.equal(undo.code, 0, undo.stderr);
  const afterUndo = await stat(bashrc);
  assert.equal(afterUndo.ino, inode, 'undo kept the inode');
  assert.equal(afterUndo.nlink, 2);
  assert.equal(await readFile(checkout, 'utf8'), ORIGINAL);
  assert.equal(await readFile(bashrc, 'utf8'), ORIGINAL);
});
