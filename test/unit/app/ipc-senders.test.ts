// IPC sender checks (Electron mocked): only the main frame of a window the app created, showing
// app://ui/, reaches the service; anything else is dropped. Trusted requests still go through
// the contract's request check.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { APP_ORIGIN } from '../../../electron/app/app-protocol.js';
import { registerContractIpc, UNTRUSTED_SENDER, type IpcMainLike } from '../../../electron/app/ipc.js';
import { createSenderTrust, type SenderEvent } from '../../../electron/app/sender-trust.js';
import { createService, type Service } from '../../../electron/core/service/service.js';
import { channelOf } from '../../../shared/contract/contract.js';
import type { StreamMessage } from '../../../shared/contract/stream.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

// The service reads and writes the user's configuration: a temporary HOME, never the real one.
let home: TempHome;
const services: Service[] = [];
before(async () => {
  home = await makeTempHome('goproxyctl-ipc-senders-');
});
after(async () => {
  await Promise.all(services.map((s) => s.shutdown()));
  await home.cleanup();
});

let nextId = 1;
function fakeWebContents(url = `${APP_ORIGIN}/index.html`) {
  const emitter = new EventEmitter();
  const sent: { channel: string; message: StreamMessage }[] = [];
  const mainFrame = { url };
  let destroyed = false;
  const contents = Object.assign(emitter, {
    id: nextId++,
    mainFrame,
    send: (channel: string, message: StreamMessage) => void sent.push({ channel, message }),
    isDestroyed: () => destroyed,
    destroy: () => ((destroyed = true), emitter.emit('destroyed')),
  });
  return { contents, sent, event: (frame: unknown = mainFrame) => ({ sender: contents, senderFrame: frame }) as unknown as SenderEvent };
}

function setup() {
  const handles = new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>();
  const ons = new Map<string, (event: unknown, arg?: unknown) => void>();
  const ipcMain = { handle: (c: string, f: never) => handles.set(c, f), removeHandler: () => {}, on: (c: string, f: never) => ons.set(c, f), removeListener: () => {} } as unknown as IpcMainLike;
  const service = createService({ env: home.env, cwd: home.home, loginItem: null });
  services.push(service);
  const trust = createSenderTrust();
  registerContractIpc(ipcMain, service, (event) => trust.isTrusted(event));
  return { handles, ons, service, trust };
}

test('sender trust: created by us, main frame, our origin; forgotten once destroyed', () => {
  const trust = createSenderTrust();
  const ours = fakeWebContents();
  trust.trust(ours.contents as never);
  assert.equal(trust.isTrusted(ours.event()), true);
  assert.equal(trust.isTrusted(ours.event({ url: `${APP_ORIGIN}/index.html` })), false, 'a subframe, even with our URL');
  assert.equal(trust.isTrusted(ours.event(null)), false, 'no frame');
  assert.equal(trust.isTrusted(fakeWebContents().event()), false, 'a webContents we did not create');
  const navigated = fakeWebContents('https://evil.example/');
  trust.trust(navigated.contents as never);
  assert.equal(trust.isTrusted(navigated.event()), false, 'our window showing a foreign page');
  const lookalike = fakeWebContents('app://ui.evil/index.html');
  trust.trust(lookalike.contents as never);
  assert.equal(trust.isTrusted(lookalike.event()), false);
  ours.contents.destroy();
  assert.equal(trust.isTrusted(ours.event()), false);
});

test('untrusted senders: commands and state rejected, stream subscriptions ignored', async () => {
  const { handles, ons, service } = setup();
  const stranger = fakeWebContents();
  await assert.rejects(handles.get(channelOf('refreshConfig'))!(stranger.event(), {}), new RegExp(UNTRUSTED_SENDER));
  await assert.rejects(handles.get(channelOf('state'))!(stranger.event()), new RegExp(UNTRUSTED_SENDER));
  ons.get(channelOf('stream'))!(stranger.event(), 'subscribe');
  service.emit({ type: 'notice', level: 'info', code: 'goproxy-changed', params: {} });
  assert.deepEqual(stranger.sent, []);
  service.close();
});

test('trusted senders: validated dispatch, the state, and a stream that ends with the window', async () => {
  const { handles, ons, service, trust } = setup();
  const win = fakeWebContents();
  trust.trust(win.contents as never);
  const bad = await handles.get(channelOf('explain'))!(win.event(), { module: '../etc', version: null });
  assert.deepEqual((bad as { ok: boolean }).ok, false);
  assert.equal((bad as { error: { code: string } }).error.code, 'bad-request');
  const state = await handles.get(channelOf('state'))!(win.event());
  assert.deepEqual(state, service.state());

  ons.get(channelOf('stream'))!(win.event(), 'subscribe');
  ons.get(channelOf('stream'))!(win.event(), 'subscribe'); // a reload re-subscribes: still one subscription
  service.emit({ type: 'notice', level: 'info', code: 'goproxy-changed', params: { from: 'a', to: 'b' } });
  assert.deepEqual(win.sent.map((s) => s.message.type), ['snapshot', 'snapshot', 'event']);
  const listeners = win.contents.listenerCount('destroyed');
  for (let reload = 0; reload < 20; reload++) ons.get(channelOf('stream'))!(win.event(), 'subscribe');
  assert.equal(win.contents.listenerCount('destroyed'), listeners, 'reloads do not pile up listeners on the window');
  win.sent.length = 3;
  assert.ok(win.sent.every((s) => s.channel === channelOf('stream')));
  win.contents.destroy();
  service.emit({ type: 'notice', level: 'info', code: 'goproxy-changed', params: {} });
  assert.equal(win.sent.length, 3, 'nothing is sent to a destroyed window');
  service.close();
});
