// Launch at login on Linux: the XDG autostart entry, generated and written for real under a
// temporary XDG_CONFIG_HOME.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { linuxLaunchCommand } from '../../../electron/app/login-item.js';
import { autostartPath, desktopEntry, disableAutostart, enableAutostart, execArg, isAutostartEnabled } from '../../../electron/core/service/autostart.js';

test('Exec quoting follows the Desktop Entry spec', () => {
  assert.equal(execArg('/opt/GoProxy/goproxyctl'), '/opt/GoProxy/goproxyctl');
  assert.equal(execArg('/home/u/My Apps/GoProxy Control.AppImage'), '"/home/u/My Apps/GoProxy Control.AppImage"');
  assert.equal(execArg('/a/$HOME/b"c'), '"/a/\\\\$HOME/b\\\\"c"', 'quote-level escape, then the value-level \\\\');
  assert.equal(execArg('/a/100%'), '"/a/100%%"');
  assert.throws(() => execArg('/a\n[Desktop Entry]'), /line break/);
});

test('the entry, and where it goes', () => {
  const entry = desktopEntry({ name: 'GoProxy Control', comment: 'c', command: ['/opt/x y/app', '--hidden'] });
  assert.match(entry, /^\[Desktop Entry\]\nType=Application\n/);
  assert.match(entry, /\nExec="\/opt\/x y\/app" --hidden\n/);
  assert.equal(autostartPath({ XDG_CONFIG_HOME: '/cfg', HOME: '/h' }), path.join('/cfg', 'autostart', 'goproxyctl.desktop'));
  assert.equal(autostartPath({ XDG_CONFIG_HOME: 'relative', HOME: '/h' }), path.join('/h', '.config', 'autostart', 'goproxyctl.desktop'), 'a relative XDG path is ignored, as the spec says');
  assert.deepEqual(linuxLaunchCommand({ execPath: '/e', appImage: '/x.AppImage', appPath: '/a', packaged: true }), ['/x.AppImage', '--hidden']);
  assert.deepEqual(linuxLaunchCommand({ execPath: '/e', appImage: undefined, appPath: '/a', packaged: false }), ['/e', '/a', '--hidden']);
});

test('enable, detect, disable: a real file under XDG_CONFIG_HOME', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-autostart-'));
  const env = { XDG_CONFIG_HOME: dir, HOME: dir };
  try {
    assert.equal(await isAutostartEnabled(env), false);
    await enableAutostart(env, desktopEntry({ name: 'GoProxy Control', comment: 'c', command: ['/e'] }));
    assert.equal(await isAutostartEnabled(env), true);
    assert.equal((await stat(autostartPath(env))).mode & 0o777, 0o644);
    assert.match(await readFile(autostartPath(env), 'utf8'), /Exec=\/e\n/);
    await disableAutostart(env);
    assert.equal(await isAutostartEnabled(env), false);
    await disableAutostart(env); // idempotent
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
