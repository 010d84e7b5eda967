import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatGoproxy, normalizeProxyUrl, parseGoproxy, type ChainEntry } from '../../../shared/go/goproxy.js';

function entries(value: string): ChainEntry[] {
  const parsed = parseGoproxy(value);
  assert.ok(parsed.ok, `GOPROXY=${value} should parse`);
  return parsed.value.entries;
}

test('the separator after an entry decides fallBackOnError; direct/off end the list', () => {
  assert.deepEqual(entries('https://a.example|https://b.example/,direct'), [
    { kind: 'proxy', url: 'https://a.example', fallBackOnError: true, raw: 'https://a.example', hasCredentials: false },
    { kind: 'proxy', url: 'https://b.example', fallBackOnError: false, raw: 'https://b.example/', hasCredentials: false },
    { kind: 'direct', fallBackOnError: false },
  ]);
  assert.deepEqual(entries('off|https://x.example'), [{ kind: 'off', fallBackOnError: false }]);
});

test('default scheme, trimming, credentials and normalization', () => {
  const [cn, local, file, creds] = entries(' goproxy.cn , localhost:3000/p/|file:///srv/mods/,user:pw@corp.example/goproxy/');
  assert.deepEqual(cn, { kind: 'proxy', url: 'https://goproxy.cn', fallBackOnError: false, raw: 'https://goproxy.cn', hasCredentials: false });
  assert.equal(local?.kind === 'proxy' && local.url, 'https://localhost:3000/p');
  assert.equal(local?.fallBackOnError, true);
  assert.equal(file?.kind === 'proxy' && file.url, 'file:///srv/mods');
  assert.ok(creds?.kind === 'proxy' && creds.hasCredentials && creds.url === 'https://corp.example/goproxy');
  assert.equal(normalizeProxyUrl('https://u:p@Mirror.example:8443/go/'), 'https://Mirror.example:8443/go');
  assert.equal(normalizeProxyUrl('goproxy.io'), 'https://goproxy.io');
  assert.equal(normalizeProxyUrl('HTTPS://h.example'), 'https://h.example');
});

test('warnings: ignored entries, empty entries, credentials, plain http, spaces', () => {
  const parsed = parseGoproxy('http://u:p@mirror.example,,http://127.0.0.1:8080, direct ,https://after.example|off');
  assert.ok(parsed.ok);
  const codes = parsed.value.warnings.map((w) => [w.code, w.entry ?? null]);
  assert.deepEqual(codes, [
    ['credentials-in-url', 'http://u:xxxxx@mirror.example'],
    ['insecure-http', 'http://u:xxxxx@mirror.example'],
    ['empty-entry', null],
    ['space-in-entry', 'direct'],
    ['ignored-after-terminal', 'https://after.example'],
    ['ignored-after-terminal', 'off'],
  ]);
  for (const w of parsed.value.warnings) assert.doesNotMatch(w.message, /:p@/, 'a password never appears in a warning');
});

test("go's errors", () => {
  assert.deepEqual(parseGoproxy('bogus'), { ok: false, error: 'invalid proxy URL missing scheme: bogus' });
  assert.deepEqual(parseGoproxy(' , |'), { ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' });
  assert.deepEqual(parseGoproxy('ftp://u:secret@h'), { ok: false, error: 'invalid proxy URL scheme (must be https, http, file): ftp://u:xxxxx@h' });
  assert.deepEqual(parseGoproxy('file://host/x'), { ok: false, error: 'invalid file:// proxy URL with non-path elements: file://host/x' });
  assert.deepEqual(parseGoproxy('https://a.example,bad host.example'), { ok: false, error: 'parse "https://bad host.example": invalid character " " in host name' });
});

test('formatGoproxy round-trips separators and keeps entries as written', () => {
  for (const value of ['https://a.example|https://b.example,direct', 'https://goproxy.cn,direct', 'off', 'file:///srv/m|https://proxy.golang.org']) {
    assert.equal(formatGoproxy(entries(value)), value);
  }
  assert.equal(formatGoproxy(entries('goproxy.cn | direct , off')), 'https://goproxy.cn|direct');
});
