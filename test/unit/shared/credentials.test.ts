// go's credential rules as pure functions (shared/go/credentials.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBasic, netrcMachineFor, parseGoauth, parseGoauthOutput, parseNetrc } from '../../../shared/go/credentials.js';

test('parseNetrc reads tokens in pairs, resets at machine, skips macdef bodies and stops at a lone default', () => {
  const text = [
    'machine a.example login u1 password p1',
    'machine b.example',
    '  login u2',
    '  password p2',
    'macdef init',
    'machine hidden.example login x password y',
    '',
    'machine c.example login u3',
    'default',
    'machine after.example login z password z',
  ].join('\n');
  assert.deepEqual(parseNetrc(text), [
    { machine: 'a.example', login: 'u1', password: 'p1' },
    { machine: 'b.example', login: 'u2', password: 'p2' },
  ]);
});

test('the machine go looks for: host name in go 1.19, host:port from go 1.20 (1.23 verified)', () => {
  assert.equal(netrcMachineFor('127.0.0.1:8443', '127.0.0.1', [1, 19]), '127.0.0.1');
  assert.equal(netrcMachineFor('127.0.0.1:8443', '127.0.0.1', [1, 23]), '127.0.0.1:8443');
  assert.equal(netrcMachineFor('proxy.example', 'proxy.example', [1, 23]), 'proxy.example');
  assert.equal(netrcMachineFor('[::1]:8443', '::1', [1, 19]), '::1');
  assert.equal(netrcMachineFor('h:1', 'h', null), 'h:1', 'an unknown go counts as current');
});

test('GOAUTH: netrc by default, off alone, command and git need an argument, unknown words are errors', () => {
  assert.deepEqual(parseGoauth(''), { ok: true, methods: [{ kind: 'netrc' }] });
  assert.deepEqual(parseGoauth('off'), { ok: true, methods: [{ kind: 'off' }] });
  assert.deepEqual(parseGoauth('netrc; command goproxyctl auth helper'), { ok: true, methods: [{ kind: 'netrc' }, { kind: 'command', command: 'goproxyctl auth helper' }] });
  assert.equal(parseGoauth('off;netrc').ok, false);
  assert.equal(parseGoauth('command').ok, false);
  assert.equal(parseGoauth('git').ok, false);
  assert.equal(parseGoauth('kerberos').ok, false);
});

test('GOAUTH command output: sets of https URLs, a blank line, headers, a blank line', () => {
  const out = 'https://a.example\nhttps://b.example/sub\n\nAuthorization: Basic dTpw\n\nhttps://c.example\n\nAuthorization: Bearer t\nX-Extra: 1\n\n';
  assert.deepEqual(parseGoauthOutput(out), {
    ok: true,
    sets: [
      { prefixes: ['https://a.example', 'https://b.example/sub'], headers: [['Authorization', 'Basic dTpw']] },
      { prefixes: ['https://c.example'], headers: [['Authorization', 'Bearer t'], ['X-Extra', '1']] },
    ],
  });
  assert.equal(parseGoauthOutput('http://a.example\n\nAuthorization: Basic x\n\n').ok, false, 'http prefixes are refused');
  assert.deepEqual(parseGoauthOutput(''), { ok: true, sets: [] });
});

test('decodeBasic takes user:password from a Basic header only', () => {
  const b64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
  assert.deepEqual(decodeBasic('Basic dTpwOnE=', b64), { user: 'u', secret: 'p:q' });
  assert.equal(decodeBasic('Bearer abc', b64), null);
});
