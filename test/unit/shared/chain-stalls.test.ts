// The walk's decisions for what go's transport does with a stalling entry (shared/go/chain.ts):
// a dial or TLS timeout is an error go reports after its own wait; a silent server is a hang that
// ends the walk whatever the separator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERR_INSECURE_CREDENTIALS, resolveChain, stallCost, type Attempt, type Outcome } from '../../../shared/go/chain.js';
import { renderer } from '../../../shared/i18n/catalog.js';

/** The advice and the reasons are messages; these tests read them as the English CLI prints them. */
const en = renderer('en');

const M = 'example.com/lib';
const ok: Outcome = { kind: 'ok' };
const hang: Outcome = { kind: 'hang', message: 'a.example accepted the connection but sent no response' };
const dial: Outcome = { kind: 'error', status: null, message: 'Get "https://a.example/x": dial tcp a.example:443: i/o timeout', stall: 'dial' };
const tls: Outcome = { kind: 'error', status: null, message: 'Get "https://a.example/x": net/http: TLS handshake timeout', stall: 'tls' };

function run(goproxy: string, table: Record<string, Outcome>) {
  const asked: string[] = [];
  const result = resolveChain({ goproxy, gonoproxy: '' }, M, (a: Attempt) => {
    asked.push(a.entry);
    const o = table[a.entry];
    assert.ok(o, `go would not ask ${a.entry}`);
    return o;
  });
  return { ...result, asked };
}

test('a hang ends the walk whatever the separator: outcome hang, no error to fall back on, the fix names the entry', () => {
  for (const sep of [',', '|']) {
    const r = run(`https://a.example${sep}https://b.example${sep}direct`, { 'https://a.example': hang, 'https://b.example': ok });
    assert.equal(r.outcome, 'hang', sep);
    assert.equal(r.servedBy, null);
    assert.deepEqual(r.asked, ['https://a.example'], `go never gets past the silent entry (${sep})`);
    assert.deepEqual(r.steps.map((s) => s.outcome), ['hang']);
    assert.equal(r.error, hang.message, 'go prints nothing: the error names what it waits on');
    assert.equal(r.fix?.id, 'explain.fix.hang-proxy');
    assert.equal(r.steps[0]!.why.id, 'explain.step.hang');
    assert.match(en(r.fix), /Remove entry 1 \(https:\/\/a\.example\)/);
    assert.match(en(r.fix), /'\|' does not help/);
    assert.doesNotMatch(en(r.fix), /use '\|'/);
  }
});

test('a hang behind an entry that serves is never reached', () => {
  const r = run('https://b.example,https://a.example', { 'https://b.example': ok });
  assert.equal(r.outcome, 'served');
  assert.deepEqual(r.asked, ['https://b.example']);
});

test('a hang on the second entry after a 404 on the first', () => {
  const r = run('https://b.example,https://a.example|direct', { 'https://b.example': { kind: 'notFound', status: 404, message: '404' }, 'https://a.example': hang });
  assert.equal(r.outcome, 'hang');
  assert.match(en(r.fix!), /entry 2 \(https:\/\/a\.example\)/);
});

test('a dial timeout is an error after 30 s: "," stops, "|" moves on and the fix states the cost per request', () => {
  const comma = run('https://a.example,https://b.example', { 'https://a.example': dial });
  assert.equal(comma.outcome, 'failed');
  assert.equal(comma.steps[0]!.goWaitsSeconds, 30);
  assert.match(en(comma.fix!), /30 s dial timeout/);
  assert.match(en(comma.fix!), /Remove it/);
  assert.match(en(comma.fix!), /150 × 30 s = 75 min/);

  const pipe = run('https://a.example|https://b.example', { 'https://a.example': dial, 'https://b.example': ok });
  assert.equal(pipe.outcome, 'served');
  assert.equal(pipe.servedBy, 'https://b.example');
  assert.match(en(pipe.steps[0]!.why), /pays the 30 s again/);
  assert.match(en(pipe.fix!), /every request/);
  assert.match(en(pipe.fix!), /75 min/);
});

test('a TLS handshake stall is an error after 10 s, with the same separator rules', () => {
  const pipe = run('https://a.example|https://b.example', { 'https://a.example': tls, 'https://b.example': ok });
  assert.equal(pipe.outcome, 'served');
  assert.equal(pipe.steps[0]!.goWaitsSeconds, 10);
  assert.match(en(pipe.fix!), /10 s/);
  const comma = run('https://a.example,https://b.example', { 'https://a.example': tls });
  assert.equal(comma.outcome, 'failed');
  assert.match(en(comma.fix!), /TLS handshake/);
});

test('an entry that answers at once costs nothing: no fix when served', () => {
  const r = run('https://a.example|https://b.example', { 'https://a.example': { kind: 'error', status: 502, message: '502' }, 'https://b.example': ok });
  assert.equal(r.fix, null);
  assert.equal(r.steps[0]!.goWaitsSeconds, null);
});

test('credentials refused on plain http: an error ("|" moves on), and the fix says https', () => {
  const refused: Outcome = { kind: 'error', status: null, message: `${ERR_INSECURE_CREDENTIALS}: http://u:xxxxx@a.example/x` };
  const alone = run('http://a.example', { 'http://a.example': refused });
  assert.equal(alone.outcome, 'failed');
  assert.match(en(alone.fix!), /never sends credentials over plain http/);
  assert.match(en(alone.fix!), /https/);
  const pipe = run('http://a.example|https://b.example', { 'http://a.example': refused, 'https://b.example': ok });
  assert.equal(pipe.servedBy, 'https://b.example');
});

test('the cost figure is the arithmetic it states', () => {
  assert.match(en(stallCost('dial')), /150 × 30 s = 75 min/);
  assert.match(en(stallCost('tls')), /150 × 10 s = 25 min/);
});
