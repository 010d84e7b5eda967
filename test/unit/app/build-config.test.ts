// The packaging configuration (build/electron-builder.json) cannot be exercised here (no Electron
// binary), so it is checked as far as possible without packaging: electron-builder's own schema
// validation, every file it references exists, every file the app loads at run time is shipped,
// and the icons are real images that match what build/generate-icons.mjs draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { appPaths, trayIconFile } from '../../../electron/app/paths.js';
import { TRAY_STATUSES } from '../../../electron/app/tray-status.js';
import { repoRoot } from '../../support/paths.js';

interface BuilderConfig {
  appId: string;
  files: string[];
  icon: string;
  extraResources: { from: string; to: string; filter: string[] }[];
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string };
  [key: string]: unknown;
}

const configPath = path.join(repoRoot, 'build', 'electron-builder.json');
const config = JSON.parse(readFileSync(configPath, 'utf8')) as BuilderConfig;

/** electron-builder's own validation (the code `electron-builder` runs before packaging). */
async function validate(candidate: unknown): Promise<void> {
  const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration: (config: unknown, debug: { isEnabled: boolean; add(key: string, value: unknown): void }) => Promise<void>;
  };
  await validateConfiguration(candidate, { isEnabled: false, add: () => {} });
}

/** Width, height and the share of non-transparent pixels of a PNG (8-bit RGBA, as our generator writes). */
function readPng(file: string): { width: number; height: number; inkShare: number } {
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], `${file} is not a PNG`);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  assert.deepEqual([bytes[24], bytes[25]], [8, 6], `${file}: expected 8-bit RGBA`);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  let inked = 0;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    assert.equal(rows[row], 0, `${file}: unexpected PNG filter`);
    for (let x = 0; x < width; x++) if (rows[row + 1 + x * 4 + 3]! > 0) inked++;
  }
  return { width, height, inkShare: inked / (width * height) };
}

// Whether the "files" globs ship `rel`. Only the two forms the configuration uses are understood
// (`dir/**` or an exact name to include, `!**/*.ext` to exclude); any other form fails loudly.
function shipped(patterns: string[], rel: string): boolean {
  let included = false;
  for (const p of patterns) {
    if (p.startsWith('!**/*.')) {
      if (rel.endsWith(p.slice('!**/*'.length))) return false;
    } else if (p.endsWith('/**')) included ||= rel.startsWith(p.slice(0, -2));
    else if (!/[*?[{!]/.test(p)) included ||= rel === p;
    else assert.fail(`this test does not understand the files pattern ${p}`);
  }
  return included;
}

test('electron-builder accepts the configuration, and rejects a broken copy (the check is live)', async () => {
  await validate(config);
  await assert.rejects(validate({ ...config, mac: { ...config.mac, notAnOption: true } }), /configuration\.mac/);
  assert.match(config.appId, /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
});

test('targets: macOS dmg, Windows nsis, Linux AppImage and deb', () => {
  assert.deepEqual(config.mac.target, ['dmg']);
  assert.deepEqual(config.win.target, ['nsis']);
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  // A custom deb "depends" would replace electron-builder's list (GTK, NSS...) instead of adding to it.
  assert.equal((config.deb as { depends?: unknown } | undefined)?.depends, undefined);
});

test('every file the app loads at run time is shipped: main, the built renderer, the preload, tray icons', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string };
  assert.ok(shipped(config.files, pkg.main), `package.json main (${pkg.main}) is not in "files"`);
  assert.ok(shipped(config.files, 'package.json'));
  const inCheckout = appPaths(repoRoot, false, '/resources');
  assert.ok(shipped(config.files, path.relative(repoRoot, path.join(inCheckout.ui, 'index.html'))));
  assert.ok(shipped(config.files, path.relative(repoRoot, inCheckout.preload)));
  assert.ok(!shipped(config.files, 'dist/ui/assets/index.js.map'), 'source maps stay out of the package');

  // Packaged, tray icons are read from resources/tray, which extraResources fills from build/icons/tray.
  const packaged = appPaths('/app', true, '/resources');
  const tray = config.extraResources.find((r) => path.join('/resources', r.to) === packaged.trayIcons);
  assert.ok(tray, 'an extraResources entry copies the tray icons to where the packaged app reads them');
  assert.equal(path.join(repoRoot, tray.from), inCheckout.trayIcons);
  for (const platform of ['darwin', 'linux', 'win32'] as const)
    for (const status of TRAY_STATUSES) {
      const file = trayIconFile(inCheckout.trayIcons, status, platform);
      assert.ok(existsSync(file), `missing ${file}`);
      assert.ok(existsSync(file.replace(/\.png$/, '@2x.png')), `missing the @2x variant of ${file}`);
    }
});

test('icons: the referenced files exist, are real images of the right size, and are what the generator draws', async () => {
  for (const icon of new Set([config.icon, config.mac.icon, config.win.icon, config.linux.icon])) {
    const png = readPng(path.join(repoRoot, icon));
    assert.ok(png.width >= 512 && png.width === png.height, `${icon}: electron-builder needs a square icon of at least 512 px`);
    assert.ok(png.inkShare > 0.3, `${icon} is mostly empty`);
  }
  const { renderIcons } = (await import(pathToFileURL(path.join(repoRoot, 'build', 'generate-icons.mjs')).href)) as { renderIcons: () => Record<string, Buffer> };
  const rendered = renderIcons();
  assert.equal(Object.keys(rendered).length, 1 + TRAY_STATUSES.length * 4);
  for (const [name, bytes] of Object.entries(rendered)) {
    const file = path.join(repoRoot, 'build', 'icons', name);
    assert.ok(existsSync(file), `missing ${name}: run npm run icons`);
    assert.ok(readFileSync(file).equals(bytes), `${name} differs from what build/generate-icons.mjs draws: run npm run icons`);
    const png = readPng(file);
    assert.equal(png.width, name.includes('@2x') ? 32 : name === 'icon.png' ? 512 : 16);
    assert.ok(png.inkShare > 0.05, `${name} is blank`);
  }
  // Each status has its own look, in colour and as a macOS template.
  for (const variant of ['', 'Template']) {
    const looks = new Set(TRAY_STATUSES.map((s) => readFileSync(path.join(repoRoot, 'build', 'icons', 'tray', `tray-${s}${variant}.png`)).toString('base64')));
    assert.equal(looks.size, TRAY_STATUSES.length, `two ${variant || 'colour'} tray icons are identical`);
  }
});
