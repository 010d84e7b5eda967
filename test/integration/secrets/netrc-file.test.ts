// Writing netrc files for real under a temporary HOME: modes, refusals, symlinks, $NETRC, exact bytes.
import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { NetrcError } from '../../../electron/core/secrets/errors.js';
import { defaultNetrcPath, listNetrcEntries, removeNetrcEntries, writeNetrcEntries } from '../../../electron/core/secrets/netrc-file.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';

let home: TempHome;
before(async () => {
  home = await makeTempHome();
});
after(() => home.cleanup());

const SECRET = 'n3trc-S3CRET-value';
const cred = { origin: 'https://Proxy.Corp.Example/go/', user: 'alice', secret: SECRET };

test('a new netrc file is created 0600 with the managed block, and removal leaves it empty', async () => {
  const file = path.join(home.home, 'new', '.netrc');
  await writeNetrcEntries(file, [cred]);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  const text = await readFile(file, 'utf8');
  assert.match(text, /^# goproxyctl managed begin\n# goproxyctl origin https:\/\/proxy\.corp\.example\nmachine proxy\.corp\.example login alice password n3trc-S3CRET-value\n# goproxyctl managed end\n$/);
  assert.deepEqual(await listNetrcEntries(file), [{ origin: 'https://proxy.corp.example', user: 'alice' }]);
  await removeNetrcEntries(file, ['proxy.corp.example']);
  assert.equal(await readFile(file, 'utf8'), '');
});

test('entries are upserted by origin; foreign bytes and the file mode are kept', async () => {
  const file = path.join(home.home, 'upsert.netrc');
  const foreign = Buffer.concat([Buffer.from('machine github.com\r\n login me\r\n password ghp_\xff'), Buffer.from([0xfe, 0x00])]);
  await writeFile(file, foreign, { mode: 0o400 | 0o200 });
  await writeNetrcEntries(file, [cred, { origin: 'https://b.example:8443', user: 'bob', secret: 'b0b' }]);
  await writeNetrcEntries(file, [{ ...cred, user: 'alice2', secret: 'rotated' }]);
  assert.deepEqual(await listNetrcEntries(file), [
    { origin: 'https://b.example:8443', user: 'bob' },
    { origin: 'https://proxy.corp.example', user: 'alice2' },
  ]);
  assert.ok(!(await readFile(file, 'utf8')).includes(SECRET), 'the replaced secret is gone');
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  await removeNetrcEntries(file, ['https://proxy.corp.example', 'https://b.example:8443']);
  assert.ok((await readFile(file)).equals(foreign));
});

test('a netrc readable by others is refused (without the secret in the message), or fixed when asked', async () => {
  const file = path.join(home.home, 'shared.netrc');
  await writeFile(file, 'machine a.example login u password p\n');
  await chmod(file, 0o644);
  await assert.rejects(writeNetrcEntries(file, [cred]), (e: unknown) => e instanceof NetrcError && /chmod 600/.test(e.message) && !e.message.includes(SECRET));
  assert.equal(await readFile(file, 'utf8'), 'machine a.example login u password p\n', 'nothing written');
  await writeNetrcEntries(file, [cred], { fixPermissions: true });
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  assert.ok((await readFile(file, 'utf8')).endsWith('machine a.example login u password p\n'));
});

test('a read-only netrc is refused and left alone', async () => {
  const file = path.join(home.home, 'ro.netrc');
  await writeFile(file, 'machine a.example login u password p\n', { mode: 0o400 });
  await assert.rejects(writeNetrcEntries(file, [cred]), (e: unknown) => e instanceof NetrcError && /read-only/.test(e.message));
  await assert.rejects(removeNetrcEntries(file, [cred.origin]), NetrcError);
  assert.equal(await readFile(file, 'utf8'), 'machine a.example login u password p\n');
});

test('a symlinked netrc (dotfile manager) is written through to its target and stays a link', async () => {
  const target = path.join(home.home, 'dotfiles', 'netrc');
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, 'machine a.example login u password p\n', { mode: 0o600 });
  const link = path.join(home.home, '.netrc-link');
  await symlink(target, link);
  await writeNetrcEntries(link, [cred]);
  assert.ok((await lstat(link)).isSymbolicLink());
  assert.equal(await readlink(link), target);
  assert.ok((await readFile(target, 'utf8')).includes('login alice password'));
});

test('removing from a missing file leaves it missing', async () => {
  const file = path.join(home.home, 'missing.netrc');
  await removeNetrcEntries(file, [cred.origin]);
  await assert.rejects(stat(file), { code: 'ENOENT' });
});

test('the netrc path follows go: $NETRC, else ~/.netrc', () => {
  assert.equal(defaultNetrcPath({ NETRC: '/x/my-netrc' }, 'linux', '/home/u'), '/x/my-netrc');
  assert.equal(defaultNetrcPath({ NETRC: '' }, 'linux', '/home/u'), '/home/u/.netrc');
  assert.equal(defaultNetrcPath({}, 'darwin', '/Users/u'), '/Users/u/.netrc');
});
