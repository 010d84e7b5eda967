// The profile option "through the local relay" ({"relay": {"port": N}}): `goproxyctl use` writes
// GOPROXY=http://127.0.0.1:N|<chain>; the real go (1.19 and 1.23) downloads through the chain when the relay
// is not running (one refused connection, then '|' moves on) and through the relay when it is
// (run in this process by superviseRelay, as watch and the tray app's service run it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { ProfileStore } from '../../../electron/core/profiles/index.js';
import { superviseRelay, type SupervisorEvent } from '../../../electron/core/relay/index.js';
import type { Profile } from '../../../shared/profile/types.js';
import { startLab, type Lab } from '../../lab/index.js';
import { goToolchains, runCommand, type GoToolchain } from '../../support/go.js';
import { cliPath } from '../../support/paths.js';
import { goEnvGoproxy, labGoEnv, makeWatchHome, type WatchHome } from '../watch/helpers.js';
import { freePort, labProfile } from '../../support/relay-fixtures.js';

let lab: Lab;
let h: WatchHome;
before(async () => {
  lab = await startLab({ proxies: [{ name: 'mirror' }] });
  h = await makeWatchHome();
});
after(async () => {
  await lab?.close();
  await h?.cleanup();
});


function relayedProfile(port: number): Profile {
  return labProfile('relayed', `${lab.proxies.mirror!.url},off`, { name: 'Through the relay', relay: { port } });
}

async function download(go: GoToolchain, tag: string): Promise<void> {
  const m = lab.modules[0]!;
  const work = lab.makeTempDir(`profile-relay-${go.name}-${tag}`);
  // GOPROXY is not overridden: go reads what `use` wrote into this HOME's go env file.
  const env = labGoEnv(lab, h.home, { GOMODCACHE: path.join(work, 'mod'), GOPATH: path.join(work, 'gopath') });
  delete env.GOPROXY;
  env.PATH = `${path.dirname(go.bin)}:${env.PATH ?? '/usr/bin:/bin'}`;
  const r = await runCommand(go.bin, ['mod', 'download', '-json', `${m.path}@${m.version}`], { env, cwd: work, timeoutMs: 60_000 });
  assert.equal(r.code, 0, `${go.name}: ${r.stdout}${r.stderr}`);
}

test('use writes the relay first; go falls back to the chain without it and goes through it when it runs', { timeout: 180_000 }, async () => {
  const port = await freePort();
  const store = new ProfileStore({ env: h.env });
  await store.create(relayedProfile(port));
  const use = await runCommand(process.execPath, [cliPath, 'use', 'relayed', '--json'], { env: h.env, cwd: h.home, timeoutMs: 120_000 });
  assert.equal(use.code, 0, use.stdout + use.stderr);
  assert.equal(await goEnvGoproxy(lab, h.home), `http://127.0.0.1:${port}|${lab.proxies.mirror!.url},off`);

  // The relay is not running: the refused connection is an error, '|' moves go on to the chain.
  for (const go of goToolchains()) {
    lab.proxies.mirror!.clearLog();
    await download(go, 'down');
    assert.ok(lab.proxies.mirror!.accessLog.length >= 3, `${go.name} fell back to the chain`);
  }

  const events: SupervisorEvent[] = [];
  const supervisor = await superviseRelay({ env: h.env, cacheDir: path.join(h.home, 'relay-cache'), pollMs: 50, onEvent: (e) => events.push(e) });
  try {
    const relay = supervisor.relay;
    assert.ok(relay, `the active profile's option starts the relay: ${JSON.stringify(events)}`);
    assert.equal(relay.url, `http://127.0.0.1:${port}`);
    assert.equal(relay.chain.goproxy, `${lab.proxies.mirror!.url},off`, 'the relay walks the chain without itself');
    let before = 0;
    for (const go of goToolchains()) {
      await download(go, 'up');
      const stats = relay.stats();
      assert.ok(stats.requests >= before + 3, `${go.name} asked the relay: ${JSON.stringify(stats)}`);
      before = stats.requests;
    }
    const stats = relay.stats();
    assert.equal(stats.upstreams[0]?.url, lab.proxies.mirror!.url);
    assert.ok(stats.upstreams[0].requests >= 3, 'the relay asked the chain');
  } finally {
    await supervisor.stop();
  }
});

test('`goproxyctl relay` without --port listens on the port of the active profile\'s option', { timeout: 60_000 }, async () => {
  // The first test left "relayed" active in this HOME.
  const store = new ProfileStore({ env: h.env });
  const port = (await store.get('relayed')).relay!.port;
  const relay = spawn(process.execPath, [cliPath, 'relay', '--json', '--cache', path.join(h.home, 'cli-cache')], { env: h.env, cwd: h.home, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const listening = await new Promise<{ url: string; chain: string }>((resolve, reject) => {
      createInterface({ input: relay.stdout }).on('line', (line) => {
        const e = JSON.parse(line) as { type: string; url: string; chain: string; message?: string };
        if (e.type === 'listening') resolve(e);
        if (e.type === 'error') reject(new Error(e.message));
      });
      relay.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
    });
    assert.equal(listening.url, `http://127.0.0.1:${port}`);
    assert.equal(listening.chain, `${lab.proxies.mirror!.url},off`);
  } finally {
    relay.kill('SIGTERM');
    await once(relay, 'exit');
  }
});
