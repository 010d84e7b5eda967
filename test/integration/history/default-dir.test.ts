import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const moduleUrl = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron/core/history/default-dir.js')).href;

// In a child process: env-paths reads the home directory when it is first imported.
async function defaultDirWith(env: Record<string, string>): Promise<string> {
  const code = `const { defaultHistoryDir } = await import(${JSON.stringify(moduleUrl)}); process.stdout.write(defaultHistoryDir());`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 10_000 });
  return stdout;
}

test('the default history directory follows XDG_DATA_HOME, else HOME/.local/share (Linux)', { skip: process.platform !== 'linux' }, async () => {
  assert.equal(await defaultDirWith({ HOME: '/tmp/some-home', XDG_DATA_HOME: '/tmp/xdg-data' }), path.join('/tmp/xdg-data', 'goproxyctl', 'history'));
  assert.equal(await defaultDirWith({ HOME: '/tmp/some-home' }), path.join('/tmp/some-home', '.local', 'share', 'goproxyctl', 'history'));
});
