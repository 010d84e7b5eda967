// Network change detection. Two ways:
//  1. Real: this machine lets root create network namespaces, so a namespace with a veth pair is
//     made, a watcher runs inside it (`ip netns exec`, with its `ip monitor` child), and the test
//     changes the address and the default route there: a network-change follows; a change that
//     does not alter the fingerprint (an MTU) gives no event. Skipped, with the reason, where
//     `ip netns add` is not permitted.
//  2. Polling with injected readers (any machine): the fingerprint changes only through the
//     readers; a clock jump is reported as a wake.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type os from 'node:os';
import { NetworkWatcher, isClockJump, type FingerprintReaders, type NetworkChange, type WatcherClock } from '../../../electron/core/watch/index.js';
import { waitUntil } from '../../support/wait.js';
import { render } from '../../../shared/i18n/catalog.js';

function linuxReaders(state: { gateway: string; addrs: os.NetworkInterfaceInfo[] }): FingerprintReaders {
  return {
    platform: 'linux',
    interfaces: () => ({ eth0: state.addrs }),
    readText: (file) =>
      Promise.resolve(file === '/proc/net/route' ? `Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\neth0\t00000000\t${state.gateway}\t0003\t0\t0\t0\t00000000\n` : file === '/etc/resolv.conf' ? 'nameserver 192.168.2.1\n' : null),
    run: () => Promise.resolve(null),
  };
}

/** A clock the test moves: the poller's timers are node:test's mock timers, these its two clocks. */
function manualClock(): WatcherClock & { advance(wallMs: number, monoMs?: number): void } {
  let wall = 1_700_000_000_000;
  let mono = 0;
  return {
    wall: () => wall,
    monotonic: () => mono,
    advance(wallMs, monoMs = wallMs) {
      wall += wallMs;
      mono += monoMs;
    },
  };
}

test('polling with injected readers: a gateway change is one event; an unchanged network none', async (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'setTimeout'] });
  const state = {
    gateway: '0102A8C0', // 192.168.2.1
    addrs: [{ address: '192.168.2.5', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:01', internal: false, cidr: '192.168.2.5/24' }] as os.NetworkInterfaceInfo[],
  };
  const clock = manualClock();
  const changes: NetworkChange[] = [];
  let checks = 0;
  // A poll period shorter than the debounce: polls must still check (they once only re-armed the debounce).
  const w = new NetworkWatcher({ readers: linuxReaders(state), clock, pollMs: 50, debounceMs: 300, ipMonitor: false, onChange: (c) => changes.push(c), onCheck: () => void checks++ });
  const poll = async (periods: number): Promise<void> => {
    for (let i = 0; i < periods; i++) {
      clock.advance(50);
      t.mock.timers.tick(50);
    }
    await w.whenIdle();
  };
  try {
    const first = await w.start();
    assert.deepEqual(first.defaultRoutes, [{ iface: 'eth0', gateway: '192.168.2.1' }]);
    await poll(8);
    assert.equal(checks, 8, 'every poll checks');
    assert.equal(changes.length, 0, 'polling an unchanged network reports nothing');
    state.gateway = '0100000A'; // 10.0.0.1
    await poll(1);
    assert.equal(changes.length, 1, 'the gateway change was reported at the next poll');
    assert.equal(changes[0]!.kind, 'network-change');
    assert.deepEqual(changes[0]!.changes.map((c) => render('en', c)), ['default route added: via 10.0.0.1 on eth0', 'default route removed: via 192.168.2.1 on eth0']);
    await poll(8);
    assert.equal(changes.length, 1, 'one change, one event');
    state.addrs = [...state.addrs, { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 }];
    await poll(8);
    assert.equal(changes.length, 1, 'a new link-local address is not a network change');
  } finally {
    await w.stop();
  }
});

test('a wall clock that ran ahead of the monotonic one (a suspend) is reported as a wake, once', async (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'setTimeout'] });
  const clock = manualClock();
  const changes: NetworkChange[] = [];
  const w = new NetworkWatcher({ readers: linuxReaders({ gateway: '0102A8C0', addrs: [] }), clock, pollMs: 5_000, clockJumpMs: 30_000, ipMonitor: false, onChange: (c) => changes.push(c) });
  try {
    await w.start();
    clock.advance(3_600_000, 5_000); // an hour on the wall, five seconds awake
    t.mock.timers.tick(5_000);
    await w.whenIdle();
    assert.deepEqual(changes.map((c) => [c.kind, c.changes]), [['wake', []]]);
    clock.advance(5_000);
    t.mock.timers.tick(5_000);
    await w.whenIdle();
    assert.equal(changes.length, 1, 'awake again: no further event');
  } finally {
    await w.stop();
  }
});

