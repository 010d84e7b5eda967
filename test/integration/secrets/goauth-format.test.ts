// The GOAUTH helper's output, read back with a port of go's own parser (parseUserAuth) and lookup
// (loadCredential), per `go help goauth` (go-semantics.md §4).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basicAuthorization, basicCredentialSet, formatGoauthCredentialSets, selectCredentialSetForUrl } from '../../../electron/core/secrets/goauth-format.js';
import { headersGoWouldSend, parseUserAuth } from './go-auth-port.js';

const decodeBasic = (value: string): string => Buffer.from(value.replace(/^Basic /, ''), 'base64').toString('utf8');

test('every set is URL lines, a blank line, header lines, a blank line, and go parses it', () => {
  const text = formatGoauthCredentialSets([
    basicCredentialSet('https://a.example', 'alice', 'pä ss:wörd"\\'),
    { prefixes: ['https://b.example', 'https://c.example:8443'], headers: [['Authorization', 'Bearer t0k'], ['X-Team', 'blue']] },
  ]);
  assert.equal(
    text,
    `https://a.example\n\nAuthorization: ${basicAuthorization('alice', 'pä ss:wörd"\\')}\n\n` +
      'https://b.example\nhttps://c.example:8443\n\nAuthorization: Bearer t0k\nX-Team: blue\n\n',
  );
  const parsed = parseUserAuth(text);
  assert.deepEqual([...parsed.keys()], ['a.example', 'b.example', 'c.example:8443']);
  assert.equal(decodeBasic(headersGoWouldSend(parsed, 'https://a.example/mod/@v/list')![0]![1]), 'alice:pä ss:wörd"\\');
  assert.deepEqual(headersGoWouldSend(parsed, 'https://c.example:8443/x/@v/v1.0.0.info'), [['Authorization', 'Bearer t0k'], ['X-Team', 'blue']]);
  assert.equal(headersGoWouldSend(parsed, 'https://c.example/x'), null, 'the port is part of the prefix');
});

test('non-https prefixes and empty header lists are never printed; no sets print nothing', () => {
  assert.equal(formatGoauthCredentialSets([]), '');
  const text = formatGoauthCredentialSets([basicCredentialSet('http://127.0.0.1:8080', 'u', 'p'), { prefixes: ['https://x.example'], headers: [] }]);
  assert.equal(text, '');
  assert.equal(parseUserAuth(text).size, 0);
});

test('a retry URL selects the longest matching prefix, on path-segment boundaries only', () => {
  const sets = [
    basicCredentialSet('https://corp.example', 'root', 'r'),
    basicCredentialSet('https://corp.example/go/team-a/', 'team-a', 'a'),
    basicCredentialSet('https://corp.example/go', 'go', 'g'),
  ];
  const userFor = (url: string): string | null => {
    const set = selectCredentialSetForUrl(sets, url);
    if (!set) return null;
    const parsed = parseUserAuth(formatGoauthCredentialSets([set]));
    assert.equal(parsed.size, 1, 'only the one matching set is printed');
    return decodeBasic(headersGoWouldSend(parsed, url)![0]![1]).split(':')[0]!;
  };
  assert.equal(userFor('https://corp.example/go/team-a/mod/@v/list'), 'team-a');
  assert.equal(userFor('https://corp.example/go/team-b/mod/@v/list'), 'go');
  assert.equal(userFor('https://corp.example/go/team-ab/x'), 'go', 'team-a is not a prefix of team-ab');
  assert.equal(userFor('https://corp.example/gopher'), 'root');
  assert.equal(userFor('https://corp.example'), 'root');
  assert.equal(selectCredentialSetForUrl(sets, 'https://corp.example.evil/go/x'), null);
  assert.equal(selectCredentialSetForUrl(sets, 'https://evil.example/corp.example'), null);
  assert.equal(selectCredentialSetForUrl(sets, 'http://corp.example/go/x'), null, 'go never asks for plain http');
  assert.equal(selectCredentialSetForUrl(sets, 'not a url'), null);
});
