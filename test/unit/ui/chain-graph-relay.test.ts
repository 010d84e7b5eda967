// The chain graph draws the local relay as the first node when GOPROXY goes through it
// (http://127.0.0.1:<port>|<chain>, as `use` writes for a profile with the relay option).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChainGraph } from '../../../shared/ui/chain-graph.js';
import { keepUnchangedNodes } from '../../../shared/ui/stable-nodes.js';

const graph = (goproxy: string, gonoproxy = '') => buildChainGraph({ goproxy, gonoproxy, gosumdb: 'sum.golang.org' });
const relayNodes = (goproxy: string, gonoproxy = '') => graph(goproxy, gonoproxy).nodes.filter((n) => n.relay);

test('the relay is the first node go asks, and the chain follows it on any error', () => {
  const g = graph('http://127.0.0.1:7890|https://goproxy.cn,direct');
  const first = g.nodes.find((n) => n.position === 1)!;
  assert.deepEqual(first.relay, { port: 7890 });
  assert.equal(first.label, 'http://127.0.0.1:7890');
  assert.deepEqual(g.edges.find((e) => e.source === first.id)?.condition, 'any-error');
  assert.equal(g.nodes.filter((n) => n.relay).length, 1);
  assert.equal(relayNodes('http://localhost:7890|direct')[0]?.relay?.port, 7890);
});

test("after go's own GONOPROXY step (private paths never reach the relay), it is still the first entry", () => {
  const g = graph('http://127.0.0.1:7890|https://goproxy.cn', 'git.corp.example.com');
  assert.equal(g.nodes[1]?.kind, 'noproxy');
  assert.deepEqual(g.nodes[2]?.relay, { port: 7890 });
});

test('not the relay: a loopback proxy with "," after it, alone, not first, https or without a port', () => {
  assert.deepEqual(relayNodes('http://127.0.0.1:7890,https://goproxy.cn'), []);
  assert.deepEqual(relayNodes('http://127.0.0.1:7890'), []);
  assert.deepEqual(relayNodes('https://goproxy.cn|http://127.0.0.1:7890|direct'), []);
  assert.deepEqual(relayNodes('https://127.0.0.1:7890|direct'), []);
  assert.deepEqual(relayNodes('http://127.0.0.1|direct'), []);
  assert.deepEqual(relayNodes('http://127.0.0.1:7890/sub|direct'), []);
});

test('a rebuild keeps the node unless the relay marking changed', () => {
  const a = graph('http://127.0.0.1:7890|https://goproxy.cn');
  const same = keepUnchangedNodes(a.nodes, graph('http://127.0.0.1:7890|https://goproxy.cn').nodes);
  assert.equal(same[1], a.nodes[1]);
  const changed = keepUnchangedNodes(a.nodes, graph('http://127.0.0.1:7890,https://goproxy.cn').nodes);
  assert.notEqual(changed[1], a.nodes[1]);
  assert.equal(changed[1]?.relay, undefined);
});
