// The packaged app's pieces agree with each other, checked without packaging (no Electron binary
// or CI needed): electron-builder's own code accepts the configuration and the deb metadata,
// everything the app and the CLI load at run time is shipped (the CLI's packages among the
// "dependencies" electron-builder copies), the launcher runs the shipped CLI entry under plain
// Node with ELECTRON_RUN_AS_NODE, the preload bundle exposes exactly the contract's keys, and the
// renderer bundle has no chunk over vite's 500 kB warning. The bundles are built into a temporary
// directory, so what is checked is what `npm run build` would produce from this checkout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { cliToolSource } from '../../../electron/app/cli-runtime.js';
import { BUNDLED_CLI_ENTRY, ensureLauncher } from '../../../electron/core/cli-install/index.js';
import { BRIDGE_GLOBAL, CONTRACT_KEYS, channelOf } from '../../../shared/contract/contract.js';
import { repoRoot } from '../../support/paths.js';

const run = promisify(execFile);
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const config = JSON.parse(readFileSync(path.join(repoRoot, 'build', 'electron-builder.json'), 'utf8')) as { files: string[]; deb?: Record<string, unknown>; linux: { target: string[] } };
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string; version: string; dependencies: Record<string, string>; author?: unknown; homepage?: string };
let tmp: string;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-packaging-'));
});
after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function viteBuild(args: string[]): void {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', ...args, '--logLevel', 'warn'], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 0, `vite build ${args.join(' ')} failed: ${r.stderr}`);
  // vite prints "(!) Some chunks are larger than 500 kB" as a warning; none is allowed.
  assert.doesNotMatch(`${r.stdout}${r.stderr}`, /larger than \d+ kB/);
}

test("electron-builder's deb target finds the metadata it requires in package.json (author with email, homepage)", async () => {
  // FpmTarget (deb, rpm...) computes these before building and throws if one is missing.
  const { default: FpmTarget } = requireFromBuilder('app-builder-lib/out/targets/FpmTarget.js') as { default: { prototype: { computeFpmMetaInfoOptions(this: unknown): Promise<{ maintainer: string; url: string }> } } };
  const { AppInfo } = requireFromBuilder('app-builder-lib/out/appInfo.js') as { AppInfo: { prototype: { computePackageUrl(this: unknown): Promise<string | null> } } };
  const metaOf = (metadata: Record<string, unknown>) => {
    const info = { metadata, devMetadata: metadata, repositoryInfo: Promise.resolve(null) };
    const appInfo = { info, notNullDevMetadata: metadata, linuxPackageName: 'goproxy-control', computePackageUrl: () => AppInfo.prototype.computePackageUrl.call(appInfo) };
    return FpmTarget.prototype.computeFpmMetaInfoOptions.call({ packager: { appInfo, info }, options: config.deb ?? {} });
  };
  assert.ok(config.linux.target.includes('deb'));
  const meta = await metaOf(pkg);
  assert.match(meta.maintainer, /^.+ <[^@\s]+@[^@\s]+>$/);
  assert.equal(meta.url, pkg.homepage);
  // The check is live: without them, electron-builder refuses with its own messages.
  await assert.rejects(metaOf({ ...pkg, author: undefined, homepage: undefined }), /Please specify project homepage[\s\S]*Please specify author 'email'/);
});

