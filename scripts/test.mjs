#!/usr/bin/env node
// `npm test`: the one command that checks everything, and fails on any failure.
//   1. installs what the suites need (scripts/install-test-deps.sh; idempotent),
//   2. typechecks and builds every layer (tsc -b),
//   3. lints (including the layer rule),
//   4. runs every test file under dist/test with node's test runner, with HOME (and the XDG dirs,
//      GOENV, GOPATH, GOCACHE) pointed at an empty sentinel directory; afterwards it fails if the
//      sentinel is not empty or the real HOME's goproxyctl files changed (test/support/home-guard.ts):
//      every test makes its own temporary HOME (test/support/temp-home.ts).
// `npm test -- dist/test/unit/x.test.js` runs only the named files (steps 1-3 still run).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, cmd, args, opts = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${title} failed (${secs}s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${secs}s)`);
}

const only = process.argv.slice(2);
if (!process.env.GOPROXYCTL_SKIP_DEPS) step('install test dependencies', 'bash', ['scripts/install-test-deps.sh']);
step('typecheck and build (tsc -b)', bin('tsc'), ['-b']);
step('lint (eslint, layer rule)', bin('eslint'), ['--max-warnings=0', '.']);

// Only *.test.js files: given a directory, Node 20's runner would also execute every helper under
// a test/ folder (the lab's CLI among them, which serves until killed).
function testFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}
const targets = only.length ? only : testFiles(path.join('dist', 'test'));
for (const t of targets) if (!existsSync(path.join(root, t))) {
  console.error(`no such test file: ${t}`);
  process.exit(2);
}
const testArgs = ['--test', `--test-concurrency=${Math.max(2, os.availableParallelism())}`];
const { startHomeGuard } = await import(pathToFileURL(path.join(root, 'dist', 'test', 'support', 'home-guard.js')).href);
const guard = await startHomeGuard(process.env);
const testEnv = { ...process.env, ...guard.env };
const r = spawnSync(process.execPath, [...testArgs, ...targets], { cwd: root, stdio: 'inherit', env: testEnv });
const untouched = await guard.finish();
for (const problem of untouched) console.error(`✖ ${problem}`);
if (r.status !== 0 || untouched.length > 0) {
  console.error(`✖ tests (node --test, ${targets.length} files) failed`);
  process.exit(r.status || 1);
}
console.log(`✔ tests (node --test, ${targets.length} files), and no test touched the real HOME`);
