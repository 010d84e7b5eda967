// The real Electron app through Playwright's _electron, for machines that have the Electron
// binary. Here (no binary can be downloaded) it skips and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { _electron } from 'playwright-core';
import { BUNDLED_CLI_ENTRY, ensureLauncher, launcherFileName } from '../../electron/core/cli-install/index.js';
import { BRIDGE_GLOBAL, CONTRACT_KEYS } from '../../shared/contract/contract.js';
import { repoRoot } from '../support/paths.js';
import { makeTempHome } from '../support/temp-home.js';

function electronBinary(): { path: string } | { missing: string } {
  const pkg = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `${pathFile} is absent: the electron package's postinstall could not download the binary` };
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} is absent` };
}

const found = electronBinary();
const built = ['dist/ui/index.html', 'dist/preload/index.cjs', 'dist/electron/app/main.js'].every((f) => existsSync(path.join(repoRoot, f)));

test('Electron: the dashboard window opens sandboxed and renders the live state', async (t) => {
  if ('missing' in found) {
    const reason = `skipped: no Electron binary (${found.missing}); run on a machine where \`npm ci\` downloaded it`;
    console.log(reason);
    t.skip(reason);
    return;
  }
  assert.ok(built, 'build first: npm run build && npm run build:renderer && npm run build:preload');
  // The app reads and writes the user's configuration: a temporary HOME, plus what a window needs.
  const home = await makeTempHome('goproxyctl-electron-');
  const display = Object.fromEntries(['DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'XDG_RUNTIME_DIR'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  t.after(() => home.cleanup());
  const app = await _electron.launch({ executablePath: found.path, args: [repoRoot], env: { ...home.env, ...display } as Record<string, string>, timeout: 30_000 });
  try {
    const window = await app.firstWindow();
    await window.getByTestId('var-GOPROXY').waitFor({ timeout: 20_000 });
    const isolated = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined' && typeof (globalThis as { process?: unknown }).process === 'undefined');
    assert.equal(isolated, true, 'no Node in the page');
    // The preload exposes exactly the contract's keys under BRIDGE_GLOBAL: derived, so a key added
    // to the contract needs no edit here.
    const exposed = await window.evaluate((name) => Object.keys((globalThis as unknown as Record<string, object | undefined>)[name] ?? {}), BRIDGE_GLOBAL);
    assert.deepEqual(exposed.sort(), [...CONTRACT_KEYS].sort());
  } finally {
    await app.close();
  }
});

test("Electron: the launcher runs the CLI on Electron's own binary (ELECTRON_RUN_AS_NODE), no separate Node", async (t) => {
  if ('missing' in found) {
    const reason = `skipped: no Electron binary (${found.missing}); run on a machine where \`npm ci\` downloaded it`;
    console.log(reason);
    t.skip(reason);
    return;
  }
  const home = await makeTempHome('goproxyctl-electron-cli-');
  t.after(() => home.cleanup());
  const launcher = path.join(home.home, 'bin', launcherFileName(process.platform));
  await ensureLauncher({ execPath: found.path, script: BUNDLED_CLI_ENTRY }, launcher, process.platform);
  // Node runs a .cmd only through the shell.
  const { stdout } = await promisify(execFile)(launcher, ['--version'], { env: home.env, shell: process.platform === 'win32' });
  assert.equal(stdout.trim(), (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
});
