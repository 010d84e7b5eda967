import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveChain, walkChain, type Attempt, type Outcome } from '../../../shared/go/chain.js';
import { render } from '../../../shared/i18n/catalog.js';
import type { Message } from '../../../shared/i18n/message.js';

/** The fix as the English CLI prints it ('' when there is none). */
const en = (fix: Message | null): string => (fix === null ? '' : render('en', fix));

const M = 'example.com/lib';
type Table = Record<string, Outcome>;
const ok: Outcome = { kind: 'ok' };
const status = (code: number): Outcome => (code === 404 || code === 410 ? { kind: 'notFound', status: code, message: `reading ${code}` } : { kind: 'error', status: code, message: `reading ${code}` });
const timeout: Outcome = { kind: 'error', status: null, message: 'dial tcp: i/o timeout' };

function run(goproxy: string, table: Table, gonoproxy = '', module = M) {
  const asked: string[] = [];
  const result = resolveChain({ goproxy, gonoproxy }, module, (a: Attempt) => {
    asked.push(a.entry);
    const o = table[a.entry];
    assert.ok(o, `go would not ask ${a.entry}`);
    return o;
  });
  return { ...result, asked };
}

test('comma falls through only on 404/410; other failures stop the walk', () => {
  for (const code of [404, 410]) {
    const r = run('https://a.example,https://b.example,direct', { 'https://a.example': status(code), 'https://b.example': ok });
    assert.equal(r.servedBy, 'https://b.example');
    assert.deepEqual(r.steps.map((s) => [s.entry, s.outcome, s.status]), [['https://a.example', 'notFound', code], ['https://b.example', 'ok', null]]);
  }
  for (const failure of [status(403), status(500), status(502), status(503), timeout]) {
    const r = run('https://a.example,https://b.example,direct', { 'https://a.example': failure });
    assert.equal(r.servedBy, null);
    assert.deepEqual(r.asked, ['https://a.example']);
    assert.equal(r.error, failure.kind === 'ok' ? null : failure.message);
    assert.match(en(r.fix), /entry 1 .*followed by ',': go stops here; use '\|' to fail over on errors/);
  }
  assert.equal(en(run('https://a.example,direct', { 'https://a.example': status(502) }).fix), "entry 1 returned 502 and is followed by ',': go stops here; use '|' to fail over on errors");
});

test('pipe falls through on any error, timeouts included', () => {
  const r = run('https://a.example|https://b.example|direct', { 'https://a.example': timeout, 'https://b.example': status(500), direct: ok });
  assert.equal(r.servedBy, 'direct');
  assert.deepEqual(r.asked, ['https://a.example', 'https://b.example', 'direct']);
});

test('off refuses; entries after direct/off never appear', () => {
  const off = run('https://a.example,off,https://never.example', { 'https://a.example': status(404) });
  assert.deepEqual(off.steps.map((s) => [s.entry, s.outcome]), [['https://a.example', 'notFound'], ['off', 'error']]);
  assert.equal(off.error, 'module lookup disabled by GOPROXY=off');
  const direct = run('direct,https://never.example', { direct: { kind: 'error', status: null, message: 'unrecognized import path' } });
  assert.deepEqual(direct.asked, ['direct']);
  assert.equal(direct.error, 'unrecognized import path');
});

test('GONOPROXY match goes direct first and skips every proxy without the network', () => {
  const r = run('https://a.example,https://b.example,direct', { noproxy: { kind: 'notFound', status: 404, message: 'no such repo' }, direct: ok }, 'example.com');
  assert.deepEqual(r.asked, ['noproxy', 'direct']);
  assert.deepEqual(r.steps.map((s) => [s.entry, s.outcome]), [['noproxy', 'notFound'], ['https://a.example', 'skipped'], ['https://b.example', 'skipped'], ['direct', 'ok']]);
  // The noproxy step never falls back on a real error.
  const failed = run('https://a.example', { noproxy: { kind: 'error', status: null, message: 'git ls-remote failed' } }, 'example.com');
  assert.deepEqual(failed.steps.map((s) => s.entry), ['noproxy']);
  assert.equal(failed.error, 'git ls-remote failed');
});

test('a module not matching GONOPROXY skips the noproxy step; GONOPROXY=none sends all through the proxy', () => {
  const r = run('https://a.example', { 'https://a.example': ok }, 'corp.example');
  assert.deepEqual(r.steps.map((s) => [s.entry, s.outcome, s.error]), [['noproxy', 'skipped', 'path does not match GOPRIVATE/GONOPROXY'], ['https://a.example', 'ok', null]]);
  const none = run('https://a.example', { 'https://a.example': ok }, 'none', 'none.example/x');
  assert.equal(none.servedBy, 'https://a.example');
  // GOPROXY exactly "direct": no noproxy step at all.
  assert.deepEqual(run('direct', { direct: ok }, 'example.com').steps.map((s) => s.entry), ['direct']);
});

test("error ranking: direct beats proxy errors, which beat not-found (bestErrRank <= proxyRank)", () => {
  const r = run('https://a.example|https://b.example|https://c.example|direct', {
    'https://a.example': status(404),
    'https://b.example': status(500),
    'https://c.example': status(503),
    direct: { kind: 'notFound', status: null, message: 'direct: no such module' },
  });
  assert.equal(r.error, 'direct: no such module');
  const proxies = run('https://a.example|https://b.example|https://c.example', { 'https://a.example': status(500), 'https://b.example': status(404), 'https://c.example': status(502) });
  assert.equal(proxies.error, 'reading 502', 'a later proxy error replaces an earlier one');
  const notFound = run('https://a.example,https://b.example', { 'https://a.example': status(404), 'https://b.example': status(410) });
  assert.equal(notFound.error, 'reading 410', 'among not-found errors the last one wins');
  assert.match(en(notFound.fix), /GOPRIVATE|direct/);
  const useProxy = run('https://a.example', { 'https://a.example': status(404) }, 'corp.example');
  assert.equal(useProxy.error, 'reading 404', 'the proxy 404 replaces errUseProxy');
  const proxyThenNotFound = run('https://a.example|https://b.example', { 'https://a.example': status(502), 'https://b.example': status(404) });
  assert.equal(proxyThenNotFound.error, 'reading 502', 'a not-found never replaces a proxy error');
});

test('bad input: GOPROXY errors, std/cmd and malformed paths never reach the network', () => {
  const walk = walkChain({ goproxy: 'bogus', gonoproxy: '' }, M);
  const first = walk.next();
  assert.equal(first.done, true);
  assert.equal(first.done && first.value.error, 'invalid proxy URL missing scheme: bogus');
  assert.equal(run('direct', {}, '', 'std').error, `can't query specific version ("latest") of standard-library module "std"`);
  assert.equal(run('direct', {}, '', 'foo/bar').error, 'malformed module path "foo/bar": missing dot in first path element');
});

test('walkChain yields lazily: the caller sees one attempt at a time', () => {
  const walk = walkChain({ goproxy: 'https://a.example|https://b.example', gonoproxy: '' }, M);
  const a = walk.next();
  assert.deepEqual(a, { done: false, value: { entry: 'https://a.example', kind: 'proxy', raw: 'https://a.example' } });
  const b = walk.next(timeout);
  assert.deepEqual(b.value, { entry: 'https://b.example', kind: 'proxy', raw: 'https://b.example' });
  const end = walk.next(ok);
  assert.ok(end.done && end.value.servedBy === 'https://b.example');
});
