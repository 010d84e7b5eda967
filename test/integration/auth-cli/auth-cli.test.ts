// `goproxyctl auth` end to end: the built CLI in a temporary HOME, against a real gnome-keyring
// (scripts/with-keyring.sh) or no keychain at all. The secret only ever travels on stdin, and must
// never show up in any output or in any file under HOME (the keyring file stores it encrypted).
import assert from 'node:assert/strict';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { envForHome } from '../secrets/run-child.js';
import { filesContaining, listFiles, makeTempHome, type TempHome } from '../../support/temp-home.js';
import { runStepsInKeyring } from './cli-steps-child.js';

const SECRET = 'pa55-Wörd-auth-cli-7f3a9c';
const TYPED = 'typed-at-the-prompt-41d2';
const ORIGIN = 'https://proxy.corp.example';
const basic = (user: string, secret: string): string => Buffer.from(`${user}:${secret}`, 'utf8').toString('base64');

let home: TempHome;
before(async () => {
  home = await makeTempHome('goproxyctl-auth-cli-');
});
after(() => home.cleanup());

async function freshHome(name: string): Promise<string> {
  const dir = path.join(home.home, name);
  await mkdir(dir);
  return dir;
}


/** The GOAUTH response format: sets of URL lines, a blank line, header lines, a blank line. */
function parseCredentialSets(text: string): { urls: string[]; headers: string[] }[] {
  const sets: { urls: string[]; headers: string[] }[] = [];
  const lines = text.split('\n');
  assert.equal(lines.pop(), '', 'the response ends with a newline');
  let i = 0;
  while (i < lines.length) {
    const urls: string[] = [];
    while (lines[i] !== '') urls.push(lines[i++]!);
    i++;
    const headers: string[] = [];
    while (lines[i] !== '') headers.push(lines[i++]!);
    i++;
    assert.ok(urls.length > 0 && urls.every((u) => u.startsWith('https://')), `URL lines: ${urls.join(',')}`);
    sets.push({ urls, headers });
  }
  return sets;
}

