// Every side serves exactly the contract's keys: the main process's IPC registrations, the
// preload's exposed object (the tsc build and the shipped CommonJS bundle), the headless
// server's routes, and both renderer clients. A key added to or removed from one side only
// fails here. (Electron mocked: recording ipcMain/ipcRenderer/contextBridge.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { registerContractIpc, type IpcMainLike } from '../../../electron/app/ipc.js';
import { apiRoutes } from '../../../electron/core/headless/routes.js';
import { createService } from '../../../electron/core/service/service.js';
import { createPreloadApi, type PreloadIpc } from '../../../electron/preload/bridge.js';
import { createHeadlessClient } from '../../../renderer/bridge/headless-client.js';
import { createPreloadClient } from '../../../renderer/bridge/preload-client.js';
import { BRIDGE_GLOBAL, COMMAND_KEYS, CONTRACT, CONTRACT_KEYS, channelOf, routeOf, type PreloadApi } from '../../../shared/contract/contract.js';
import { repoRoot } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

// The service reads and writes the user's configuration: a temporary HOME, never the real one.
let home: TempHome;
before(async () => {
  home = await makeTempHome('goproxyctl-conformance-');
});
after(() => home.cleanup());

const sorted = (xs: Iterable<string>) => [...xs].sort();

function recordingIpcMain() {
  const handles = new Map<string, (...args: unknown[]) => unknown>();
  const ons = new Map<string, (...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: (ch: string, fn: (...args: unknown[]) => unknown) => void handles.set(ch, fn),
    removeHandler: (ch: string) => void handles.delete(ch),
    on: (ch: string, fn: (...args: unknown[]) => unknown) => (ons.set(ch, fn), ipcMain),
    removeListener: (ch: string) => (ons.delete(ch), ipcMain),
  };
  return { ipcMain: ipcMain as unknown as IpcMainLike, handles, ons };
}

function recordingIpcRenderer() {
  const calls: { op: string; channel: string; arg?: unknown }[] = [];
  const ipc = {
    invoke: (channel: string, arg?: unknown) => (calls.push({ op: 'invoke', channel, arg }), Promise.resolve({ ok: true, value: channel })),
    send: (channel: string, arg: unknown) => void calls.push({ op: 'send', channel, arg }),
    on: (channel: string) => (calls.push({ op: 'on', channel }), ipc),
    removeListener: (channel: string) => (calls.push({ op: 'off', channel }), ipc),
  };
  return { ipc: ipc as unknown as PreloadIpc, calls };
}

test('the contract: unique derived channels and routes, commands with request schemas', () => {
  assert.ok(COMMAND_KEYS.includes('explain') && COMMAND_KEYS.includes('refreshConfig'));
  assert.equal(new Set(CONTRACT_KEYS.map(channelOf)).size, CONTRACT_KEYS.length);
  assert.equal(new Set(CONTRACT_KEYS.map((k) => routeOf(k).path)).size, CONTRACT_KEYS.length);
  for (const key of COMMAND_KEYS) assert.equal(typeof CONTRACT[key].request.check, 'function', key);
});

test('main: one IPC registration per key on its derived channel, nothing else', async () => {
  const { ipcMain, handles, ons } = recordingIpcMain();
  const service = createService({ env: home.env, cwd: home.home, loginItem: null });
  const dispose = registerContractIpc(ipcMain, service, () => true);
  assert.deepEqual(sorted([...handles.keys(), ...ons.keys()]), sorted(CONTRACT_KEYS.map(channelOf)));
  assert.deepEqual(sorted(ons.keys()), sorted(CONTRACT_KEYS.filter((k) => CONTRACT[k].kind === 'stream').map(channelOf)));
  dispose();
  assert.equal(handles.size + ons.size, 0, 'dispose removes every registration');
  await service.shutdown();
});

test('preload (tsc build): exactly the keys, each on its own channel, no generic send/invoke', async () => {
  const { ipc, calls } = recordingIpcRenderer();
  const api = createPreloadApi(ipc);
  assert.deepEqual(sorted(Object.keys(api)), sorted(CONTRACT_KEYS));
  for (const key of COMMAND_KEYS) {
    const answer = await (api[key] as (r: unknown) => Promise<unknown>)({ probe: key });
    assert.deepEqual(answer, { ok: true, value: channelOf(key) });
  }
  const seen: unknown[] = [];
  const stop = api.stream((m) => seen.push(m));
  stop();
  assert.deepEqual(
    calls.filter((c) => c.op !== 'invoke'),
    [
      { op: 'on', channel: channelOf('stream') },
      { op: 'send', channel: channelOf('stream'), arg: 'subscribe' },
      { op: 'off', channel: channelOf('stream') },
      { op: 'send', channel: channelOf('stream'), arg: 'unsubscribe' },
    ],
  );
  assert.deepEqual(sorted(new Set(calls.map((c) => c.channel))), sorted([...COMMAND_KEYS, 'stream'].map((k) => channelOf(k as never))));
});

test('preload (the shipped CommonJS bundle): requires only electron and exposes exactly the keys', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-preload-'));
  try {
    const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--mode', 'preload', '--outDir', out, '--logLevel', 'error'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    assert.equal(built.status, 0, built.stderr);
    const code = await readFile(path.join(out, 'index.cjs'), 'utf8');
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const { ipc } = recordingIpcRenderer();
    const fakeElectron = { contextBridge: { exposeInMainWorld: (name: string, value: unknown) => void exposed.set(name, value) }, ipcRenderer: ipc };
    const module = { exports: {} };
    // What a sandboxed preload gets: a require limited to Electron's short list.
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return fakeElectron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
    assert.deepEqual(required, ['electron']);
    assert.deepEqual([...exposed.keys()], [BRIDGE_GLOBAL]);
    assert.deepEqual(sorted(Object.keys(exposed.get(BRIDGE_GLOBAL) as object)), sorted(CONTRACT_KEYS));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('headless server: exactly one route per key', () => {
  assert.deepEqual(sorted(apiRoutes().map((r) => `${r.method} ${r.path}`)), sorted(CONTRACT_KEYS.map((k) => `${routeOf(k).method} /api/${k}`)));
  assert.deepEqual(routeOf('state'), { method: 'GET', path: '/api/state' });
  assert.deepEqual(routeOf('stream'), { method: 'GET', path: '/api/stream' });
  assert.deepEqual(routeOf('explain'), { method: 'POST', path: '/api/explain' });
});

test('renderer clients: both implement exactly the contract keys', () => {
  const headless = createHeadlessClient({ origin: 'http://127.0.0.1:1', token: 't', fetch: () => Promise.resolve(new Response('{}')) });
  assert.deepEqual(sorted(Object.keys(headless)), sorted(CONTRACT_KEYS));
  const { ipc } = recordingIpcRenderer();
  const viaPreload = createPreloadClient(createPreloadApi(ipc));
  assert.deepEqual(sorted(Object.keys(viaPreload)), sorted(CONTRACT_KEYS));
  const missing = { ...createPreloadApi(ipc) } as Partial<PreloadApi>;
  delete missing.explain;
  assert.throws(() => createPreloadClient(missing as PreloadApi), /does not expose "explain"/);
});
