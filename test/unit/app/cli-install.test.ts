// The pieces of "Install command-line tool" that do not need a real PATH (the real install is in
// test/integration/cli-install): the launcher's text for each platform, PATH matching, the
// Windows Path entry with reg.exe faked, the GOAUTH helper's command, the tray's notification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cliInstallNotice } from '../../../electron/app/cli-install-notice.js';
import { cliToolSource } from '../../../electron/app/cli-runtime.js';
import { productDirs } from '../../../electron/core/apply/index.js';
import type { CommandResult, CommandRunner } from '../../../electron/core/apply/windows-user-env.js';
import {
  BUNDLED_CLI_ENTRY,
  cliToolStatus,
  helperArgvFor,
  installCliTool,
  installTarget,
  isOnPath,
  isOurLauncher,
  launcherPath,
  launcherText,
  selfCommand,
  uninstallCliTool,
} from '../../../electron/core/cli-install/index.js';
import { profileVars } from '../../../electron/core/use/profile-vars.js';
import { BUILTIN_PROFILES, type Profile } from '../../../shared/profile/index.js';

test('the POSIX launcher: ELECTRON_RUN_AS_NODE, the binary and the entry quoted for sh, arguments passed as they are', () => {
  const text = launcherText({ execPath: "/opt/GoProxy Control/goproxy-control", script: "/opt/GoProxy Control/resources/app.asar/bin/goproxyctl.js" }, "/home/o'neil/.local/share/goproxyctl/bin/goproxyctl", 'linux');
  assert.equal(
    text,
    [
      '#!/bin/sh',
      "# goproxyctl launcher, written by GoProxy Control: runs the command-line tool with the app's own binary.",
      'ELECTRON_RUN_AS_NODE=1',
      "GOPROXYCTL_LAUNCHER='/home/o'\\''neil/.local/share/goproxyctl/bin/goproxyctl'",
      'export ELECTRON_RUN_AS_NODE GOPROXYCTL_LAUNCHER',
      "exec '/opt/GoProxy Control/goproxy-control' '/opt/GoProxy Control/resources/app.asar/bin/goproxyctl.js' \"$@\"",
      '',
    ].join('\n'),
  );
  assert.ok(isOurLauncher(text));
  assert.ok(!isOurLauncher('#!/bin/sh\nexec node /usr/lib/node_modules/goproxyctl/bin/goproxyctl.js "$@"\n'));
  assert.throws(() => launcherText({ execPath: '/a\nrm -rf ~', script: '/s' }, '/l', 'linux'), /line break/);
});