test('set from stdin, list, helper (both calls), netrc opt-in and out, remove: the secret never leaks', { timeout: 180_000 }, async () => {
  const dir = await freshHome('roundtrip');
  const netrc = path.join(dir, 'custom', 'netrc');
  const env = envForHome(dir, { NETRC: netrc });
  const results = await runStepsInKeyring(
    [
      // A typed-as-usual URL with a path and default port; the trailing newline of `echo` is not part of the secret.
      { args: ['auth', 'set', 'HTTPS://Proxy.Corp.Example:443/go/', '--user', 'ci', '--json'], stdin: `${SECRET}\n` },
      { args: ['auth', 'set', 'https://other.example:8443', '--user', 'bot'], stdin: 'second-secret-xyz' },
      { args: ['auth', 'list', '--json'] },
      { args: ['auth', 'helper'] },
      { args: ['auth', 'helper', `${ORIGIN}/go/example.com/m/@v/list`], stdin: 'HTTP/1.1 401 Unauthorized\nWww-Authenticate: Basic realm="p"\n\n' },
      { args: ['auth', 'helper', 'https://unrelated.example/x/@v/list'], stdin: 'HTTP/1.1 403 Forbidden\n\n' },
      { args: ['auth', 'helper', '--json'] },
      { args: ['auth', 'netrc', '--enable', '--json'] },
      { args: ['auth', 'list', '--json'] },
      { args: ['auth', 'netrc', '--disable', '--json'] },
      { args: ['auth', 'remove', 'proxy.corp.example', '--json'] },
      { args: ['auth', 'remove', 'https://other.example:8443'] },
      { args: ['auth', 'list', '--json'] },
      { args: ['auth', 'remove', ORIGIN] },
      // On a terminal: the no-echo prompt, then the helper proves what was stored.
      { args: ['auth', 'set', 'https://tty.example', '--user', 'me'], stdin: TYPED, typeAfter: 'Password or token for me at https://tty.example: ' },
      { args: ['auth', 'helper', 'https://tty.example/m/@v/list'], stdin: 'HTTP/1.1 401 Unauthorized\n\n' },
    ],
    env,
    120_000,
  );
  const [set1, set2, list1, helperAll, helperRetry, helperNoMatch, helperJson, netrcOn, list2, netrcOff, remove1, remove2, list3, removeAgain, ttySet, ttyHelper] = results;
  for (const r of results.slice(0, 13)) assert.equal(r.code, 0, `${r.args.join(' ')}: ${r.stderr}`);

  assert.deepEqual(JSON.parse(set1!.stdout), { origin: ORIGIN, user: 'ci', stored: true, backend: 'Secret Service' });
  assert.match(set2!.stdout, /^Stored the credential for https:\/\/other\.example:8443 \(user bot\)/);

  // list: origin and user only, sorted by origin.
  const listed = JSON.parse(list1!.stdout) as { credentials: Record<string, string>[]; netrc: { path: string; entries: unknown[] } };
  assert.deepEqual(listed.credentials, [
    { origin: 'https://other.example:8443', user: 'bot' },
    { origin: ORIGIN, user: 'ci' },
  ]);
  assert.deepEqual(listed.netrc, { path: netrc, entries: [] });

  // helper without argument: every stored https set, Basic auth of exactly user:secret.
  const all = parseCredentialSets(helperAll!.stdout);
  assert.deepEqual(all, [
    { urls: ['https://other.example:8443'], headers: [`Authorization: Basic ${basic('bot', 'second-secret-xyz')}`] },
    { urls: [ORIGIN], headers: [`Authorization: Basic ${basic('ci', SECRET)}`] },
  ]);
  // helper with go's retry URL (response on stdin): only the matching set; nothing for a stranger.
  assert.deepEqual(parseCredentialSets(helperRetry!.stdout), [{ urls: [ORIGIN], headers: [`Authorization: Basic ${basic('ci', SECRET)}`] }]);
  assert.equal(helperNoMatch!.stdout, '');
  assert.deepEqual(JSON.parse(helperJson!.stdout), { prefixes: ['https://other.example:8443', ORIGIN] });

  // netrc opt-in: managed entries in $NETRC, private; opt-out removes them.
  assert.deepEqual(JSON.parse(netrcOn!.stdout), { path: netrc, written: ['https://other.example:8443', ORIGIN], skipped: [] });
  assert.deepEqual((JSON.parse(list2!.stdout) as { netrc: { entries: unknown } }).netrc.entries, [
    { origin: 'https://other.example:8443', user: 'bot' },
    { origin: ORIGIN, user: 'ci' },
  ]);
  assert.deepEqual(JSON.parse(netrcOff!.stdout), { path: netrc, removed: ['https://other.example:8443', ORIGIN] });
  assert.equal((await stat(netrc)).mode & 0o777, 0o600);
  assert.ok(!(await readFile(netrc, 'utf8')).includes('machine'), 'no managed entry left');

  assert.deepEqual(JSON.parse(remove1!.stdout), { origin: ORIGIN, removed: true, netrcRemoved: false });
  assert.match(remove2!.stdout, /^Removed the credential for https:\/\/other\.example:8443\./);
  assert.deepEqual((JSON.parse(list3!.stdout) as { credentials: unknown }).credentials, []);
  assert.equal(removeAgain!.code, 1);
  assert.match(removeAgain!.stderr, /no credential is stored for https:\/\/proxy\.corp\.example/);

  // Typed at the prompt: stored exactly, never echoed.
  assert.equal(ttySet!.code, 0, ttySet!.stdout);
  assert.match(ttySet!.stdout, /Stored the credential for https:\/\/tty\.example \(user me\)/);
  assert.ok(!ttySet!.stdout.includes(TYPED), 'the typed secret was echoed');
  assert.deepEqual(parseCredentialSets(ttyHelper!.stdout), [{ urls: ['https://tty.example'], headers: [`Authorization: Basic ${basic('me', TYPED)}`] }]);

  // The secret (raw, or as a Basic header outside the helper's answers) appears nowhere.
  for (const r of results) {
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), `${r.args.join(' ')} printed the secret`);
    if (!r.args.includes('helper') || r.args.includes('--json')) assert.ok(!r.stdout.includes(basic('ci', SECRET)), `${r.args.join(' ')} printed the credential`);
  }
  assert.deepEqual(await filesContaining(dir, SECRET), []);
  assert.deepEqual(await filesContaining(dir, basic('ci', SECRET)), []);
  assert.deepEqual(await filesContaining(dir, Buffer.from(SECRET, 'utf16le')), []);
  assert.deepEqual(await filesContaining(dir, TYPED), []);
});

