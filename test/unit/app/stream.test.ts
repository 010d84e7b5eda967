// The state stream and the request schemas: the hub batches a tick's commits into one patch,
// replicas converge or resync, requests are checked field by field, secrets are redacted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStreamHub } from '../../../electron/core/service/stream-hub.js';
import { commit, createAppStore } from '../../../electron/core/service/store.js';
import { checkRequest } from '../../../shared/contract/contract.js';
import { parseModuleQuery } from '../../../shared/contract/module-query.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { AppState } from '../../../shared/contract/state.js';
import { applyStreamMessage, type StreamMessage } from '../../../shared/contract/stream.js';

const tick = () => new Promise((r) => setImmediate(r));

test('one patch per tick, however many commits; events flush the pending patch first', async () => {
  const store = createAppStore();
  const hub = createStreamHub(store);
  const got: StreamMessage[] = [];
  hub.subscribe((m) => got.push(m));
  commit(store, { config: { loading: true, view: null, error: null } });
  commit(store, { config: { loading: false, view: null, error: 'x' } });
  commit(store, { explain: { running: null, last: null, error: 'y' } });
  assert.equal(got.length, 1, 'only the snapshot so far');
  await tick();
  assert.equal(got.length, 2);
  const patch = got[1]!;
  assert.ok(patch.type === 'patch');
  assert.deepEqual([patch.base, patch.revision], [0, 3]);
  assert.deepEqual(Object.keys(patch.changes).sort(), ['config', 'explain']);
  commit(store, { config: { loading: true, view: null, error: null } });
  hub.emit({ type: 'notice', level: 'info', code: 'goproxy-changed', params: {} });
  assert.deepEqual(got.slice(2).map((m) => m.type), ['patch', 'event']);
  await tick();
  assert.equal(got.length, 4, 'nothing left to flush');
  hub.close();
});

test('a replica converges by patches, ignores stale ones and resyncs after a gap', async () => {
  const store = createAppStore();
  const hub = createStreamHub(store);
  let replica: AppState | null = null;
  const stop = hub.subscribe((m) => {
    const step = applyStreamMessage(replica, m);
    if (step.kind === 'replace') replica = step.state;
  });
  for (let i = 0; i < 5; i++) {
    commit(store, { explain: { running: null, last: null, error: `e${i}` } });
    if (i % 2) await tick();
  }
  await tick();
  assert.deepEqual(replica, store.getState());
  stop();
  const r = store.getState();
  assert.deepEqual(applyStreamMessage(r, { type: 'patch', base: r.revision - 2, revision: r.revision - 1, changes: {} }), { kind: 'ignore' });
  assert.deepEqual(applyStreamMessage(r, { type: 'patch', base: r.revision + 1, revision: r.revision + 2, changes: {} }), { kind: 'resync' });
  assert.deepEqual(applyStreamMessage(null, { type: 'patch', base: 0, revision: 1, changes: {} }), { kind: 'resync' });
  hub.close();
});

test('request checks: exact fields, types and Go rules', () => {
  assert.deepEqual(checkRequest('explain', { module: 'golang.org/x/text', version: 'v0.14.0' }), { ok: true, value: { module: 'golang.org/x/text', version: 'v0.14.0' } });
  assert.equal(checkRequest('explain', { module: 'golang.org/x/text', version: null }).ok, true);
  for (const bad of [null, 'x', { module: 1, version: null }, { module: 'golang.org/x/text' }, { module: 'golang.org/x/text', version: 'v1' }, { module: '', version: null }, { module: 'x'.repeat(501), version: null }]) {
    assert.equal(checkRequest('explain', bad).ok, false, JSON.stringify(bad));
  }
  assert.equal(checkRequest('refreshConfig', {}).ok, true);
  assert.equal(checkRequest('refreshConfig', { force: true }).ok, false);
});

test('the explain box parses what users type', () => {
  assert.deepEqual(parseModuleQuery(' golang.org/x/text@v0.14.0 '), { ok: true, module: 'golang.org/x/text', version: 'v0.14.0' });
  assert.deepEqual(parseModuleQuery('golang.org/x/text@latest'), { ok: true, module: 'golang.org/x/text', version: null });
  assert.equal(parseModuleQuery('').ok, false);
  assert.equal((parseModuleQuery('golang.org/x/text@1.0') as { problem: string }).problem, 'bad-version');
  assert.equal((parseModuleQuery('Not A Path') as { problem: string }).problem, 'bad-path');
});

test('credentials in URLs are redacted like go does, everything else untouched', () => {
  assert.equal(redactCredentials('https://ci:s3cr3t@goproxy.corp/x|direct'), 'https://ci:xxxxx@goproxy.corp/x|direct');
  assert.equal(redactCredentials('https://a:b@one,https://c:d@two'), 'https://a:xxxxx@one,https://c:xxxxx@two');
  assert.equal(redactCredentials('sum.golang.org+key https://u:p@sum.corp'), 'sum.golang.org+key https://u:xxxxx@sum.corp');
  assert.equal(redactCredentials('https://user@host/ https://goproxy.cn,direct'), 'https://user@host/ https://goproxy.cn,direct');
});
