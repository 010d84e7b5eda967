import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planChain } from '../../../electron/core/relay/chain-plan.js';

function shape(goproxy: string, self: string[] = []): unknown {
  const plan = planChain(goproxy, self);
  assert.ok(plan.ok, goproxy);
  return plan.steps.map((s) => (s.kind === 'run' ? s.members.map((m) => m.url + (m.fallBackOnError ? '|' : ',')) : s.kind));
}

test("'|' joins entries into one run; ',' and direct/off end it", () => {
  assert.deepEqual(shape('https://a.example|https://b.example,https://c.example,direct'), [['https://a.example|', 'https://b.example,'], ['https://c.example,'], 'direct']);
  assert.deepEqual(shape('https://a.example|direct'), [['https://a.example|'], 'direct']);
  assert.deepEqual(shape('a.example|b.example|c.example'), [['https://a.example|', 'https://b.example|', 'https://c.example,']]);
  assert.deepEqual(shape('off'), ['off']);
});

test('the relay itself is dropped from the chain it walks', () => {
  const self = 'http://127.0.0.1:7000';
  assert.deepEqual(shape(`${self}|https://a.example,direct`, [self]), [['https://a.example,'], 'direct']);
  assert.deepEqual(shape(`https://a.example|${self},https://b.example`, [self]), [['https://a.example|'], ['https://b.example,']]);
  assert.deepEqual(planChain(self, [self]), { ok: false, error: 'the chain has no entry other than the relay itself' });
});

test('an invalid GOPROXY is go\'s own error', () => {
  const plan = planChain('ftp://x.example');
  assert.equal(plan.ok, false);
  assert.match(!plan.ok ? plan.error : '', /invalid proxy URL scheme/);
});