// Whether the "files" globs ship `rel` (the forms build/electron-builder.json uses; see also build-config.test.ts).
function shipped(rel: string): boolean {
  let included = false;
  for (const p of config.files) {
    if (p.startsWith('!**/*.')) {
      if (rel.endsWith(p.slice('!**/*'.length))) return false;
    } else if (p.endsWith('/**')) included ||= rel.startsWith(p.slice(0, -2));
    else if (!/[*?[{!]/.test(p)) included ||= rel === p;
    else assert.fail(`this test does not understand the files pattern ${p}`);
  }
  return included;
}

/** Every file reachable by relative imports from `entry`, and every package imported on the way. */
async function importClosure(entry: string): Promise<{ files: Set<string>; packages: Set<string> }> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = await readFile(file, 'utf8');
    // Static imports and re-exports (tsc writes one per statement), side-effect imports, import('literal').
    const specs = [
      ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*(['"])([^'"\n]+)\1/gm),
      ...text.matchAll(/^\s*import\s*(['"])([^'"\n]+)\1/gm),
      ...text.matchAll(/\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/g),
    ].map((m) => m[2]!);
    for (const spec of specs) {
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:') && !builtinModules.includes(spec)) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

test('everything the app and the CLI load is shipped: the entries, every module they import, and their packages as dependencies', async () => {
  for (const [what, entry] of [
    ['package.json main (the app)', path.join(repoRoot, pkg.main)],
    ['the CLI entry the launcher runs', BUNDLED_CLI_ENTRY],
  ] as const) {
    assert.ok(existsSync(entry), `${what} (${entry}) is missing: run npm run build`);
    const { files, packages } = await importClosure(entry);
    for (const file of files) assert.ok(shipped(path.relative(repoRoot, file)), `${what} loads ${path.relative(repoRoot, file)}, which "files" does not ship`);
    // electron is provided by the binary; every other package must be one electron-builder copies.
    for (const name of packages) if (name !== 'electron') assert.ok(name in pkg.dependencies, `${what} imports ${name}, which is not in "dependencies" (devDependencies are not packaged)`);
    assert.ok(files.size > 10, `${what}: the import walk found the modules (${files.size})`);
  }
  // The desktop app runs the very entry this checks.
  const source = cliToolSource({ execPath: '/opt/app/goproxy-control', env: {} });
  assert.ok('runtime' in source && source.runtime.script === BUNDLED_CLI_ENTRY);
});

test('the launcher runs the shipped CLI entry under plain Node with ELECTRON_RUN_AS_NODE', async () => {
  // The packaged binary honours ELECTRON_RUN_AS_NODE unless the runAsNode fuse is flipped off.
  assert.notEqual((config as { electronFuses?: { runAsNode?: boolean } }).electronFuses?.runAsNode, false, 'the runAsNode fuse must stay on: the launcher depends on it');
  const launcher = path.join(tmp, 'bin', 'goproxyctl');
  await ensureLauncher({ execPath: process.execPath, script: BUNDLED_CLI_ENTRY }, launcher, 'linux');
  assert.match(await readFile(launcher, 'utf8'), /^ELECTRON_RUN_AS_NODE=1$/m);
  const { stdout } = await run(launcher, ['--version'], { env: { PATH: process.env.PATH, HOME: tmp } });
  assert.equal(stdout.trim(), pkg.version);
  const help = await run(launcher, ['env', '--help'], { env: { PATH: process.env.PATH, HOME: tmp } });
  assert.match(help.stdout, /Usage: goproxyctl env/);
});

test('the preload bundle exposes exactly the contract keys, each on its own channel, and requires only electron', async () => {
  const out = path.join(tmp, 'preload');
  viteBuild(['--mode', 'preload', '--outDir', out]);
  const code = await readFile(path.join(out, 'index.cjs'), 'utf8');
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: [string, unknown][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
    ipcRenderer: { invoke: (channel: string, request: unknown) => (invoked.push([channel, request]), Promise.resolve({ ok: true, value: null })), send: () => {}, on: () => {}, removeListener: () => {} },
  };
  const module = { exports: {} };
  // A sandboxed preload gets a CommonJS require limited to a few modules; ours needs only electron.
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`the sandboxed preload cannot require ${name}`);
  };
  type CommonJsWrapper = (require: typeof sandboxRequire, module: { exports: object }, exports: object) => void;
  const wrapper = vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { console }, { filename: 'index.cjs' }) as CommonJsWrapper;
  wrapper(sandboxRequire, module, module.exports);
  assert.deepEqual([...new Set(required)], ['electron']);
  assert.deepEqual([...exposed.keys()], [BRIDGE_GLOBAL]);
  const api = exposed.get(BRIDGE_GLOBAL)!;
  assert.deepEqual(Object.keys(api).sort(), [...CONTRACT_KEYS].sort());
  await (api.installCliTool as (r: unknown) => Promise<unknown>)({});
  assert.deepEqual(invoked, [[channelOf('installCliTool'), {}]]);
});

test('the renderer bundle: no chunk over 500 kB; React Flow and uPlot load with their views', async () => {
  const out = path.join(tmp, 'ui');
  viteBuild(['--outDir', out]);
  const assets = await readdir(path.join(out, 'assets'));
  const scripts = assets.filter((f) => f.endsWith('.js'));
  for (const f of scripts) assert.ok((await stat(path.join(out, 'assets', f))).size <= 500 * 1024, `${f} is over 500 kB`);
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(entry !== undefined && scripts.includes(entry), 'index.html loads the entry chunk');
  assert.ok(scripts.some((f) => f.startsWith('ChainPage-')) && scripts.some((f) => f.startsWith('HistoryPage-')), `the two views are chunks of their own: ${scripts.join(', ')}`);
  // uPlot's and React Flow's own markers are absent from the entry chunk.
  const entryCode = await readFile(path.join(out, 'assets', entry), 'utf8');
  assert.doesNotMatch(entryCode, /uplot|u-over/);
  assert.doesNotMatch(entryCode, /react-flow__pane/);
});
