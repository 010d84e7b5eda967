// The explain command end to end through the real headless server and the renderer's real
// headless client: real go for the configuration, loopback proxies for the chain, the state
// stream carrying the result.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/core/headless/server.js';
import { createService, type Service } from '../../../electron/core/service/service.js';
import { createHeadlessClient, type StreamStatus } from '../../../renderer/bridge/headless-client.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import type { AppState } from '../../../shared/contract/state.js';
import { applyStreamMessage, type StreamMessage } from '../../../shared/contract/stream.js';
import { render } from '../../../shared/i18n/catalog.js';
import { goToolchains } from '../../support/go.js';
import { startTinyProxy, TINY_MODULE, TINY_VERSION, type TinyProxy } from './tiny-proxy.js';

const go = goToolchains().at(-1)!;
let good: TinyProxy;
let bad: TinyProxy;
let home: string;
const running: { server: HeadlessServer; service: Service }[] = [];

before(async () => {
  [good, bad] = await Promise.all([startTinyProxy(), startTinyProxy(502)]);
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-explain-http-'));
});

after(async () => {
  for (const r of running) {
    await r.server.close();
    r.service.close();
  }
  await Promise.all([good?.close(), bad?.close()]);
  if (home) await rm(home, { recursive: true, force: true });
});

async function serve(goproxy: string) {
  const env = { HOME: home, PATH: process.env.PATH ?? '', GOPROXYCTL_GO: go.bin, GOPROXY: goproxy, GOFLAGS: '', GONOSUMDB: '', GOPRIVATE: '' };
  const service = createService({ env, explainTimeoutMs: 5000 });
  const server = await startHeadlessServer({ service, staticRoot: null });
  running.push({ server, service });
  return createHeadlessClient({ origin: server.origin, token: server.token });
}

test('a working chain: explain says which entry serves the module, and the stream replicates it', async () => {
  const api = await serve(`${bad.url}|${good.url}`);
  let replica: AppState | null = null;
  const statuses: StreamStatus[] = [];
  const messages: StreamMessage[] = [];
  const client = createHeadlessClient({
    origin: running.at(-1)!.server.origin,
    token: running.at(-1)!.server.token,
    onStreamStatus: (s) => statuses.push(s),
  });
  const stop = client.stream((m) => {
    messages.push(m);
    const step = applyStreamMessage(replica, m);
    if (step.kind === 'replace') replica = step.state;
  });
  try {
    const view = await api.explain({ module: TINY_MODULE, version: null });
    assert.equal(view.servedBy, good.url);
    assert.equal(view.version, TINY_VERSION);
    assert.deepEqual([...new Set(view.steps.map((s) => s.request))], ['info', 'mod', 'zip']);
    assert.equal(view.steps[0]!.entry, bad.url);
    assert.equal(view.steps[0]!.status, 502);
    assert.ok(good.requests.includes(`/${TINY_MODULE}/@v/${TINY_VERSION}.zip`), 'the zip was asked for');
    // The replica converges on the server's state through snapshot + patches alone.
    const deadline = Date.now() + 5000;
    while ((replica as AppState | null)?.explain.last?.servedBy !== good.url && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const final = replica as AppState | null;
    assert.equal(final?.explain.last?.servedBy, good.url);
    assert.equal(final?.explain.running, null);
    assert.equal(final?.config.view?.vars.find((v) => v.name === 'GOPROXY')?.value, `${bad.url}|${good.url}`);
    assert.deepEqual(final, await api.state(), 'the replica equals the authoritative state');
    assert.equal(messages[0]!.type, 'snapshot');
    assert.ok(messages.some((m) => m.type === 'patch'), 'patches followed');
    assert.ok(statuses.includes('open'));
  } finally {
    stop();
  }
});

test('a 502 before "," makes go fail: explain reports it with the fix, over HTTP', async () => {
  const api = await serve(`${bad.url},${good.url}`);
  const view = await api.explain({ module: TINY_MODULE, version: TINY_VERSION });
  assert.equal(view.servedBy, null);
  assert.match(view.error ?? '', /502/);
  assert.equal(view.fix?.id, 'explain.fix.status-stops', 'the fix crosses as a message the dashboard renders');
  assert.match(render('en', view.fix), /\|/);
  assert.match(render('zh-CN', view.fix), /改用 '\|'/);
  const state = await api.state();
  assert.equal(state.explain.last?.error, view.error);
  const config = await api.refreshConfig({});
  assert.equal(config.go?.binary, go.bin);
  assert.deepEqual(config.chain.map((e) => e.kind), ['proxy', 'proxy']);
  assert.equal(config.chain[0]!.fallBackOnError, false);
});

test('credentials in GOPROXY never reach the state, a response or the stream', async () => {
  const u = new URL(good.url);
  const api = await serve(`http://ci:s3cr3t-pa55@${u.host}`);
  const view = await api.explain({ module: TINY_MODULE, version: TINY_VERSION });
  const state = await api.state();
  for (const text of [JSON.stringify(view), JSON.stringify(state)]) assert.ok(!text.includes('s3cr3t-pa55'), 'the password leaked');
  assert.ok(JSON.stringify(state).includes('xxxxx'), 'redacted the way go does');
});

test('bad input is a ContractError with the code, never a crash', async () => {
  const api = await serve(good.url);
  await assert.rejects(api.explain({ module: 'Not A Path', version: null }), (err: unknown) => err instanceof ContractError && err.code === 'bad-request');
  const wrongToken = createHeadlessClient({ origin: running.at(-1)!.server.origin, token: 'wrong' });
  await assert.rejects(wrongToken.refreshConfig({}), (err: unknown) => err instanceof ContractError && /token/.test(err.message));
  const statuses: StreamStatus[] = [];
  const done = new Promise<void>((resolve) => {
    const stop = createHeadlessClient({ origin: running.at(-1)!.server.origin, token: 'wrong', onStreamStatus: (s) => (statuses.push(s), s === 'unauthorized' && (stop(), resolve())) }).stream(() => {});
  });
  await done;
  assert.deepEqual(statuses, ['connecting', 'unauthorized'], 'a refused token is not retried');
});
