// atomicWrite on real files: links, modes, read-only refusal, temp-file hygiene, and kill -9.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { atomicWrite, WriteRefusedError } from '../../../electron/core/apply/atomic-write.js';
import { resolveLinkChain } from '../../../electron/core/apply/resolve-link.js';
import { fileRefusal } from '../../../electron/core/apply/writability.js';
import { helperScript, makeTempHome, type TempHome } from './helpers.js';

let t: TempHome;
before(async () => {
  t = await makeTempHome();
});
after(() => t.cleanup());

describe('atomicWrite', () => {
  it('writes through a symlink to its target; the link stays a link', async () => {
    const repo = path.join(t.home, 'dotfiles');
    await mkdir(repo);
    await writeFile(path.join(repo, 'bashrc'), 'old\n');
    const link = path.join(t.home, '.bashrc-link');
    await symlink('dotfiles/bashrc', link);
    await atomicWrite(link, Buffer.from('new\n'));
    assert.ok((await lstat(link)).isSymbolicLink());
    assert.equal(await readlink(link), 'dotfiles/bashrc');
    assert.equal(await readFile(path.join(repo, 'bashrc'), 'utf8'), 'new\n');
  });

  it('follows a chain of links (relative and absolute) to the final file', async () => {
    const dir = path.join(t.home, 'chain');
    await mkdir(path.join(dir, 'a', 'b'), { recursive: true });
    await writeFile(path.join(dir, 'a', 'b', 'real'), 'v1');
    await symlink(path.join(dir, 'a', 'b', 'real'), path.join(dir, 'a', 'hop2'));
    await symlink('a/hop2', path.join(dir, 'hop1'));
    await symlink('hop1', path.join(dir, 'start'));
    const resolved = await resolveLinkChain(path.join(dir, 'start'));
    assert.equal(resolved.finalPath, path.join(dir, 'a', 'b', 'real'));
    assert.equal(resolved.links.length, 3);
    await atomicWrite(path.join(dir, 'start'), Buffer.from('v2'));
    assert.equal(await readFile(path.join(dir, 'a', 'b', 'real'), 'utf8'), 'v2');
    for (const l of ['start', 'hop1', 'a/hop2']) assert.ok((await lstat(path.join(dir, l))).isSymbolicLink(), `${l} is still a link`);
  });

  it('a dangling link gets its target created', async () => {
    const link = path.join(t.home, 'dangling');
    await symlink('dangling-target/file', link);
    await atomicWrite(link, Buffer.from('x'));
    assert.ok((await lstat(link)).isSymbolicLink());
    assert.equal(await readFile(path.join(t.home, 'dangling-target', 'file'), 'utf8'), 'x');
  });

  it('a link loop is refused with a clear error', async () => {
    await symlink('loop-b', path.join(t.home, 'loop-a'));
    await symlink('loop-a', path.join(t.home, 'loop-b'));
    await assert.rejects(atomicWrite(path.join(t.home, 'loop-a'), Buffer.from('x')), /chain of more than 40 symbolic links/);
  });

  it('keeps the mode (0600) of the existing file and uses 0644 for a new one', async () => {
    const f = path.join(t.home, 'private');
    await writeFile(f, 'a', { mode: 0o600 });
    chmodSync(f, 0o600);
    await atomicWrite(f, Buffer.from('b'));
    assert.equal((await stat(f)).mode & 0o7777, 0o600);
    const g = path.join(t.home, 'fresh');
    await atomicWrite(g, Buffer.from('b'));
    assert.equal((await stat(g)).mode & 0o7777, 0o644);
  });

  it('refuses a read-only file even when running as root, and leaves it unchanged', async () => {
    const f = path.join(t.home, 'readonly');
    await writeFile(f, 'keep');
    chmodSync(f, 0o444);
    await assert.rejects(atomicWrite(f, Buffer.from('nope')), (err: Error) => err instanceof WriteRefusedError && /is read-only \(mode 0444\)/.test(err.message));
    assert.equal(await readFile(f, 'utf8'), 'keep');
    assert.deepEqual((await readdir(t.home)).filter((n) => n.includes('goproxyctl-tmp')), []);
  });

  it('refuses a file in a read-only directory', async () => {
    const dir = path.join(t.home, 'rodir');
    await mkdir(dir);
    await writeFile(path.join(dir, 'f'), 'keep');
    chmodSync(dir, 0o555);
    try {
      await assert.rejects(atomicWrite(path.join(dir, 'f'), Buffer.from('nope')), /the directory .*rodir is read-only/);
      assert.equal(await readFile(path.join(dir, 'f'), 'utf8'), 'keep');
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('the refusal rule itself: the owner write bit decides, then access()', () => {
    const facts = { exists: true, isFile: true, isDirectory: false, accessOk: true };
    assert.equal(fileRefusal('/f', { ...facts, mode: 0o644 }), null);
    assert.match(fileRefusal('/f', { ...facts, mode: 0o444 }) ?? '', /read-only/);
    assert.match(fileRefusal('/f', { ...facts, mode: 0o466 }) ?? '', /read-only/);
    assert.match(fileRefusal('/f', { ...facts, mode: 0o644, accessOk: false }) ?? '', /permission/);
    assert.match(fileRefusal('/f', { ...facts, isFile: false, mode: 0o755 }) ?? '', /not a regular file/);
    assert.equal(fileRefusal('/f', { ...facts, exists: false, mode: 0 }), null);
  });

  it('removes temp files orphaned by dead writers, and only those', async () => {
    const dir = path.join(t.home, 'orphans');
    await mkdir(dir);
    // A pid that cannot be alive (above pid_max) and a user's own look-alike backup.
    await writeFile(path.join(dir, '.rc.goproxyctl-tmp-99999999-0123456789ab'), 'partial');
    await writeFile(path.join(dir, '.bashrc.12345'), 'user backup');
    await atomicWrite(path.join(dir, 'rc'), Buffer.from('x'));
    assert.deepEqual((await readdir(dir)).sort(), ['.bashrc.12345', 'rc']);
  });
});

describe('atomicWrite under kill -9', () => {
  it('the file is always the old or the new version, never partial, and orphans get cleaned', async () => {
    const dir = path.join(t.home, 'kill');
    await mkdir(dir);
    const target = path.join(dir, 'big');
    const a = Buffer.alloc(4 * 1024 * 1024, 'a');
    const b = Buffer.alloc(3 * 1024 * 1024 + 17, 'b');
    await writeFile(path.join(dir, 'A'), a);
    await writeFile(path.join(dir, 'B'), b);
    await writeFile(target, a);
    let sawB = 0;
    let leftovers = 0;
    for (let round = 0; round < 24; round++) {
      const child = spawn(process.execPath, [helperScript('kill-writer-child'), target, path.join(dir, 'A'), path.join(dir, 'B')], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 120));
      child.kill('SIGKILL');
      await exited;
      const now = await readFile(target);
      assert.ok(now.equals(a) || now.equals(b), `round ${round}: file is ${now.length} bytes, neither version`);
      if (now.equals(b)) sawB++;
      leftovers += (await readdir(dir)).filter((n) => n.includes('goproxyctl-tmp')).length;
    }
    // A later write cleans whatever the killed writers left behind.
    await atomicWrite(target, a);
    assert.deepEqual((await readdir(dir)).sort(), ['A', 'B', 'big']);
    assert.ok(sawB > 0, 'the child did get to replace the file between kills');
    console.log(`kill -9: 24 rounds, ${sawB} ended on version B, ${leftovers} orphaned temp files seen and then cleaned`);
  });
});
