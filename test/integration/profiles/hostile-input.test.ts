// `profiles import` and `profiles subscribe` against input that tries to hang, flood or hijack the
// terminal, through the built CLI under a temporary HOME: a fifo nobody writes to and /dev/zero
// are refused before any read, an oversize file before it is read, a remote body that never ends
// is cut by Ctrl-C, and names carrying terminal escape sequences reach the terminal escaped.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { builtinProfile, serializeBundle } from '../../../shared/profile/index.js';
import { runCommand } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

let t: TempHome;
before(async () => {
  t = await makeTempHome('goproxyctl-hostile-');
});
after(() => t.cleanup());

function cli(...args: string[]) {
  return runCommand(process.execPath, [cliPath, ...args], { env: t.env, cwd: t.home, timeoutMs: 60_000 });
}

function assertOneSentence(stderr: string, pattern: RegExp): void {
  assert.match(stderr, pattern);
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
}

const ESC = '\u001b';
const BEL = '\u0007';
const assertNoControls = (out: string, what: string): void => {
  assert.ok(!out.includes(ESC) && !out.includes(BEL) && !out.includes('\u009b') && !out.includes('\u202e'), `${what} holds a raw control character: ${JSON.stringify(out)}`);
};

test('a fifo nobody writes to, /dev/zero and a directory are refused at once, without reading', { timeout: 120_000 }, async () => {
  const fifo = path.join(t.home, 'profiles.fifo');
  execFileSync('mkfifo', [fifo]);
  await mkdir(path.join(t.home, 'a-dir'));
  const cases: [string, RegExp][] = [
    [fifo, /profiles\.fifo is a named pipe \(fifo\), not a regular file/],
    ['/dev/zero', /\/dev\/zero is a character device, not a regular file/],
    [path.join(t.home, 'a-dir'), /a-dir is a directory, not a regular file/],
  ];
  const fixes: Record<string, string> = { import: '; give the path of a profile JSON file.\n', subscribe: '; give the path of a profile JSON file or its https:// URL.\n' };
  for (const [file, pattern] of cases) {
    for (const sub of ['import', 'subscribe']) {
      const r = await cli('profiles', sub, file);
      assert.equal(r.code, 2, `${sub} ${file}: ${r.stderr}`);
      assertOneSentence(r.stderr, pattern);
      assert.ok(r.stderr.endsWith(fixes[sub]!) && r.stderr.split('give the path').length === 2, `one fix, at the end: ${r.stderr}`);
    }
  }
  const json = await cli('profiles', 'import', fifo, '--json');
  assert.equal(json.code, 2);
  assert.equal((await cli('profiles', 'list', '--json')).code, 0, 'the store is still readable');
});

test('a file over 1 MiB is refused before it is read', async () => {
  const big = path.join(t.home, 'big.json');
  await writeFile(big, '');
  await truncate(big, (1 << 20) + 1); // sparse: no real bytes to read anyway
  for (const sub of ['import', 'subscribe']) {
    const r = await cli('profiles', sub, big);
    assert.equal(r.code, 2, r.stderr);
    assertOneSentence(r.stderr, /big\.json is larger than 1 MiB; give the path of a profile JSON file/);
  }
});

