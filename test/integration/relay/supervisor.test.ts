// The relay inside a long-lived process (what `goproxyctl watch` does): it runs while the active
// profile's chain goes through it (http://127.0.0.1:<port>|<chain>), and stops when the user
// switches to a profile that does not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { ProfileStore } from '../../../electron/core/profiles/index.js';
import { chainThroughRelay, superviseRelay, type SupervisorEvent } from '../../../electron/core/relay/index.js';
import type { Profile } from '../../../shared/profile/types.js';
import { startLab, type Lab } from '../../lab/index.js';
import { makeTempHome, type TempHome } from '../../support/temp-home.js';
import { until } from './helpers.js';
import { freePort, labProfile } from '../../support/relay-fixtures.js';

let lab: Lab;
let home: TempHome;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'mirror' }] });
  home = await makeTempHome('goproxyctl-relay-supervisor-');
});
after(async () => {
  await lab?.close();
  await home?.cleanup();
});


function profile(id: string, goproxy: string): Profile {
  return labProfile(id, goproxy);
}

test('runs while the active profile goes through the relay, stops when it no longer does', async () => {
  const port = await freePort();
  const store = new ProfileStore({ env: home.env });
  await store.create(profile('relayed', chainThroughRelay(lab.proxies.mirror!.url, port)));
  await store.create(profile('plain', lab.proxies.mirror!.url));
  await store.setActive('relayed');
  const events: SupervisorEvent[] = [];
  const supervisor = await superviseRelay({ env: home.env, cacheDir: path.join(home.home, 'cache'), pollMs: 20, onEvent: (e) => events.push(e) });
  try {
    assert.equal(supervisor.relay?.url, `http://127.0.0.1:${port}`);
    lab.proxies.mirror!.clearLog();
    assert.equal((await fetch(`http://127.0.0.1:${port}/lab.invalid/app/@v/list`)).status, 200);
    assert.equal(lab.proxies.mirror!.accessLog.length, 1, 'the relay walks the chain without itself');

    await store.setActive('plain');
    await until(() => events.some((e) => e.type === 'relay-stopped'));
    assert.equal(supervisor.relay, null);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/lab.invalid/app/@v/list`));

    await store.setActive('relayed');
    await until(() => events.filter((e) => e.type === 'listening').length === 2);
    assert.equal((await fetch(`http://127.0.0.1:${port}/lab.invalid/app/@v/list`)).status, 200);
  } finally {
    await supervisor.stop();
  }
  await assert.rejects(fetch(`http://127.0.0.1:${port}/lab.invalid/app/@v/list`), 'stopped with its host');
});

test('a port already in use is reported, and the host process goes on without the relay', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const port = (blocker.address() as net.AddressInfo).port;
  const other = await makeTempHome('goproxyctl-relay-supervisor-busy-');
  try {
    const store = new ProfileStore({ env: other.env });
    await store.create(profile('relayed', chainThroughRelay(lab.proxies.mirror!.url, port)));
    await store.setActive('relayed');
    const events: SupervisorEvent[] = [];
    const supervisor = await superviseRelay({ env: other.env, cacheDir: path.join(other.home, 'cache'), pollMs: 20, onEvent: (e) => events.push(e) });
    assert.equal(supervisor.relay, null);
    assert.ok(events.some((e) => e.type === 'error' && /port \d+ on 127\.0\.0\.1 is in use/.test(e.message)));
    await supervisor.stop();
  } finally {
    blocker.close();
    await other.cleanup();
  }
});