test('without a keychain: one clear sentence, exit 1, and nothing written', { timeout: 60_000 }, async () => {
  const dir = await freshHome('no-keychain');
  const env = envForHome(dir, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
  for (const args of [['auth', 'set', ORIGIN, '--user', 'ci'], ['auth', 'list'], ['auth', 'helper'], ['auth', 'remove', ORIGIN], ['auth', 'netrc', '--enable']]) {
    const r = await runCommand(process.execPath, [cliPath, ...args], { env, input: SECRET, timeoutMs: 30_000 });
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^goproxyctl auth: no OS keychain is available: start a Secret Service .* never stores credentials in plain text\.\n$/);
    assert.ok(!r.stderr.includes(SECRET));
  }
  assert.deepEqual(await listFiles(dir), []);
});

test('bad input: exit 2 with the fix, the secret never taken from argv, nothing written', { timeout: 60_000 }, async () => {
  const dir = await freshHome('bad-input');
  const env = envForHome(dir, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
  const cases: [string[], RegExp][] = [
    [['auth', 'set', ORIGIN, '--user', 'ci', `--password=${SECRET}`], /--password is not accepted because other users can read command lines: pipe the secret on stdin/],
    [['auth', 'set', ORIGIN, '--user', 'ci', '--token', SECRET], /--token is not accepted/],
    [['auth', 'set', ORIGIN], /give the user name with --user/],
    [['auth', 'set', 'http://proxy.corp.example', '--user', 'ci'], /plain http, which would send the credential unencrypted: use its https:\/\/ URL/],
    // Loopback too: go never sends credentials over http, so storing one could only mislead.
    [['auth', 'set', 'http://127.0.0.1:8080', '--user', 'ci'], /http:\/\/127\.0\.0\.1:8080 is plain http, and go never sends credentials over http .*store the credential for its https:\/\/ URL/],
    [['auth', 'set', 'http://localhost:3000', '--user', 'ci', '--json'], /go never sends credentials over http/],
    [['auth', 'set', `https://ci:${SECRET}@proxy.corp.example`, '--user', 'ci'], /must not contain a user name or password/],
    [['auth', 'set', ORIGIN, '--user', 'a:b'], /contains ":"/],
    [['auth', 'frobnicate'], /"frobnicate" is not an auth subcommand: use set, list, remove, helper or netrc/],
    [['auth'], /say what to do: set, list, remove, helper or netrc/],
    [['auth', 'netrc'], /give exactly one of --enable .* or --disable/],
    [['auth', 'helper', 'https://a.example', 'https://b.example'], /at most one argument/],
  ];
  for (const [args, message] of cases) {
    const r = await runCommand(process.execPath, [cliPath, ...args], { env, input: 'x', timeoutMs: 30_000 });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, 'one sentence');
    assert.ok(!r.stderr.includes(SECRET) && !r.stdout.includes(SECRET), `${args.join(' ')} echoed the secret`);
  }
  assert.deepEqual(await listFiles(dir), []);
});