test('stopped while starting: no poller and no ip child are left running', async (t) => {
  t.mock.timers.enable({ apis: ['setInterval', 'setTimeout'] });
  let reads = 0;
  let releaseFirstRead!: () => void;
  const firstRead = new Promise<void>((resolve) => (releaseFirstRead = resolve));
  const readers: FingerprintReaders = {
    platform: 'linux',
    interfaces: () => ({}),
    readText: async () => {
      if (reads++ === 0) await firstRead; // the first read is still running when stop() arrives
      return null;
    },
    run: () => Promise.resolve(null),
  };
  const w = new NetworkWatcher({ readers, pollMs: 20, debounceMs: 10, onChange: () => assert.fail('no change after stop') });
  const starting = w.start();
  const stopped = w.stop();
  releaseFirstRead();
  await Promise.all([starting, stopped]);
  const afterStart = reads;
  t.mock.timers.tick(1_000);
  await w.whenIdle();
  assert.equal(reads, afterStart, 'nothing polls after stop()');
  assert.equal(w.monitorPid, null, 'no ip monitor child');
});

test('isClockJump: a suspend shows as the wall clock running ahead of the monotonic clock', () => {
  assert.equal(isClockJump(5_000, 5_000, 30_000), false);
  assert.equal(isClockJump(3_605_000, 5_000, 30_000), true);
  assert.equal(isClockJump(5_000 - 60_000, 5_000, 30_000), true, 'the clock set back');
});

function netnsAllowed(): boolean {
  const name = `gpctl-check-${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', name], { stdio: 'ignore', timeout: 5_000 });
    execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));

test(
  'real network namespace: address and default-route changes are seen through ip monitor; an MTU change is not a network change',
  { timeout: 60_000, skip: netnsAllowed() ? false : 'ip netns add is not permitted here (needs root)' },
  async () => {
    const ns = `gpctl-watch-${process.pid}`;
    const ip = (...args: string[]): void => void execFileSync('ip', ['-n', ns, ...args], { stdio: 'ignore', timeout: 5_000 });
    execFileSync('ip', ['netns', 'add', ns], { timeout: 5_000 });
    let child: ReturnType<typeof spawn> | null = null;
    try {
      ip('link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1');
      ip('link', 'set', 'lo', 'up');
      ip('link', 'set', 'v0', 'up');
      ip('link', 'set', 'v1', 'up');
      // The watcher, inside the namespace, polling rarely: events must come from `ip monitor`.
      child = spawn('ip', ['netns', 'exec', ns, process.execPath, path.join(here, 'watch-in-netns.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines: { type: string; monitorPid?: number; changes?: string[]; startedAt?: number; changed?: boolean }[] = [];
      createInterface({ input: child.stdout! }).on('line', (l) => lines.push(JSON.parse(l) as { type: string }));
      const changesSince = (index: number) => lines.slice(index).filter((l) => l.type === 'change');
      const ready = await waitUntil(() => lines.find((l) => l.type === 'ready'), { what: 'the watcher to start inside the namespace', timeoutMs: 15_000 });
      assert.ok(typeof ready.monitorPid === 'number', 'with its ip monitor child');

      // The fresh links' link-local addresses may still arrive: they trigger checks, never changes.
      const beforeRoute = lines.length;
      ip('addr', 'add', '10.9.0.2/24', 'dev', 'v0');
      ip('route', 'add', 'default', 'via', '10.9.0.1', 'dev', 'v0');
      const change = await waitUntil(() => changesSince(beforeRoute).find((l) => (l.changes ?? []).some((c) => c.includes('via 10.9.0.1'))), { what: `a network-change with the new default route: ${JSON.stringify(lines)}` });
      assert.ok((change.changes ?? []).some((c) => c.includes('10.9.0.2/24 on v0')), JSON.stringify(change));

      // A kernel link event with the same fingerprint: the check it causes (one that started after
      // it) reports no change; and up to that check, the address and the route (several kernel
      // events, debounced) were one change.
      const mtuAt = Date.now();
      ip('link', 'set', 'v1', 'mtu', '1400');
      await waitUntil(() => lines.some((l) => l.type === 'check' && l.startedAt! >= mtuAt), { what: `a check after the MTU change: ${JSON.stringify(lines)}` });
      assert.equal(changesSince(beforeRoute).length, 1, `one change for the address and route, none for the MTU: ${JSON.stringify(lines.slice(beforeRoute))}`);

      const beforeRemoval = lines.length;
      ip('addr', 'del', '10.9.0.2/24', 'dev', 'v0'); // removes the route too
      await waitUntil(() => changesSince(beforeRemoval).some((l) => (l.changes ?? []).some((c) => c.startsWith('default route removed'))), { what: `the route removal: ${JSON.stringify(lines)}` });

      // Clean shutdown: SIGTERM, and the ip monitor child is gone with it.
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
      const monitorAlive = (() => {
        try {
          process.kill(ready.monitorPid, 0);
          return true;
        } catch {
          return false;
        }
      })();
      assert.equal(monitorAlive, false, 'no leftover ip monitor process');
      child = null;
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      execFileSync('ip', ['netns', 'del', ns], { timeout: 5_000 });
    }
  },
);
