// The one PATH lookup (electron/core/system/find-on-path.ts), for each platform with its platform
// and environment passed explicitly: Windows cases run here with a recorded file system, POSIX
// ones against real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { candidateNames, envValue, findOnPath } from '../../../electron/core/system/find-on-path.js';
import { findGoBinary } from '../../../electron/core/goenv/locate-go.js';
import { makeTempHome } from '../../support/temp-home.js';

/** A Windows file system of these (case-insensitive) paths; records what was probed. */
function windowsFiles(...files: string[]) {
  const present = new Set(files.map((f) => f.toLowerCase()));
  const probed: string[] = [];
  return {
    probed,
    isExecutable: (file: string, platform: NodeJS.Platform) => {
      assert.equal(platform, 'win32');
      probed.push(file);
      return present.has(file.toLowerCase());
    },
  };
}

test('Windows: the Path variable whatever its case, ";" between entries, quotes stripped', () => {
  const fs = windowsFiles('C:\\Program Files\\nodejs\\node.exe');
  const env = { Path: 'C:\\Windows\\system32;;"C:\\Program Files\\nodejs"', PATHEXT: '.COM;.EXE;.BAT;.CMD' };
  assert.equal(findOnPath('node', env, { platform: 'win32', isExecutable: fs.isExecutable }), 'C:\\Program Files\\nodejs\\node.exe');
  assert.deepEqual(fs.probed.slice(0, 4), ['C:\\Windows\\system32\\node.com', 'C:\\Windows\\system32\\node.exe', 'C:\\Windows\\system32\\node.bat', 'C:\\Windows\\system32\\node.cmd']);
  assert.equal(findOnPath('node', { path: 'C:\\tools', PathExt: '.EXE' }, { platform: 'win32', isExecutable: windowsFiles('C:\\tools\\node.exe').isExecutable }), 'C:\\tools\\node.exe');
});

test('Windows: PATHEXT order decides, a name with its extension is taken as is, the default PATHEXT applies', () => {
  const both = windowsFiles('C:\\bin\\go.cmd', 'C:\\bin\\go.exe');
  assert.equal(findOnPath('go', { PATH: 'C:\\bin', PATHEXT: '.EXE;.CMD' }, { platform: 'win32', isExecutable: both.isExecutable }), 'C:\\bin\\go.exe');
  assert.equal(findOnPath('go', { PATH: 'C:\\bin', PATHEXT: '.CMD;.EXE' }, { platform: 'win32', isExecutable: both.isExecutable }), 'C:\\bin\\go.cmd');
  assert.deepEqual(candidateNames('node.EXE', { PATHEXT: '.EXE' }, 'win32'), ['node.EXE']);
  assert.deepEqual(candidateNames('node', {}, 'win32'), ['node.com', 'node.exe', 'node.bat', 'node.cmd']);
  assert.equal(findOnPath('node', { PATH: 'C:\\bin' }, { platform: 'win32', isExecutable: windowsFiles().isExecutable }), null);
  assert.equal(envValue({ Path: 'x' }, 'PATH', 'win32'), 'x');
  assert.equal(envValue({ Path: 'x' }, 'PATH', 'linux'), undefined, 'POSIX variables are case-sensitive');
});

test('POSIX: ":" between entries, the exact name, only executable files', async (t) => {
  const home = await makeTempHome('goproxyctl-find-on-path-');
  t.after(() => home.cleanup());
  const [a, b] = [path.join(home.home, 'a'), path.join(home.home, 'b')];
  await mkdir(a);
  await mkdir(b);
  await writeFile(path.join(a, 'tool'), '#!/bin/sh\n'); // not executable
  await mkdir(path.join(a, 'go')); // a directory is not a program
  await writeFile(path.join(b, 'tool'), '#!/bin/sh\n');
  await chmod(path.join(b, 'tool'), 0o755);
  await writeFile(path.join(b, 'go'), '#!/bin/sh\n');
  await chmod(path.join(b, 'go'), 0o755);
  const env = { PATH: `${a}::${b}` };
  assert.equal(findOnPath('tool', env, { platform: 'linux' }), path.join(b, 'tool'));
  assert.equal(findOnPath('go', env, { platform: 'linux' }), path.join(b, 'go'));
  assert.equal(findOnPath('tool.exe', env, { platform: 'linux' }), null);
  assert.equal(findOnPath('tool', { Path: b }, { platform: 'linux' }), null, 'POSIX reads PATH only');
  assert.equal(findGoBinary(env, 'linux'), path.join(b, 'go'), 'go is found by the same lookup');
});