test('a remote subscription that never finishes its body ends on SIGINT, and on SIGTERM', { timeout: 120_000 }, async () => {
  let requested: () => void = () => undefined;
  const open: ServerResponse[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"schema": 1, "profiles": [');
    open.push(res);
    requested();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow.json`;
  try {
    for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const seen = new Promise<void>((resolve) => (requested = resolve));
      const child = spawn(process.execPath, [cliPath, 'profiles', 'subscribe', url], { env: t.env, cwd: t.home, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      await seen; // the CLI is now reading a body that will never end
      child.kill(sig);
      assert.equal(await exited, code, `${sig}: ${stderr}`);
      assert.match(stderr, /^goproxyctl profiles: interrupted\.\n$/);
    }
    const list = JSON.parse((await cli('profiles', 'list', '--json')).stdout) as { subscriptions: unknown[] };
    assert.deepEqual(list.subscriptions, [], 'an interrupted subscribe stores nothing');
  } finally {
    for (const res of open) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a remote body that never ends is cut at 1 MiB: refused, nothing stored', { timeout: 120_000 }, async () => {
  let sent = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, ' ');
    const pump = (): void => {
      // Stop feeding once the client hung up (or after 64 MiB, far past any cap: a broken cap fails the test below).
      while (!res.destroyed && sent < 64 << 20) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const r = await cli('profiles', 'subscribe', `http://127.0.0.1:${(server.address() as AddressInfo).port}/endless.json`);
    assert.equal(r.code, 2, r.stderr);
    assertOneSentence(r.stderr, /cannot fetch http:\/\/127\.0\.0\.1:\d+\/endless\.json \(larger than 1048576 bytes\); check the address/);
    assert.ok(sent < 16 << 20, `the client stopped reading early (${sent} bytes sent)`);
    assert.deepEqual((JSON.parse((await cli('profiles', 'list', '--json')).stdout) as { subscriptions: unknown[] }).subscriptions, []);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('names with OSC and CSI sequences from a subscription reach the terminal escaped', { timeout: 180_000 }, async () => {
  const hostileName = `${ESC}]0;owned${BEL}${ESC}[31mred${ESC}[0m\u202etxt.exe\u009b2J`;
  const profile = { ...builtinProfile('global')!, id: 'hostile', name: hostileName, description: `${ESC}]52;c;cm0gLXJmIH4=${BEL}` };
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(serializeBundle([profile]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/team.json`;
  try {
    const sub = await cli('profiles', 'subscribe', url);
    assert.equal(sub.code, 0, sub.stderr);
    const runs = [sub, await cli('profiles', 'list'), await cli('profiles', 'show', 'hostile'), await cli('use', 'hostile', '--dry-run', '--shells', 'bash'), await cli('use', 'hostile', '--shells', 'bash'), await cli('undo'), await cli('undo', '--list'), await cli('profiles', 'export', 'hostile'), await cli('export', 'hostile', '--to', 'shell'), await cli('profiles', 'refresh')];
    for (const r of runs) {
      assertNoControls(r.stdout, 'stdout');
      assertNoControls(r.stderr, 'stderr');
    }
    const use = runs[4]!;
    assert.match(use.stdout, /^Applied hostile \(\\x1b\]0;owned\\x07\\x1b\[31mred\\x1b\[0m\\u202etxt\.exe\\x9b2J\): wrote /m, 'shown escaped, not dropped');
    assert.equal((JSON.parse(runs[7]!.stdout) as { name: string }).name, hostileName, '`profiles export` is still the exact document');
    // --json keeps the exact value, with every control character as a JSON escape.
    const json = await cli('profiles', 'show', 'hostile', '--json');
    assertNoControls(json.stdout, '--json stdout');
    assert.equal((JSON.parse(json.stdout) as { profile: { name: string } }).profile.name, hostileName);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('an error about a file that is not JSON does not echo its bytes', async () => {
  const file = path.join(t.home, 'garbage.json');
  await writeFile(file, `${ESC}]0;SECRET-FIRST-BYTES${BEL} this is not json`);
  for (const sub of ['import', 'subscribe']) {
    const r = await cli('profiles', sub, file);
    assert.equal(r.code, 2, r.stderr);
    assertOneSentence(r.stderr, /garbage\.json is not valid JSON \(line 1, column 1\); fix the syntax/);
    assert.ok(!r.stderr.includes('SECRET-FIRST-BYTES'), r.stderr);
    assertNoControls(r.stderr, 'stderr');
  }
  const broken = path.join(t.home, 'broken.json');
  await writeFile(broken, '{"schema": 1, "profiles": [ {"id": "x", SECRET-LATER-BYTES');
  const r = await cli('profiles', 'import', broken);
  assert.match(r.stderr, /broken\.json is not valid JSON \(line 1, column \d+\)/);
  assert.ok(!r.stderr.includes('SECRET-LATER-BYTES'), r.stderr);
  assert.deepEqual(await readFile(broken, 'utf8'), '{"schema": 1, "profiles": [ {"id": "x", SECRET-LATER-BYTES');
});
