// "Install command-line tool" for real, under a temporary HOME: the launcher linked into
// ~/.local/bin runs the bundled CLI the way the packaged app's launcher does, with this Node
// standing in for the app's Electron binary (both run the CLI as Node when ELECTRON_RUN_AS_NODE=1).
// Uninstall removes the link it made and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { lstat, mkdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { productDirs } from '../../../electron/core/apply/index.js';
import {
  BUNDLED_CLI_ENTRY,
  cliToolStatus,
  ensureLauncher,
  installCliTool,
  installedLink,
  launcherPath,
  LAUNCHER_ENV,
  uninstallCliTool,
  type CliInstallHost,
} from '../../../electron/core/cli-install/index.js';
import { createService } from '../../../electron/core/service/service.js';
import type { CliToolView } from '../../../shared/contract/responses.js';
import { cliPath, repoRoot } from '../../support/paths.js';
import { makeTempHome } from '../../support/temp-home.js';

const run = promisify(execFile);
const noRunner: CliInstallHost['runner'] = () => Promise.reject(new Error('no registry on Linux'));
const version = (JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

async function withHome(fn: (home: string, host: CliInstallHost, launcher: string) => Promise<void>): Promise<void> {
  const temp = await makeTempHome('goproxyctl-cli-install-');
  const bin = path.join(temp.home, '.local', 'bin');
  const host: CliInstallHost = { env: { ...temp.env, PATH: `${bin}:${temp.env.PATH}` }, platform: 'linux', dirs: productDirs(temp.env, 'linux'), runner: noRunner };
  try {
    await fn(temp.home, host, launcherPath(host.dirs, 'linux'));
  } finally {
    await temp.cleanup();
  }
}

test('the bundled CLI entry is the one the checkout runs', () => {
  assert.equal(BUNDLED_CLI_ENTRY, cliPath);
});

test('install links the launcher into ~/.local/bin; `goproxyctl --version` runs from PATH; uninstall removes only the link', async () => {
  await withHome(async (home, host, launcher) => {
    await ensureLauncher({ execPath: process.execPath, script: BUNDLED_CLI_ENTRY }, launcher, 'linux');
    const before = await cliToolStatus(host, launcher);
    assert.deepEqual({ installed: before.installed, onPath: before.onPath, conflict: before.conflict }, { installed: false, onPath: true, conflict: null });
    assert.equal(before.target, path.join(home, '.local', 'bin', 'goproxyctl'));

    await installCliTool(host, launcher);
    assert.equal(await readlink(before.target), launcher);
    assert.equal(installedLink(host, launcher), before.target);
    assert.equal((await cliToolStatus(host, launcher)).installed, true);
    // Found by name on PATH, as a shell finds it; the CLI answers with the package's version.
    const { stdout } = await run('goproxyctl', ['--version'], { env: host.env });
    assert.equal(stdout.trim(), version);
    await installCliTool(host, launcher); // again: already ours, replaced in place
    assert.equal(await readlink(before.target), launcher);

    assert.equal(await uninstallCliTool(host, launcher), true);
    await assert.rejects(lstat(before.target), { code: 'ENOENT' });
    assert.ok((await lstat(launcher)).isFile(), 'the launcher stays: it is also the GOAUTH helper');
    assert.equal(await uninstallCliTool(host, launcher), false, 'nothing of ours left to remove');
  });
});

test('the launcher sets ELECTRON_RUN_AS_NODE and its own path, and passes every argument through, whatever the paths contain', async () => {
  await withHome(async (home, host) => {
    // A stand-in CLI in a directory with a space and a quote, and a launcher in one too.
    const dir = path.join(home, "it's an app");
    await mkdir(dir, { recursive: true });
    const script = path.join(dir, 'echo-cli.js');
    await writeFile(script, `console.log(JSON.stringify({ runAsNode: process.env.ELECTRON_RUN_AS_NODE, launcher: process.env.${LAUNCHER_ENV}, args: process.argv.slice(2) }));\n`);
    const launcher = path.join(dir, 'bin $x', 'goproxyctl');
    assert.equal(await ensureLauncher({ execPath: process.execPath, script }, launcher, 'linux'), true);
    assert.equal(await ensureLauncher({ execPath: process.execPath, script }, launcher, 'linux'), false, 'unchanged: not rewritten');
    assert.equal((await lstat(launcher)).mode & 0o777, 0o755);
    const args = ['a b', "c'd", '$HOME', '--json', ''];
    const { stdout } = await run(launcher, args, { env: host.env });
    assert.deepEqual(JSON.parse(stdout), { runAsNode: '1', launcher, args });
  });
});

test("install refuses to replace a goproxyctl that is not ours, and uninstall leaves it alone", async () => {
  await withHome(async (home, host, launcher) => {
    await ensureLauncher({ execPath: process.execPath, script: BUNDLED_CLI_ENTRY }, launcher, 'linux');
    const target = path.join(home, '.local', 'bin', 'goproxyctl');
    await mkdir(path.dirname(target), { recursive: true });

    await writeFile(target, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    await assert.rejects(installCliTool(host, launcher), /already exists \(a file that is not a link to GoProxy Control\): remove it first/);
    assert.equal((await cliToolStatus(host, launcher)).conflict, 'a file that is not a link to GoProxy Control');
    assert.equal(await uninstallCliTool(host, launcher), false);
    assert.equal(await readFile(target, 'utf8'), '#!/bin/sh\necho mine\n');

    await writeFile(target + '.real', 'x');
    await rm(target);
    await symlink(target + '.real', target);
    await assert.rejects(installCliTool(host, launcher), /a link to .*goproxyctl\.real/);
    assert.equal(await uninstallCliTool(host, launcher), false);
    assert.equal(await readlink(target), target + '.real');
  });
});

test('through the service: status, install and uninstall; a front end without a runtime says where to install it', async () => {
  await withHome(async (home, host, launcher) => {
    const service = createService({ env: host.env, loginItem: null, helperArgv: [], cliTool: { runtime: { execPath: process.execPath, script: BUNDLED_CLI_ENTRY } } });
    try {
      await service.ready;
      // Start-up wrote the launcher (the GOAUTH helper needs it even before any install).
      assert.match(await readFile(launcher, 'utf8'), /ELECTRON_RUN_AS_NODE=1/);
      const status = await service.dispatch('cliToolStatus', {});
      assert.ok(status.ok);
      assert.deepEqual({ ...(status.value as CliToolView) }, {
        available: true,
        unavailable: null,
        launcher,
        target: path.join(home, '.local', 'bin', 'goproxyctl'),
        installed: false,
        onPath: true,
        conflict: null,
        launcherProblem: null,
      });
      const installed = await service.dispatch('installCliTool', {});
      assert.ok(installed.ok && (installed.value as CliToolView).installed);
      const removed = await service.dispatch('uninstallCliTool', {});
      assert.ok(removed.ok && !(removed.value as CliToolView).installed);
      // A goproxyctl of someone else's: the refusal is the command's error, in one sentence.
      await writeFile(path.join(home, '.local', 'bin', 'goproxyctl'), '#!/bin/sh\n', { mode: 0o755 });
      const refused = await service.dispatch('installCliTool', {});
      assert.ok(!refused.ok && refused.error.code === 'failed' && /goproxyctl already exists \(a file that is not a link to GoProxy Control\): remove it first/.test(refused.error.message), JSON.stringify(refused));
    } finally {
      await service.shutdown();
    }

    const bare = createService({ env: host.env, loginItem: null, helperArgv: [] });
    try {
      await bare.ready;
      const status = await bare.dispatch('cliToolStatus', {});
      assert.ok(status.ok && (status.value as CliToolView).available === false && (status.value as CliToolView).unavailable === 'no-runtime');
      assert.deepEqual(await bare.dispatch('installCliTool', {}), {
        ok: false,
        error: { code: 'failed', message: 'this front end cannot install the command-line tool: use "Install command-line tool" in the desktop app, or `goproxyctl serve`' },
      });
    } finally {
      await bare.shutdown();
    }
  });
});
