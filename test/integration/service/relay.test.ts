// The service runs the local relay while the active profile goes through it ({"relay": {"port": N}}),
// with the same supervisor as `goproxyctl watch`: switching to such a profile starts it, the real
// go downloads through it and the state's `relay` (over the stream) shows its counters, switching
// away stops it. Synchronised on the stream, never on sleeps.
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { AppState } from '../../../shared/contract/state.js';
import type { Profile } from '../../../shared/profile/types.js';
import { startLab, type Lab } from '../../lab/index.js';
import { runCommand } from '../../support/go.js';
import { go, serve, type Served } from './harness.js';
import { freePort, labProfile } from '../../support/relay-fixtures.js';

let lab: Lab;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'mirror' }] });
});
after(() => lab?.close());


function profile(id: string, relay: Profile['relay']): Profile {
  return labProfile(id, `${lab.proxies.mirror!.url},off`, { relay });
}

/** Resolves with the first state (from the service's stream) that satisfies `ok`. */
function stateWhere(s: Served, ok: (state: AppState) => boolean): Promise<AppState> {
  return new Promise((resolve) => {
    const stop = s.service.subscribe(() => {
      const state = s.service.state();
      if (ok(state)) {
        queueMicrotask(() => stop());
        resolve(state);
      }
    });
  });
}

test('switching to a relay profile starts the relay; its counters reach the state; switching away stops it', { timeout: 180_000 }, async () => {
  const port = await freePort();
  const s = await serve({ service: { relay: { pollMs: 50, statusEveryMs: 100, cacheDir: path.join(lab.makeTempDir('service-relay'), 'cache') } } });
  try {
    assert.equal(s.service.state().relay?.status, 'off');
    await s.api.createProfile({ profile: profile('relayed', { port }) });
    await s.api.createProfile({ profile: profile('plain', null) });

    // The go env file and the active profile are written one after the other: wait for the relay
    // that walks the profile's chain.
    const up = stateWhere(s, (st) => st.relay?.status === 'up' && st.relay.chain === `${lab.proxies.mirror!.url},off`);
    await s.api.switchProfile({ id: 'relayed' });
    const running = await up;
    assert.equal(running.relay!.url, `http://127.0.0.1:${port}`);
    assert.equal(running.relay!.port, port);
    assert.equal(running.relay!.chain, `${lab.proxies.mirror!.url},off`);

    const m = lab.modules[0]!;
    const work = lab.makeTempDir('service-relay-go');
    const env = { ...lab.goEnv(), HOME: s.home, GOENV: path.join(s.home, '.config', 'go', 'env'), GOMODCACHE: path.join(work, 'mod'), GOPATH: path.join(work, 'gopath') };
    delete (env as Record<string, string | undefined>).GOPROXY; // go reads what the switch wrote
    const counted = stateWhere(s, (st) => (st.relay?.requests ?? 0) >= 3 && (st.relay?.upstreams[0]?.requests ?? 0) >= 3);
    const r = await runCommand(go.bin, ['mod', 'download', '-json', `${m.path}@${m.version}`], { env, cwd: work, timeoutMs: 60_000 });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const seen = await counted;
    assert.equal(seen.relay!.upstreams[0]!.url, lab.proxies.mirror!.url);
    assert.equal(seen.relay!.upstreams[0]!.state, 'healthy');

    const off = stateWhere(s, (st) => st.relay?.status === 'off');
    await s.api.switchProfile({ id: 'plain' });
    await off;
    await assert.rejects(fetch(`http://127.0.0.1:${port}/${m.path}/@v/list`), 'the relay stopped with the switch');
  } finally {
    await s.close();
  }
});

test('a port in use: the state says the relay is down and why', { timeout: 120_000 }, async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const port = (blocker.address() as net.AddressInfo).port;
  const s = await serve({ service: { relay: { pollMs: 50, statusEveryMs: 100, cacheDir: path.join(lab.makeTempDir('service-relay-busy'), 'cache') } } });
  try {
    await s.api.createProfile({ profile: profile('relayed', { port }) });
    const down = stateWhere(s, (st) => st.relay?.status === 'down');
    await s.api.switchProfile({ id: 'relayed' });
    const st = await down;
    assert.equal(st.relay!.port, port);
    assert.match(st.relay!.error ?? '', /port \d+ on 127\.0\.0\.1 is in use/);
  } finally {
    await s.close();
    blocker.close();
  }
});
