// explain's words as data (shared/i18n/parts/explain.ts): the chain walk (shared/go/chain.ts) and
// the checksum step (electron/core/explain/checksum.ts) return message ids with their values, the
// service redacts credentials inside those values, and every message reads as Chinese in zh-CN
// (code and go's quoted texts aside) and as English in en.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveChain, type Attempt, type ChainResolution, type Outcome } from '../../../shared/go/chain.js';
import { explainEn, explainZh } from '../../../shared/i18n/parts/explain.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { explainChecksum, type ChecksumConfig } from '../../../electron/core/explain/checksum.js';
import { toExplainView } from '../../../electron/core/service/explain-view.js';
import type { Explanation } from '../../../electron/core/explain/explain-module.js';
import { checkZhText } from '../../support/zh-check.js';

const M = 'example.com/lib';
const ok: Outcome = { kind: 'ok' };
const status = (code: number): Outcome => (code === 404 || code === 410 ? { kind: 'notFound', status: code, message: `reading ${code}` } : { kind: 'error', status: code, message: `reading ${code}` });
const dial: Outcome = { kind: 'error', status: null, message: 'dial tcp: i/o timeout', stall: 'dial' };

function walk(goproxy: string, table: Record<string, Outcome>, gonoproxy = ''): ChainResolution {
  return resolveChain({ goproxy, gonoproxy }, M, (a: Attempt) => table[a.entry] ?? { kind: 'error', status: null, message: `no answer from ${a.entry}` });
}

/** The message without go's own texts (its {error} values stay verbatim, in go's English). */
function withoutGoText(message: Message): Message {
  const params = Object.entries(message.params ?? {}).map(([name, value]) => [name, name === 'error' && typeof value === 'string' ? '' : typeof value === 'object' ? withoutGoText(value) : value]);
  return { id: message.id, params: Object.fromEntries(params) as Message['params'] };
}

/** Reads like Chinese: no English word outside code and go's quoted texts, and Chinese characters at all. */
function assertZh(message: Message): void {
  const text = render('zh-CN', withoutGoText(message));
  assert.deepEqual(checkZhText(text).english, [], `${message.id}: ${text}`);
  assert.ok(checkZhText(text).cjk > 0, `${message.id}: ${text}`);
}

test('each step says why with its own id, and the entry as a nested message with its position and URL', () => {
  const r = walk('https://a.example,https://b.example|https://c.example,direct', {
    'https://a.example': status(404),
    'https://b.example': status(502),
    'https://c.example': ok,
  }, 'corp.example.com');
  assert.deepEqual(r.steps.map((s) => s.why.id), ['explain.step.noproxy-skipped', 'explain.step.not-found-status', 'explain.step.error-pipe', 'explain.step.served']);
  assert.deepEqual(r.steps[1]!.why.params, { entry: msg('explain.entry.proxy', { position: 1, url: 'https://a.example' }), status: 404, onward: msg('explain.onward.next') });
  assert.deepEqual(r.steps[2]!.why.params, {
    what: msg('explain.what.failed-status', { entry: msg('explain.entry.proxy', { position: 2, url: 'https://b.example' }), status: 502 }),
    onward: msg('explain.onward.next'),
  });
  assert.equal(r.fix, null);
  for (const s of r.steps) assertZh(s.why);
});

test('the fixes: ids and values for each way go fails', () => {
  const stops = walk('https://a.example,direct', { 'https://a.example': status(502) });
  assert.deepEqual(stops.fix, msg('explain.fix.status-stops', { position: 1, status: 502 }));
  assert.equal(stops.steps[0]!.why.id, 'explain.step.error-stops');
  assert.equal(stops.steps[0]!.why.params?.separator, "','");

  const stalled = walk('https://a.example,https://b.example', { 'https://a.example': dial });
  assert.equal(stalled.fix?.id, 'explain.fix.stall-stops');
  assert.deepEqual(stalled.fix?.params?.stall, msg('explain.stall.dial', { seconds: 30 }));
  assert.deepEqual(stalled.fix?.params?.cost, msg('explain.stall.cost', { perModule: 3, modules: 50, requests: 150, seconds: 30, minutes: 75 }));

  const slow = walk('https://a.example|https://b.example', { 'https://a.example': dial, 'https://b.example': ok });
  assert.equal(slow.outcome, 'served');
  assert.equal(slow.fix?.id, 'explain.fix.slow-entry');
  assert.deepEqual(slow.fix?.params?.entry, msg('explain.entry.proxy-inline', { position: 1, url: 'https://a.example' }));
  assert.equal(slow.steps[0]!.why.id, 'explain.step.error-pipe-stall');

  const hang = walk('https://a.example|direct', { 'https://a.example': { kind: 'hang', message: 'GET https://a.example/x', status: 200 } });
  assert.equal(hang.outcome, 'hang');
  assert.equal(hang.error, 'GET https://a.example/x', 'go prints nothing: the error names the request it waits on');
  assert.deepEqual(hang.fix, msg('explain.fix.hang-proxy', { position: 1, url: 'https://a.example' }));
  assert.equal(hang.steps[0]!.why.id, 'explain.step.hang-body', 'headers came, then the body stopped');

  const all = [
    stops.fix, stalled.fix, slow.fix, hang.fix,
    walk('https://a.example,https://b.example', { 'https://a.example': status(404), 'https://b.example': status(410) }).fix,
    walk('https://a.example,direct', { 'https://a.example': status(404), direct: { kind: 'notFound', status: null, message: 'no such module' } }).fix,
    walk('https://a.example', { noproxy: { kind: 'notFound', status: 404, message: 'no such repository' } }, 'example.com').fix,
    walk('https://a.example,off', { 'https://a.example': status(404) }).fix,
    walk('http://a.example', { 'http://a.example': { kind: 'error', status: null, message: 'refusing to pass credentials to insecure URL: http://u:xxxxx@a.example/x' } }).fix,
    walk('direct', { direct: { kind: 'hang', message: 'GET https://example.com/lib?go-get=1' } }).fix,
    walk('not a url', {}).fix,
    resolveChain({ goproxy: 'direct', gonoproxy: '' }, 'std', () => ok).fix,
    resolveChain({ goproxy: 'direct', gonoproxy: '' }, 'Example.com/../x', () => ok).fix,
  ];
  assert.deepEqual(all.map((f) => f?.id), [
    'explain.fix.status-stops', 'explain.fix.stall-stops', 'explain.fix.slow-entry', 'explain.fix.hang-proxy',
    'explain.fix.nowhere-proxy', 'explain.fix.nowhere-direct', 'explain.fix.private-no-direct', 'explain.fix.ends-off',
    'explain.fix.insecure-credentials', 'explain.fix.hang-direct', 'explain.fix.goproxy-invalid', 'explain.fix.std', 'explain.fix.bad-path',
  ]);
  for (const f of all) assertZh(f!);
  // English stays what the CLI printed before messages.
  assert.equal(render('en', stops.fix), "entry 1 returned 502 and is followed by ',': go stops here; use '|' to fail over on errors");
});

