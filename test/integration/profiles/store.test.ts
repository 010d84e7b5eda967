// The profile store on real files under a temporary HOME, and subscriptions served by a loopback
// HTTP server started here (and from a file).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { builtinProfile, serializeBundle, type Profile } from '../../../shared/profile/index.js';
import { ProfileError, ProfileStore } from '../../../electron/core/profiles/index.js';

let home: string;
let server: Server;
let base: string;
let served: { status: number; body: string } = { status: 200, body: '' };

const team = (id: string, extra: Partial<Profile> = {}): Profile => ({ ...builtinProfile('global')!, id, name: `Team ${id}`, ...extra });

before(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'goproxyctl-store-'));
  server = createServer((_req, res) => {
    res.writeHead(served.status, { 'content-type': 'application/json' });
    res.end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (home) await rm(home, { recursive: true, force: true, maxRetries: 10 });
});

function store(sub: string, env: NodeJS.ProcessEnv = {}): ProfileStore {
  return new ProfileStore({ env: { HOME: path.join(home, sub), ...env }, platform: 'linux', cwd: home, fetchTimeoutMs: 10_000 });
}

test('lives under XDG_CONFIG_HOME (or ~/.config) and survives a restart', async () => {
  const plain = store('a');
  assert.equal(plain.file, path.join(home, 'a', '.config', 'goproxyctl', 'profiles.json'));
  const xdg = store('a', { XDG_CONFIG_HOME: path.join(home, 'xdg') });
  assert.equal(xdg.file, path.join(home, 'xdg', 'goproxyctl', 'profiles.json'));
  await plain.duplicate('china', 'my-china');
  await plain.setActive('my-china');
  const again = store('a');
  assert.equal((await again.get('my-china')).gosumdb, 'sum.golang.google.cn');
  assert.equal(await again.active(), 'my-china');
  assert.equal((await stat(plain.file)).mode & 0o777, 0o600);
});

test('create, update, duplicate, delete, with clear errors for built-ins and unknown ids', async () => {
  const s = store('b');
  await s.create(team('t1'));
  await s.update({ ...(await s.get('t1')), goprivate: 'git.corp.example.com' });
  assert.equal((await s.get('t1')).goprivate, 'git.corp.example.com');
  const copy = await s.duplicate('t1', 't2');
  assert.equal(copy.name, 'Team t1 (copy)');
  await assert.rejects(s.create(team('t1')), /a profile with the id "t1" already exists/);
  await assert.rejects(s.create(team('china')), /"china" is a built-in profile's id/);
  await assert.rejects(s.remove('global'), /"global" is built in and cannot be changed; duplicate it first/);
  await assert.rejects(s.get('nope'), (err: Error) => err instanceof ProfileError && /there is no profile "nope"; choose one of: china, global, corporate, offline, t1, t2/.test(err.message));
  await assert.rejects(s.create({ ...team('t3'), goproxy: [{ url: 'ftp://x' }] }), /^ProfileError: goproxy\[0\]\.url: go rejects/);
  await s.remove('t1');
  assert.deepEqual((await s.list()).filter((l) => l.origin === 'user').map((l) => l.profile.id), ['t2']);
});

test('import validates the whole document first: a bad one changes nothing', async () => {
  const s = store('c');
  await s.create(team('keep'));
  const before = await readFile(s.file);
  const bad = serializeBundle([team('n1'), { ...team('n2'), goprivate: 'a.example, b.example' }]);
  await assert.rejects(s.importDocument(bad, 'bundle.json'), /bundle\.json: profiles\[1\]\.goprivate: " b\.example" contains whitespace/);
  await assert.rejects(s.importDocument('{ not json', 'x.json'), /x\.json is not valid JSON/);
  await assert.rejects(s.importDocument(serializeBundle([team('n1'), team('keep')]), 'clash.json'), /"keep" already exists/);
  assert.ok((await readFile(s.file)).equals(before), 'the store file is byte-identical');
  assert.deepEqual((await s.importDocument(serializeBundle([team('n1'), team('n2')]), 'good.json')).map((p) => p.id), ['n1', 'n2']);
  await s.importDocument(JSON.stringify(team('keep', { name: 'Replaced' })), 'one.json', { replace: true });
  assert.equal((await s.get('keep')).name, 'Replaced');
  const exported = JSON.parse(await s.exportProfile('n1')) as Profile;
  assert.deepEqual(exported, team('n1'));
});

test('a URL subscription: fetched, refreshed, and never replaced by an invalid or failed fetch', async () => {
  const s = store('d');
  served = { status: 200, body: serializeBundle([team('sub-a'), team('sub-b')]) };
  const first = await s.subscribe(`${base}/team.json`, 3600, new Date('2026-01-01T00:00:00Z'));
  assert.deepEqual(first.profileIds, ['sub-a', 'sub-b']);
  const listed = await s.list();
  assert.deepEqual(listed.find((l) => l.profile.id === 'sub-a')?.origin, { subscription: `${base}/team.json` });
  await assert.rejects(s.remove('sub-a'), /comes from the subscription .* duplicate it to change it/);

  served = { status: 200, body: serializeBundle([team('sub-a', { gosumdb: 'bad bad bad' })]) };
  const invalid = await s.refresh({ now: new Date('2026-01-01T02:00:00Z') });
  assert.equal(invalid[0]!.ok, false);
  assert.match(invalid[0]!.error!, /profiles\[0\]\.gosumdb/);
  assert.deepEqual((await s.list()).filter((l) => typeof l.origin === 'object').map((l) => l.profile.id), ['sub-a', 'sub-b']);

  served = { status: 503, body: 'down' };
  const failed = await s.refresh({ now: new Date('2026-01-01T03:00:00Z') });
  assert.match(failed[0]!.error!, /HTTP 503/);
  assert.equal((await s.subscriptions())[0]!.lastError, failed[0]!.error);

  served = { status: 200, body: serializeBundle([team('sub-a', { name: 'New A' }), team('sub-c')]) };
  // Due-only refresh: a failure was recorded at 03:00, so it is retried an hour later, not before.
  assert.equal((await s.refresh({ onlyDue: true, now: new Date('2026-01-01T03:30:00Z') }))[0]!.skipped, true);
  const ok = await s.refresh({ onlyDue: true, now: new Date('2026-01-01T04:00:00Z') });
  assert.deepEqual(ok[0]!.profileIds, ['sub-a', 'sub-c']);
  assert.equal((await s.get('sub-a')).name, 'New A');
  await assert.rejects(s.get('sub-b'), /there is no profile "sub-b"/);
});

test('a file subscription, and a first fetch that fails stores nothing', async () => {
  const s = store('e');
  const file = path.join(home, 'published.json');
  await writeFile(file, JSON.stringify(team('from-file')));
  assert.deepEqual((await s.subscribe('published.json')).profileIds, ['from-file']);
  served = { status: 404, body: '' };
  await assert.rejects(s.subscribe(`${base}/missing.json`), /cannot fetch .*missing\.json \(HTTP 404\); check the address/);
  await assert.rejects(s.subscribe('ht!tp://bad'), /cannot read/);
  assert.equal((await s.subscriptions()).length, 1);
});
