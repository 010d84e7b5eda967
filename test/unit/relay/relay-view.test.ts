// The supervisor's status as the contract's RelayView: off, down with its reason, up with the
// counters; URLs redacted; equal figures are not a change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameRelayView, toRelayView } from '../../../electron/core/service/relay-view.js';

const stats = {
  url: 'http://127.0.0.1:7890',
  chain: 'https://user:secret@athens.example|https://proxy.example,direct',
  source: 'profile team',
  requests: 12,
  cacheHits: 5,
  cacheBytes: 2048,
  cacheEntries: 3,
  upstreams: [{ url: 'https://user:secret@athens.example', state: 'cooling' as const, coolUntil: 99, consecutiveFailures: 2, connectP90Ms: 3, firstByteP90Ms: 40, requests: 7, failures: 2 }],
};

test('off, down and up', () => {
  assert.equal(toRelayView({ port: null, stats: null, error: null }, 1).status, 'off');
  const down = toRelayView({ port: 7890, stats: null, error: 'port 7890 on 127.0.0.1 is in use' }, 1);
  assert.deepEqual([down.status, down.port, down.url, down.error], ['down', 7890, null, 'port 7890 on 127.0.0.1 is in use']);
  const up = toRelayView({ port: 7890, stats, error: null }, 5);
  assert.equal(up.status, 'up');
  assert.equal(up.url, 'http://127.0.0.1:7890');
  assert.deepEqual([up.requests, up.cacheHits, up.cacheBytes, up.updatedAt], [12, 5, 2048, 5]);
  assert.equal(up.chain, 'https://user:xxxxx@athens.example|https://proxy.example,direct');
  assert.deepEqual(up.upstreams, [{ url: 'https://user:xxxxx@athens.example', state: 'cooling', coolUntil: 99, requests: 7, failures: 2, firstByteP90Ms: 40 }]);
  assert.ok(!JSON.stringify(up).includes('secret'));
});

test('the same figures at another time are not a change', () => {
  const a = toRelayView({ port: 7890, stats, error: null }, 1);
  assert.ok(sameRelayView(a, toRelayView({ port: 7890, stats, error: null }, 2)));
  assert.ok(!sameRelayView(a, toRelayView({ port: 7890, stats: { ...stats, requests: 13 }, error: null }, 2)));
  assert.ok(!sameRelayView(undefined, a));
});
