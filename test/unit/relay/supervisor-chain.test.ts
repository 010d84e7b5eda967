import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chainThroughRelay, relayPortOfChain } from '../../../electron/core/relay/supervisor.js';

test('a chain goes through the local relay when it starts with a loopback http entry and "|"', () => {
  assert.equal(relayPortOfChain('http://127.0.0.1:7070|https://proxy.example,direct'), 7070);
  assert.equal(relayPortOfChain('http://localhost:7070/|https://proxy.example'), 7070);
  assert.equal(relayPortOfChain(chainThroughRelay('https://a.example|https://b.example,direct', 9000)), 9000);
});

test('anything else does not', () => {
  for (const chain of [
    'http://127.0.0.1:7070,https://proxy.example', // ',' : go would not fall back when the relay is down
    'http://127.0.0.1:7070', // nothing to fall back to
    'https://proxy.example|http://127.0.0.1:7070',
    'http://10.0.0.1:7070|https://proxy.example',
    'https://127.0.0.1:7070|https://proxy.example',
    'http://127.0.0.1:7070/prefix|https://proxy.example',
    'direct',
    'ftp://x',
  ]) {
    assert.equal(relayPortOfChain(chain), null, chain);
  }
});
