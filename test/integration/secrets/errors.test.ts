// One sentence per keychain problem, from the messages @napi-rs/keyring really produces
// (recorded from this machine: no bus, a dead bus socket, a locked collection, no collection).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_KEYCHAIN_SENTENCE, classifyKeychainFailure } from '../../../electron/core/secrets/errors.js';
import { goauthHelperOutput } from '../../../electron/core/secrets/goauth-helper.js';
import { KeychainSecretStore } from '../../../electron/core/secrets/keychain-store.js';
import { render } from '../../../shared/i18n/catalog.js';
import { checkZhText } from '../../support/zh-check.js';

test('library messages map to one sentence naming the fix', () => {
  const cases: [string, string, RegExp][] = [
    ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'unavailable', /^no OS keychain is available: start a Secret Service/],
    ['Platform failure: DBus error: Failed to connect to socket /nonexistent/bus: No such file or directory', 'unavailable', /^no OS keychain is available/],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked', /^the OS keychain is locked: unlock it/],
    ["Couldn't access platform storage: Secret Service: no result found", 'no-collection', /^the OS keychain has no default collection .*: create a "login" keyring/],
    ['Entry is matched by 2 credentials: [...]', 'failed', /^the OS keychain refused the operation \(Entry is matched by 2 credentials: \[\.\.\.\]\): check/],
  ];
  for (const [message, problem, sentence] of cases) {
    const e = classifyKeychainFailure(message);
    assert.equal(e.problem, problem, message);
    assert.match(e.message, sentence);
    assert.ok(!e.message.includes('\n'));
  }
  assert.equal(classifyKeychainFailure(cases[0]![0]).message, NO_KEYCHAIN_SENTENCE);
});

test('a library message that contains a secret is not quoted; recognised ones never are', () => {
  const e = classifyKeychainFailure('Bad encoding in "hunter2-SECRET" payload', ['hunter2-SECRET']);
  assert.equal(e.message, 'the OS keychain refused the operation: check that it is unlocked and try again');
  // A one-letter secret occurs in almost any text: the sentence must stay intact, not mangled.
  const short = classifyKeychainFailure("Couldn't access platform storage: Secret Service: no result found", ['s']);
  assert.equal(short.problem, 'no-collection');
  assert.ok(!/\[redacted\]/.test(short.message));
});

test('the GOAUTH helper refuses more than one argument before touching the keychain', async () => {
  const store = new KeychainSecretStore({ indexPath: '/nonexistent/never-read.json' });
  await assert.rejects(goauthHelperOutput(store, ['https://a.example/x', 'extra'], ''), { name: 'SecretStoreInputError', message: /at most one argument/ });
});

test('each keychain sentence is a message: its id per problem, and Chinese (code aside) in zh-CN', () => {
  const cases: [string, string][] = [
    ['Platform failure: DBus error: Failed to connect to socket /nonexistent/bus: No such file or directory', 'ops.keychain.unavailable'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'ops.keychain.locked'],
    ["Couldn't access platform storage: Secret Service: no result found", 'ops.keychain.no-collection'],
    ['Entry is matched by 2 credentials: [...]', 'ops.keychain.failed-detail'],
  ];
  for (const [library, id] of cases) {
    const e = classifyKeychainFailure(library);
    assert.equal(e.detail.id, id, library);
    assert.equal(e.message, render('en', e.detail), 'message is the English of the same words');
    const zh = render('zh-CN', e.detail);
    const check = checkZhText(zh.replace(/`[^`\n]*`/g, ' '));
    assert.deepEqual(check.english, [], zh);
    assert.ok(check.cjk > 5, zh);
  }
  assert.equal(render('zh-CN', classifyKeychainFailure('Entry is matched by 2 credentials: [...]').detail), '系统钥匙串拒绝了此操作（`Entry is matched by 2 credentials: [...]`）：请确认它已解锁后重试');
});
