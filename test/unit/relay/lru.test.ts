import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LruIndex } from '../../../electron/core/relay/lru.js';

test('evicts the least recently used entries to stay under the cap', () => {
  const lru = new LruIndex(100);
  assert.deepEqual(lru.add('a', 40), []);
  assert.deepEqual(lru.add('b', 40), []);
  lru.touch('a');
  assert.deepEqual(lru.add('c', 40), ['b']);
  assert.deepEqual(lru.keys(), ['a', 'c']);
  assert.equal(lru.totalBytes, 80);
});

test('replacing an entry counts its size once', () => {
  const lru = new LruIndex(100);
  lru.add('a', 60);
  assert.deepEqual(lru.add('a', 70), []);
  assert.equal(lru.totalBytes, 70);
  assert.equal(lru.size, 1);
});

test('an entry larger than the cap is not kept', () => {
  const lru = new LruIndex(100);
  lru.add('a', 10);
  assert.deepEqual(lru.add('huge', 500), ['a', 'huge']);
  assert.equal(lru.has('huge'), false);
  assert.equal(lru.totalBytes, 0);
});

test('remove and touch of unknown keys are harmless', () => {
  const lru = new LruIndex(10);
  lru.remove('x');
  lru.touch('x');
  assert.equal(lru.size, 0);
});
