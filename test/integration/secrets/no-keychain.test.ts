// Without a reachable OS keychain every call fails with one clear sentence, and nothing at all is
// written: no plaintext fallback, not even the index.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { NO_KEYCHAIN_SENTENCE } from '../../../electron/core/secrets/errors.js';
import { envForHome, runKeychainChild } from './run-child.js';
import { filesContaining, listFiles, makeTempHome, type TempHome } from '../../support/temp-home.js';

const SECRET = `no-keychain-${Math.random().toString(36).slice(2)}-ü`;
const input = { credentials: [{ origin: 'https://proxy.corp.example', user: 'alice', secret: SECRET }] };

let home: TempHome;
before(async () => {
  home = await makeTempHome();
});
after(() => home.cleanup());

const cases: [string, (dir: string) => Record<string, string | undefined>][] = [
  ['a D-Bus address pointing at no socket', (dir) => ({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dir, 'no-such-bus')}` })],
  ['no D-Bus session at all', () => ({ DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined })],
];

for (const [name, extra] of cases) {
  test(`no keychain (${name}): every operation fails with the sentence, nothing is written`, async () => {
    const dir = path.join(home.home, name.replace(/\W+/g, '-'));
    const run = await runKeychainChild('unavailable', input, { env: envForHome(dir, extra(dir)), session: 'none' });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.report.status, { available: false, problem: 'unavailable', reason: NO_KEYCHAIN_SENTENCE, detail: { id: 'ops.keychain.unavailable' } });
    for (const op of ['set', 'get', 'list', 'remove', 'helper', 'helperRetry']) {
      assert.deepEqual(run.report[op], { ok: false, name: 'KeychainError', problem: 'unavailable', message: NO_KEYCHAIN_SENTENCE }, op);
    }
    assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
    assert.deepEqual(await filesContaining(home.home, SECRET), []);
    assert.deepEqual(await listFiles(home.home).then((files) => files.filter((f) => f.startsWith(path.basename(dir)))), []);
  });
}
