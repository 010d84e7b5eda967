// Profile subscriptions through the real headless server: a published file and a loopback HTTP
// URL served here; a broken publication keeps the profiles and shows the error; unsubscribing
// removes them; a password in the URL never reaches the state or an error, and without an OS
// keychain (this process has no D-Bus session) it is refused rather than stored in plain text.
// The keychain path itself is tested through the CLI in test/integration/profiles/subscription-credentials.test.ts.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import type { AppState } from '../../../shared/contract/state.js';
import { builtinProfile, serializeBundle, type Profile } from '../../../shared/profile/index.js';
import { rejection, serve } from './harness.js';

const team = (id: string, extra: Partial<Profile> = {}): Profile => ({ ...builtinProfile('global')!, id, name: `Team ${id}`, ...extra });

function subscribedIds(state: AppState): string[] {
  return state.profiles.list
    .filter((p) => p.origin === 'subscription')
    .map((p) => p.profile.id)
    .sort();
}

async function publish(): Promise<{ server: Server; base: string; set(status: number, body: string): void }> {
  let served = { status: 200, body: '' };
  const server = createServer((_req, res) => {
    res.writeHead(served.status, { 'content-type': 'application/json' });
    res.end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(status, body) {
      served = { status, body };
    },
  };
}

test('subscriptions: a file and a URL, a broken refresh keeps the profiles, unsubscribe removes them', { timeout: 120_000 }, async () => {
  const s = await serve();
  const web = await publish();
  try {
    const { api } = s;
    let state = await api.state();
    assert.deepEqual(state.profiles.subscriptions, [], 'no subscriptions yet, and the state says so');

    // A file, relative to the service's working directory (the temporary HOME).
    await writeFile(path.join(s.home, 'team.json'), serializeBundle([team('file-a')]));
    const fromFile = await api.subscribeProfiles({ source: 'team.json', intervalHours: 12 });
    assert.equal(fromFile.source, path.join(s.home, 'team.json'));
    assert.equal(fromFile.intervalHours, 12);
    assert.deepEqual(fromFile.profileIds, ['file-a']);
    assert.equal(fromFile.lastError, null);
    assert.ok(fromFile.lastSuccess !== null && fromFile.lastAttempt === fromFile.lastSuccess);

    // A URL with a password, and no keychain to keep it in: refused with the keychain's sentence,
    // nothing stored, the password never echoed.
    web.set(200, serializeBundle([team('web-a'), team('web-b')]));
    const withPassword = await rejection(api.subscribeProfiles({ source: `${web.base.replace('http://', 'http://team:s3cret@')}/team.json`, intervalHours: 1 }));
    assert.match(withPassword.message, /no OS keychain is available/);
    assert.ok(!withPassword.message.includes('s3cret'), 'the refusal does not echo the password');
    assert.equal((await api.state()).profiles.subscriptions?.length, 1, 'nothing was stored');

    // A URL: fetched, listed.
    const url = `${web.base}/team.json`;
    const fromWeb = await api.subscribeProfiles({ source: url, intervalHours: 1 });
    assert.equal(fromWeb.source, url);
    assert.deepEqual(fromWeb.profileIds, ['web-a', 'web-b']);
    state = await api.state();
    assert.deepEqual(subscribedIds(state), ['file-a', 'web-a', 'web-b']);
    assert.equal(state.profiles.list.find((p) => p.profile.id === 'web-a')?.subscription, fromWeb.source);
    assert.ok(!JSON.stringify(state).includes('s3cret'), 'the password is not in the state');

    // Refused, with the store's sentence: twice the same source, a first fetch that fails, a bad interval.
    const twice = await rejection(api.subscribeProfiles({ source: 'team.json', intervalHours: 12 }));
    assert.equal(twice.code, 'bad-request');
    assert.match(twice.message, /already subscribed to .*team\.json/);
    web.set(404, '');
    const missing = await rejection(api.subscribeProfiles({ source: `${web.base.replace('http://', 'http://team:s3cret@')}/missing.json`, intervalHours: 1 }));
    assert.equal(missing.code, 'bad-request');
    assert.match(missing.message, /HTTP 404/);
    assert.ok(!missing.message.includes('s3cret'), 'the refusal does not echo the password');
    assert.equal((await rejection(api.subscribeProfiles({ source: 'team.json', intervalHours: 0 }))).code, 'bad-request');
    assert.equal((await api.state()).profiles.subscriptions?.length, 2, 'a refused subscription stores nothing');

    // The URL publishes something invalid, the file disappears: both keep their profiles and say why.
    web.set(200, serializeBundle([team('web-a', { gosumdb: 'bad bad bad' })]));
    await writeFile(path.join(s.home, 'team.json'), '{ not json');
    const refreshed = await api.refreshSubscriptions({});
    const byFile = refreshed.find((r) => r.source === fromFile.source)!;
    const byWeb = refreshed.find((r) => r.source === fromWeb.source)!;
    assert.match(byWeb.lastError ?? '', /gosumdb/);
    assert.notEqual(byFile.lastError, null);
    assert.deepEqual(byWeb.profileIds, ['web-a', 'web-b']);
    assert.equal(byWeb.lastSuccess, fromWeb.lastSuccess, 'the last success is still the first fetch');
    state = await api.state();
    assert.deepEqual(subscribedIds(state), ['file-a', 'web-a', 'web-b'], 'a broken publication keeps the profiles');
    assert.deepEqual(state.profiles.subscriptions, refreshed);

    // Fixed again: the new document replaces the old profiles and the error clears.
    web.set(200, serializeBundle([team('web-c')]));
    const fixed = (await api.refreshSubscriptions({})).find((r) => r.source === fromWeb.source)!;
    assert.equal(fixed.lastError, null);
    assert.deepEqual(fixed.profileIds, ['web-c']);
    assert.deepEqual(subscribedIds(await api.state()), ['file-a', 'web-c']);

    // Unsubscribe by the source the UI shows, then by the path as typed.
    assert.deepEqual(await api.unsubscribeProfiles({ source: fromWeb.source }), { source: fromWeb.source });
    await api.unsubscribeProfiles({ source: 'team.json' });
    state = await api.state();
    assert.deepEqual(subscribedIds(state), []);
    assert.deepEqual(state.profiles.subscriptions, []);
    const unknown = await rejection(api.unsubscribeProfiles({ source: 'team.json' }));
    assert.equal(unknown.code, 'bad-request');
    assert.match(unknown.message, /not subscribed to/);
  } finally {
    web.server.closeAllConnections();
    await new Promise<void>((resolve) => web.server.close(() => resolve()));
    await s.close();
  }
});