const CHECKSUM: ChecksumConfig = { gosumdb: 'sum.golang.org', gonosumdb: '', goinsecure: '', goflags: '' };

function checksum(config: Partial<ChecksumConfig>) {
  return explainChecksum({
    module: M,
    version: 'v1.0.0',
    config: { ...CHECKSUM, ...config },
    chain: { goproxy: 'https://a.example', gonoproxy: '' },
    fetch: () => Promise.reject(new Error('these cases never reach the network')),
    files: () => Promise.resolve({ mod: null, zip: null }),
  });
}

test('the checksum step: why, notes and fix are messages; go\'s error stays its text', async () => {
  const off = await checksum({ gosumdb: 'off', goinsecure: 'example.com', goflags: '-insecure' });
  assert.equal(off.verdict, 'skipped');
  assert.deepEqual(off.why, msg('explain.checksum.off'));
  assert.deepEqual(off.notes.map((n) => n.id), ['explain.checksum.insecure-note', 'explain.checksum.goflags-note']);

  const priv = await checksum({ gonosumdb: 'corp.example.net,example.com' });
  assert.deepEqual(priv.why, msg('explain.checksum.private', { pattern: 'example.com' }));

  const invalid = await checksum({ gosumdb: 'a+b+c+d' });
  assert.equal(invalid.verdict, 'failed');
  assert.equal(invalid.why.id, 'explain.checksum.go-error');
  assert.equal(typeof invalid.why.params?.error, 'string');
  assert.match(invalid.error ?? '', /^example\.com\/lib@v1\.0\.0: verifying go\.mod: /, 'go\'s own wording');
  assert.deepEqual(invalid.fix, msg('explain.checksum.fix-invalid'));
  for (const m of [off.why, ...off.notes, priv.why, invalid.fix]) assertZh(m);
});

test('the service redacts credentials inside message values, nested ones too', () => {
  // The walk names entries without their userinfo; a value that carries a URL as written (a
  // future message, go's text quoted in one) must still never reach the state with its password.
  const r = walk('https://a.example|https://b.example', { 'https://a.example': dial, 'https://b.example': ok });
  const secretEntry = msg('explain.entry.proxy', { position: 1, url: 'https://u:s3cret@a.example' });
  const explanation: Explanation = {
    ...r,
    steps: r.steps.map((s, i) => ({ ...s, request: 'info' as const, why: i === 0 ? msg('explain.step.error-pipe', { what: msg('explain.what.failed', { entry: secretEntry }), onward: msg('explain.onward.next') }) : s.why })),
    fix: msg('explain.fix.slow-entry', { entry: 'https://u:s3cret@a.example', stall: msg('explain.stall.dial', { seconds: 30 }), cost: msg('explain.stall.cost', { perModule: 3, modules: 50, requests: 150, seconds: 30, minutes: 75 }) }),
    version: 'v1.0.0',
    checksum: null,
  };
  const view = toExplainView({ module: M, version: 'v1.0.0', goproxy: 'https://u:s3cret@a.example|https://b.example' }, explanation, { startedAt: 0, finishedAt: 1 });
  const wire = JSON.stringify(view);
  assert.ok(!wire.includes('s3cret'), wire);
  assert.equal(view.fix?.id, 'explain.fix.slow-entry');
  assert.match(render('en', view.fix), /^https:\/\/u:xxxxx@a\.example cannot be reached/);
  assert.match(render('en', view.steps[0]!.why), /^Entry 1 \(https:\/\/u:xxxxx@a\.example\) failed and is followed by '\|'/);
  assert.deepEqual(view.steps[1]!.why, r.steps[1]!.why, 'a message without credentials crosses as it is');
});

test('the catalogue part: English has no Chinese; each Chinese template reads as Chinese outside its code', () => {
  for (const [id, en] of Object.entries(explainEn)) assert.doesNotMatch(en, /[\u4e00-\u9fff]/, id);
  // Code inside a template: `commands`, 'separators and GOAUTH values', "netrc lines and GOSUMDB forms", --flags, {placeholders}.
  const withoutCode = (t: string) => t.replace(/`[^`]*`|'[^']*'|"[^"]*"|--\w+|\{\w+\}/g, ' ');
  for (const [id, zh] of Object.entries(explainZh)) {
    assert.deepEqual(checkZhText(withoutCode(zh)).english, [], `${id}: ${zh}`);
  }
});
