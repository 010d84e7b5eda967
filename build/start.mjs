#!/usr/bin/env node
// `npm start`: builds what the app needs, then launches Electron when its binary is installed,
// otherwise headless mode (`goproxyctl serve`), saying why in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(title, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm start: ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

/** The Electron binary's path, or why there is none (the electron package writes path.txt once it downloaded it). */
function electronBinary() {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'the Electron binary is not installed (node_modules/electron/path.txt is absent)' };
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { missing: `the Electron binary is missing (${binary})` };
}

run('typecheck and build (tsc -b)', bin('tsc'), ['-b']);
run('renderer build (vite)', process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
run('preload build (vite)', process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'preload', '--logLevel', 'warn']);

const electron = electronBinary();
const [cmd, args, why] = electron.binary
  ? [electron.binary, [root, ...process.argv.slice(2)], null]
  : // serve opens the browser by itself on a desktop terminal, and only prints the URL elsewhere (SSH, CI).
    [process.execPath, [path.join(root, 'bin', 'goproxyctl.js'), 'serve', ...process.argv.slice(2)], electron.missing];
if (why) console.log(`npm start: ${why}; starting headless mode instead (goproxyctl serve).`);
const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
