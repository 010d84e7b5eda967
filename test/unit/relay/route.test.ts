import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isModuleVersion, parseRelayTarget } from '../../../electron/core/relay/route.js';

test('the protocol files become routes with a re-escaped upstream path', () => {
  assert.deepEqual(parseRelayTarget('/lab.invalid/!big!corp/!tool/@v/list'), { kind: 'list', module: 'lab.invalid/BigCorp/Tool', upstreamPath: 'lab.invalid/!big!corp/!tool/@v/list' });
  assert.deepEqual(parseRelayTarget('/lab.invalid/app/@latest'), { kind: 'latest', module: 'lab.invalid/app', upstreamPath: 'lab.invalid/app/@latest' });
  assert.deepEqual(parseRelayTarget('/lab.invalid/app/@v/v1.0.0.zip?x=1'), {
    kind: 'zip', module: 'lab.invalid/app', version: 'v1.0.0', upstreamPath: 'lab.invalid/app/@v/v1.0.0.zip', immutable: true,
  });
  const info = parseRelayTarget('/lab.invalid/app/@v/master.info');
  assert.equal(info.kind, 'info');
  assert.equal(info.kind === 'info' && info.immutable, false, 'a query such as "master" can change: not cached for good');
  // go sends the "!" of escaped capitals percent-encoded.
  assert.equal(parseRelayTarget('/lab.invalid/%21big%21corp/%21tool/@v/v1.0.0.info').kind, 'info');
  const pre = parseRelayTarget('/lab.invalid/app/@v/v2.0.0-!r!c1+incompatible.mod');
  assert.equal(pre.kind === 'mod' && pre.version, 'v2.0.0-RC1+incompatible');
});

test('the checksum database paths go through with their database name', () => {
  assert.deepEqual(parseRelayTarget('/sumdb/sum.golang.org/supported'), { kind: 'sumdb', db: 'sum.golang.org', rest: 'supported', upstreamPath: 'sumdb/sum.golang.org/supported' });
  assert.equal(parseRelayTarget('/sumdb/sum.golang.org/lookup/lab.invalid/!big!corp/!tool@v1.0.0').kind, 'sumdb');
  assert.equal(parseRelayTarget('/sumdb/sum.golang.org/tile/8/0/x005/123.p/7').kind, 'sumdb');
  assert.equal(parseRelayTarget('/sumdb/sum.golang.org/tile/8/data/x001/234').kind, 'sumdb');
  for (const bad of ['/sumdb/../etc/passwd', '/sumdb/sum.golang.org/../../x', '/sumdb/sum.golang.org/lookup/../a@v1', '/sumdb/localhost/latest', '/sumdb/sum.golang.org/anything']) {
    assert.equal(parseRelayTarget(bad).kind, 'invalid', bad);
  }
});

test('traversal, bad escaping and malformed paths are refused with a reason', () => {
  const refused = [
    '/../../etc/passwd/@v/list',
    '/lab.invalid/../x/@v/list',
    '/lab.invalid/%2e%2e/x/@v/list',
    '/lab.invalid//x/@v/list',
    '/lab.invalid%2f..%2f..%2fx/@v/list',
    '/lab.invalid/%zz/@v/list',
    '/lab.invalid/Upper/@v/list',
    '/lab.invalid/a!/@v/list',
    '/nodot/@v/list',
    '/lab.invalid/app/@v/v1.0.0.exe',
    '/lab.invalid/app/@v/../../x.zip',
    '/lab.invalid/app/@v/master.zip',
    '/lab.invalid/app/@v/v1.0.0/x.mod',
    '/lab.invalid/app',
    'lab.invalid/app/@v/list',
    `/${'a'.repeat(3000)}.invalid/@v/list`,
  ];
  for (const target of refused) {
    const r = parseRelayTarget(target);
    assert.equal(r.kind, 'invalid', target);
    assert.ok(r.kind === 'invalid' && r.reason.length > 0);
  }
});

test('module versions: canonical semver, with +incompatible', () => {
  for (const v of ['v1.0.0', 'v0.0.0-20240101000000-abcdefabcdef', 'v2.0.0+incompatible', 'v1.2.3-rc.1']) assert.ok(isModuleVersion(v), v);
  for (const v of ['v1', 'v1.2', 'master', 'v1.0.0+build', 'latest']) assert.ok(!isModuleVersion(v), v);
});
