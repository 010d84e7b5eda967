// scripts/with-keyring.sh itself: a private session with a working, unlocked Secret Service, the
// caller's stdio and exit status passed through, and keyring files only where they belong.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runCommand } from '../../support/go.js';
import { envForHome, withKeyringScript } from './run-child.js';
import { listFiles, makeTempHome, type TempHome } from '../../support/temp-home.js';

let home: TempHome;
before(async () => {
  home = await makeTempHome();
});
after(() => home.cleanup());

// Stores the secret read from stdin with secret-tool, reads it back, and reports the session.
const SCRIPT = 'secret-tool store --label=t service with-keyring-test account a && secret-tool lookup service with-keyring-test account a && echo && echo "bus=$DBUS_SESSION_BUS_ADDRESS" && exit 7';

test('the command gets stdin, a private bus and a writable unlocked keyring; its exit status is kept', async () => {
  const dir = path.join(home.home, 'stdio');
  await mkdir(dir);
  const env = envForHome(dir, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/outer-bus' });
  const res = await runCommand('bash', [withKeyringScript, 'bash', '-c', SCRIPT], { env, input: 'from-stdin-ü', timeoutMs: 30_000 });
  assert.equal(res.code, 7, res.stderr);
  const [secret, bus] = res.stdout.split('\n');
  assert.equal(secret, 'from-stdin-ü');
  assert.match(bus!, /^bus=unix:/);
  assert.ok(!bus!.includes('/nonexistent/outer-bus'));
  // The keyring lives under the caller's XDG_DATA_HOME; nothing else is written in HOME.
  assert.deepEqual(await listFiles(dir), ['.local/share/keyrings/login.keyring', '.local/share/keyrings/user.keystore']);
});

test('without XDG_DATA_HOME the keyring is a temporary one, and HOME stays untouched', async () => {
  const dir = path.join(home.home, 'no-xdg');
  await mkdir(dir);
  const res = await runCommand('bash', [withKeyringScript, 'bash', '-c', SCRIPT], { env: envForHome(dir, { XDG_DATA_HOME: undefined }), input: 'x', timeoutMs: 30_000 });
  assert.equal(res.code, 7, res.stderr);
  assert.deepEqual(await listFiles(dir), []);
});

test('an existing login keyring is refused rather than opened with a wrong password', async () => {
  const dir = path.join(home.home, 'existing');
  await mkdir(path.join(dir, '.local', 'share', 'keyrings'), { recursive: true });
  await writeFile(path.join(dir, '.local', 'share', 'keyrings', 'login.keyring'), 'not ours');
  const res = await runCommand('bash', [withKeyringScript, 'true'], { env: envForHome(dir), timeoutMs: 30_000 });
  assert.equal(res.code, 1);
  assert.match(res.stderr, /login\.keyring already exists .*: point XDG_DATA_HOME at a fresh directory/);
});
