// Origin normalization: the key a credential is stored under, and what may hold one at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SecretStoreInputError } from '../../../electron/core/secrets/errors.js';
import { isLoopbackHost, normalizeCredentialOrigin } from '../../../electron/core/secrets/origin.js';

test('the same proxy written different ways maps to one origin', () => {
  const same = ['https://Proxy.Corp.Example', 'HTTPS://proxy.corp.example:443/', 'https://proxy.corp.example/go/private?x=1#f', 'proxy.corp.example', ' proxy.corp.example/ '];
  for (const input of same) assert.equal(normalizeCredentialOrigin(input), 'https://proxy.corp.example', input);
  assert.equal(normalizeCredentialOrigin('proxy.corp.example:8443'), 'https://proxy.corp.example:8443');
  assert.equal(normalizeCredentialOrigin('https://bücher.example'), 'https://xn--bcher-kva.example');
  assert.equal(normalizeCredentialOrigin('https://[::1]:9443/x'), 'https://[::1]:9443');
});

test('plain http is accepted only for loopback lab hosts', () => {
  assert.equal(normalizeCredentialOrigin('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080');
  assert.equal(normalizeCredentialOrigin('http://LOCALHOST:80'), 'http://localhost');
  assert.equal(normalizeCredentialOrigin('http://[::1]:3000'), 'http://[::1]:3000');
  for (const bad of ['http://proxy.corp.example', 'http://10.0.0.1:8080', 'http://127.0.0.1.nip.io']) {
    assert.throws(() => normalizeCredentialOrigin(bad), (e: unknown) => e instanceof SecretStoreInputError && /plain http/.test(e.message), bad);
  }
  assert.ok(isLoopbackHost('127.10.0.3') && isLoopbackHost('a.localhost') && !isLoopbackHost('localhost.example'));
});

test('other schemes, empty input and garbage are refused with one sentence naming the fix', () => {
  for (const bad of ['', 'file:///tmp/proxy', 'ftp://proxy.example', 'https://', 'https://exa mple.com']) {
    assert.throws(() => normalizeCredentialOrigin(bad), (e: unknown) => e instanceof SecretStoreInputError && /: /.test(e.message) && !e.message.includes('\n'), bad);
  }
});

test('a URL with credentials in it is refused without echoing them', () => {
  for (const input of ['https://alice:hunter2-secret@proxy.example', 'alice:hunter2-secret@proxy.example', 'https://alice:hunter2-secret@']) {
    assert.throws(
      () => normalizeCredentialOrigin(input),
      (e: unknown) => e instanceof SecretStoreInputError && !e.message.includes('hunter2-secret') && !e.message.includes('alice'),
      input,
    );
  }
});
