import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkVerifierKey, parseGosumdb } from '../../../shared/go/gosumdb.js';
import { base64StdDecode, base64StdEncode } from '../../../shared/util/base64.js';
import { sha256 } from '../../../shared/util/sha256.js';
import { utf8Encode } from '../../../shared/util/utf8.js';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const SUM_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

test('sha256 matches the FIPS 180-4 vectors, across block boundaries', () => {
  assert.equal(hex(sha256(utf8Encode(''))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(hex(sha256(utf8Encode('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(hex(sha256(utf8Encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  assert.equal(hex(sha256(utf8Encode('a'.repeat(1000)))), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
});

test('base64 follows Go StdEncoding: padding required', () => {
  assert.deepEqual(base64StdDecode('aGk='), utf8Encode('hi'));
  assert.equal(base64StdDecode('aGk'), null);
  assert.equal(base64StdDecode('a==='), null);
  assert.equal(base64StdDecode('aG=k'), null);
  assert.equal(base64StdEncode(utf8Encode('hi!?')), 'aGkhPw==');
});

test('GOSUMDB forms', () => {
  assert.deepEqual(parseGosumdb('off'), { ok: true, value: { kind: 'off' } });
  assert.deepEqual(parseGosumdb('sum.golang.org'), { ok: true, value: { kind: 'db', name: 'sum.golang.org', verifierKey: SUM_KEY, url: null } });
  assert.deepEqual(parseGosumdb('sum.golang.google.cn'), { ok: true, value: { kind: 'db', name: 'sum.golang.org', verifierKey: SUM_KEY, url: 'https://sum.golang.google.cn' } });
  assert.deepEqual(parseGosumdb(SUM_KEY), { ok: true, value: { kind: 'db', name: 'sum.golang.org', verifierKey: SUM_KEY, url: null } });
  assert.deepEqual(parseGosumdb('sum.golang.org https://goproxy.cn/sumdb/sum.golang.org'), {
    ok: true, value: { kind: 'db', name: 'sum.golang.org', verifierKey: SUM_KEY, url: 'https://goproxy.cn/sumdb/sum.golang.org' },
  });
});

test('invalid GOSUMDB values give go’s reason', () => {
  assert.deepEqual(parseGosumdb(''), { ok: false, error: 'missing GOSUMDB' });
  assert.deepEqual(parseGosumdb('a b c'), { ok: false, error: 'invalid GOSUMDB: too many fields' });
  assert.deepEqual(parseGosumdb('goproxy.cn/sumdb/sum.golang.org'), { ok: false, error: 'invalid GOSUMDB: malformed verifier id' });
  assert.deepEqual(parseGosumdb('sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8'), { ok: false, error: 'invalid GOSUMDB: invalid verifier hash' });
  assert.deepEqual(checkVerifierKey('sum.golang.google.cn'), { ok: false, error: 'malformed verifier id' });
});