test('the Windows launcher: a .cmd with CRLF, %% for %, the exit code passed on', () => {
  const text = launcherText({ execPath: 'C:\\Program Files\\GoProxy Control\\GoProxy Control.exe', script: 'C:\\Program Files\\GoProxy Control\\resources\\app.asar\\bin\\goproxyctl.js' }, 'C:\\Users\\a%b\\AppData\\Local\\goproxyctl\\Data\\bin\\goproxyctl.cmd', 'win32');
  assert.deepEqual(text.split('\r\n'), [
    '@echo off',
    "rem goproxyctl launcher, written by GoProxy Control: runs the command-line tool with the app's own binary.",
    'setlocal',
    'set ELECTRON_RUN_AS_NODE=1',
    'set GOPROXYCTL_LAUNCHER=C:\\Users\\a%%b\\AppData\\Local\\goproxyctl\\Data\\bin\\goproxyctl.cmd',
    '"C:\\Program Files\\GoProxy Control\\GoProxy Control.exe" "C:\\Program Files\\GoProxy Control\\resources\\app.asar\\bin\\goproxyctl.js" %*',
    'exit /b %ERRORLEVEL%',
    '',
  ]);
  assert.ok(isOurLauncher(text));
  assert.equal(path.win32.basename(launcherPath(productDirs({ USERPROFILE: 'C:\\Users\\a', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32'), 'win32')), 'goproxyctl.cmd');
});

test('where install puts it on each platform, and PATH matching', () => {
  const linux = { env: { HOME: '/home/a' }, platform: 'linux' as const, dirs: productDirs({ HOME: '/home/a' }, 'linux') };
  assert.deepEqual(installTarget(linux), { kind: 'symlink', path: '/home/a/.local/bin/goproxyctl', dir: '/home/a/.local/bin' });
  assert.equal(launcherPath(linux.dirs, 'linux'), '/home/a/.local/share/goproxyctl/bin/goproxyctl');
  const mac = { env: { HOME: '/Users/a' }, platform: 'darwin' as const, dirs: productDirs({ HOME: '/Users/a' }, 'darwin') };
  assert.deepEqual(installTarget(mac), { kind: 'symlink', path: '/usr/local/bin/goproxyctl', dir: '/usr/local/bin' });
  const winEnv = { USERPROFILE: 'C:\\Users\\a', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };
  assert.deepEqual(installTarget({ env: winEnv, platform: 'win32', dirs: productDirs(winEnv, 'win32') }), {
    kind: 'path-entry',
    path: 'C:\\Users\\a\\AppData\\Local\\goproxyctl\\Data\\bin',
    dir: 'C:\\Users\\a\\AppData\\Local\\goproxyctl\\Data\\bin',
  });

  assert.ok(isOnPath('/home/a/.local/bin', '/usr/bin:/home/a/.local/bin/:/bin', 'linux'), 'a trailing slash is the same directory');
  assert.ok(!isOnPath('/home/a/.local/bin', '/usr/bin::/bin', 'linux'));
  assert.ok(!isOnPath('/home/a/.local/bin', undefined, 'linux'));
  assert.ok(isOnPath('C:\\Users\\a\\bin', 'C:\\Windows;"c:\\users\\A\\BIN\\";', 'win32'), 'case, quotes and a trailing backslash do not matter on Windows');
});

/** A fake HKCU\Environment holding the user's Path (REG_SZ, as reg.exe prints it). */
function fakeRegistry(initial: string | null): { runner: CommandRunner; path: () => string | null } {
  let value = initial;
  const answer = (command: string, args: readonly string[]): CommandResult => {
    if (command !== 'reg') return { code: 0, stdout: '', stderr: '' };
    const [verb, key, , name] = args;
    assert.deepEqual([key, name], ['HKCU\\Environment', 'Path']);
    if (verb === 'query')
      return value === null ? { code: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' } : { code: 0, stdout: `\r\nHKEY_CURRENT_USER\\Environment\r\n    Path    REG_SZ    ${value}\r\n\r\n`, stderr: '' };
    if (verb === 'add') value = args[args.indexOf('/d') + 1]!;
    if (verb === 'delete') value = null;
    return { code: 0, stdout: 'The operation completed successfully.\r\n', stderr: '' };
  };
  const runner: CommandRunner = (command, args) => Promise.resolve(answer(command, args));
  return { runner, path: () => value };
}

test('Windows: install appends the launcher directory to the user Path once; uninstall removes only that entry', async () => {
  const env = { USERPROFILE: 'C:\\Users\\a', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', Path: 'C:\\Windows' };
  const dirs = productDirs(env, 'win32');
  const launcher = launcherPath(dirs, 'win32');
  const dir = 'C:\\Users\\a\\AppData\\Local\\goproxyctl\\Data\\bin';
  const reg = fakeRegistry('C:\\tools;');
  const host = { env, platform: 'win32' as const, dirs, runner: reg.runner };

  assert.equal((await cliToolStatus(host, launcher)).installed, false);
  await installCliTool(host, launcher);
  assert.equal(reg.path(), `C:\\tools;${dir}`);
  await installCliTool(host, launcher);
  assert.equal(reg.path(), `C:\\tools;${dir}`, 'not added twice');
  const status = await cliToolStatus(host, launcher);
  assert.deepEqual({ installed: status.installed, onPath: status.onPath, target: status.target }, { installed: true, onPath: true, target: dir });
  assert.equal(await uninstallCliTool(host, launcher), true);
  assert.equal(reg.path(), 'C:\\tools');
  assert.equal(await uninstallCliTool(host, launcher), false);

  const empty = fakeRegistry(null);
  await installCliTool({ ...host, runner: empty.runner }, launcher);
  assert.equal(empty.path(), dir);
  await uninstallCliTool({ ...host, runner: empty.runner }, launcher);
  assert.equal(empty.path(), null, 'a Path that held only our entry is removed, not left empty');

  // reg.exe add writes REG_SZ: rewriting a Path with %VARIABLES% would stop them expanding.
  const expandable = fakeRegistry('%USERPROFILE%\\go\\bin');
  await assert.rejects(installCliTool({ ...host, runner: expandable.runner }, launcher), /uses %VARIABLES%.*add C:\\Users\\a\\AppData\\Local\\goproxyctl\\Data\\bin to Path yourself/);
  assert.equal(expandable.path(), '%USERPROFILE%\\go\\bin');
});

test('GOAUTH runs the launcher: one path without a space, the installed link when the launcher has one', () => {
  assert.deepEqual(helperArgvFor('/home/a/.local/share/goproxyctl/bin/goproxyctl', null), ['/home/a/.local/share/goproxyctl/bin/goproxyctl']);
  assert.deepEqual(helperArgvFor('/Users/a/Library/Application Support/goproxyctl/bin/goproxyctl', '/usr/local/bin/goproxyctl'), ['/usr/local/bin/goproxyctl']);
  assert.deepEqual(helperArgvFor('/Users/a/Library/Application Support/goproxyctl/bin/goproxyctl', null), []);
  const withCredentials: Profile = { ...BUILTIN_PROFILES.find((p) => p.id === 'global')!, credentials: [{ origin: 'https://athens.corp.example' }] };
  assert.equal(profileVars(withCredentials, 'go1.24.0', ['/home/a/.local/share/goproxyctl/bin/goproxyctl']).vars.GOAUTH, 'netrc;command /home/a/.local/share/goproxyctl/bin/goproxyctl auth helper');
  const none = profileVars(withCredentials, 'go1.24.0', []);
  assert.equal('GOAUTH' in none.vars, false);
  assert.match(none.notes[0]!, /^GOAUTH was not set because go has no command to run goproxyctl with here \(the app runs from an AppImage/);
});

test('how the CLI runs itself again: its launcher, else node and the script, never a bare Electron binary', () => {
  const node = { execPath: '/usr/bin/node', argv: ['/usr/bin/node', '/src/bin/goproxyctl.js'], versions: { node: '20' } as NodeJS.ProcessVersions };
  assert.deepEqual(selfCommand({}, node), ['/usr/bin/node', '/src/bin/goproxyctl.js']);
  assert.deepEqual(selfCommand({ GOPROXYCTL_LAUNCHER: '/home/a/.local/share/goproxyctl/bin/goproxyctl' }, node), ['/home/a/.local/share/goproxyctl/bin/goproxyctl']);
  const electron = { ...node, execPath: '/opt/GoProxy/goproxy-control', versions: { node: '20', electron: '40.8.5' } as NodeJS.ProcessVersions };
  assert.deepEqual(selfCommand({}, electron), [], 'without the launcher, Electron would start the tray app');
});

test('the desktop app: its own binary and the bundled entry, except from an AppImage', () => {
  assert.deepEqual(cliToolSource({ execPath: '/opt/GoProxy Control/goproxy-control', env: {} }), { runtime: { execPath: '/opt/GoProxy Control/goproxy-control', script: BUNDLED_CLI_ENTRY } });
  assert.deepEqual(cliToolSource({ execPath: '/tmp/.mount_x/goproxy-control', env: { APPIMAGE: '/home/a/GoProxy.AppImage' } }), { unavailable: 'appimage' });
});

test("the tray's notification after Install command-line tool, in English and Chinese", () => {
  const posixDirname = (p: string): string => path.posix.dirname(p);
  const view = { available: true, unavailable: null, launcher: '/l', target: '/home/a/.local/bin/goproxyctl', installed: true, onPath: true, conflict: null, launcherProblem: null };
  const en = 'en';
  assert.deepEqual(cliInstallNotice({ ok: true, value: view }, posixDirname, en), { title: 'goproxyctl is on your PATH', body: 'Open a new terminal and run: goproxyctl --help (/home/a/.local/bin/goproxyctl)' });
  assert.deepEqual(cliInstallNotice({ ok: true, value: { ...view, onPath: false } }, posixDirname, en).body, 'Installed at /home/a/.local/bin/goproxyctl, but /home/a/.local/bin is not on your PATH yet: add it in your shell profile');
  assert.deepEqual(cliInstallNotice({ ok: false, error: { code: 'failed', message: '/usr/local/bin is not writable for you: run sudo ...' } }, posixDirname, en), {
    title: 'Could not install the command-line tool',
    body: '/usr/local/bin is not writable for you: run sudo ...',
  });
  assert.equal(cliInstallNotice({ ok: true, value: view }, posixDirname, 'zh-CN').title, 'goproxyctl 已加入 PATH');
});
