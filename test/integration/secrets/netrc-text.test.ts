// The managed netrc block: foreign bytes are never changed, and go reads our entries (checked
// with a port of go's parseNetrc, including its macdef and default rules).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NetrcError } from '../../../electron/core/secrets/errors.js';
import {
  NETRC_BEGIN_MARKER,
  netrcMachinesForOrigin,
  parseManagedNetrcCredentials,
  replaceManagedNetrcBlock,
  type NetrcCredential,
} from '../../../electron/core/secrets/netrc-text.js';
import { netrcCredentialGo123, parseNetrc } from './go-auth-port.js';

const ours: NetrcCredential[] = [
  { origin: 'https://proxy.corp.example', user: 'alice', secret: 'pä$$wörd"#!' },
  { origin: 'https://athens.corp.example:8443', user: 'bob', secret: 's3cr3t' },
];
const latin1 = (b: Buffer): string => b.toString('latin1');
const utf8 = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

// Foreign files as raw bytes, including the awkward ones.
const corpus: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  plain: Buffer.from('machine github.com login me password ghp_x\n'),
  'no final newline': Buffer.from('machine github.com login me password ghp_x'),
  crlf: Buffer.from('machine a.example\r\n  login u\r\n  password p\r\n'),
  bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('machine a.example login u password p\n')]),
  'invalid utf-8': Buffer.concat([Buffer.from('machine a.example login u password '), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('\n')]),
  'macdef without blank line at the end': Buffer.from('machine a.example login u password p\nmacdef init\ncd /pub\n'),
  'default at the end': Buffer.from('machine a.example login u password p\ndefault\nlogin anonymous password me@example.com\n'),
  'same machine as ours': Buffer.from('machine proxy.corp.example login old password stale\n'),
  long: Buffer.from(Array.from({ length: 5000 }, (_, i) => `machine host${i}.example login u${i} password p${i}\n`).join('')),
};

for (const [name, original] of Object.entries(corpus)) {
  test(`netrc (${name}): adding then removing our block gives the original bytes, and go reads our entries`, () => {
    const withOurs = replaceManagedNetrcBlock(latin1(original), ours);
    assert.notEqual(withOurs, latin1(original));
    // Foreign bytes untouched: they are all still there, in order, after our block.
    assert.ok(withOurs.includes(latin1(original).replace(/^\xef\xbb\xbf/, '')));
    assert.deepEqual(parseManagedNetrcCredentials(withOurs), [...ours].sort((a, b) => (a.origin < b.origin ? -1 : 1)));

    const goLines = parseNetrc(utf8(withOurs));
    assert.deepEqual(netrcCredentialGo123(goLines, 'https://proxy.corp.example/mod/@v/list'), { login: 'alice', password: 'pä$$wörd"#!' });
    assert.deepEqual(netrcCredentialGo123(goLines, 'https://athens.corp.example:8443/mod/@v/list'), { login: 'bob', password: 's3cr3t' });
    // Go 1.24+ (GOAUTH=netrc) keys by host[:port]: the extra line is there for it.
    assert.ok(goLines.some((l) => l.machine === 'athens.corp.example:8443' && l.login === 'bob'));

    const removed = replaceManagedNetrcBlock(withOurs, []);
    assert.ok(Buffer.from(removed, 'latin1').equals(original), 'removal restores the exact bytes');
  });
}

test('replacing the block changes only the block, wherever the user moved it', () => {
  const before = 'machine a.example login u password p\n';
  const after = 'machine z.example login z password z\n';
  const moved = before + replaceManagedNetrcBlock('', [ours[0]!]) + after;
  const updated = replaceManagedNetrcBlock(moved, [ours[1]!]);
  assert.ok(updated.startsWith(before) && updated.endsWith(after));
  assert.deepEqual(parseManagedNetrcCredentials(updated), [ours[1]]);
  assert.equal(replaceManagedNetrcBlock(updated, []), before + after);
});

test('values netrc cannot represent are refused without echoing the secret', () => {
  for (const c of [
    { origin: 'https://a.example', user: 'al ice', secret: 'ok' },
    { origin: 'https://a.example', user: 'alice', secret: 'has space-SECRETVALUE' },
    { origin: 'https://a.example', user: 'alice', secret: 'tab\tSECRETVALUE' },
    { origin: 'http://127.0.0.1:8080', user: 'alice', secret: 'SECRETVALUE' },
  ]) {
    assert.throws(() => replaceManagedNetrcBlock('', [c]), (e: unknown) => e instanceof NetrcError && !e.message.includes('SECRETVALUE'));
  }
});

test('a begin marker without its end line is an error, not a guess', () => {
  assert.throws(() => replaceManagedNetrcBlock(`${NETRC_BEGIN_MARKER}\nmachine x login y password z\n`, ours), NetrcError);
});

test('machines: the host name for go < 1.24, plus host:port for go >= 1.24 on non-default ports', () => {
  assert.deepEqual(netrcMachinesForOrigin('https://proxy.example'), ['proxy.example']);
  assert.deepEqual(netrcMachinesForOrigin('https://127.0.0.1:8443'), ['127.0.0.1', '127.0.0.1:8443']);
  assert.deepEqual(netrcMachinesForOrigin('https://[::1]:8443'), ['::1', '[::1]:8443']);
});
