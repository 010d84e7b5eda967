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
import { NetworkWatcher, isClockJump, type FingerprintReaders, type NetworkChange } from '../../../electron/core/watch/index.js';

function waitFor<T>(items: T[], pred: (x: T) => boolean, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const start = Date.now();
    const tick = (): void => {
      const hit = items.find(pred);
      if (hit) return resolve(hit);
      if (Date.now() - start > ms) return resolve(null);
      setTimeout(tick, 20);
    };
    tick();
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('polling with injected readers: a gateway change is one event; an unchanged network none', { timeout: 20_000 }, async () => {
  let gateway = '0102A8C0'; // 192.168.2.1
  let addrs: os.NetworkInterfaceInfo[] = [{ address: '192.168.2.5', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:01', internal: false, cidr: '192.168.2.5/24' }];
  const readers: FingerprintReaders = {
    platform: 'linux',
    interfaces: () => ({ eth0: addrs }),
    readText: async (file) =>
      file === '/proc/net/route' ? `Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\neth0\t00000000\t${gateway}\t0003\t0\t0\t0\t00000000\n` : file === '/etc/resolv.conf' ? 'nameserver 192.168.2.1\n' : null,
    run: async () => null,
  };
  const changes: NetworkChange[] = [];
  // A poll period shorter than the debounce: polls must still check (they once only re-armed the debounce).
  const w = new NetworkWatcher({ readers, pollMs: 50, debounceMs: 300, ipMonitor: false, onChange: (c) => changes.push(c) });
  try {
    const first = await w.start();
    assert.deepEqual(first.defaultRoutes, [{ iface: 'eth0', gateway: '192.168.2.1' }]);
    await sleep(400);
    assert.equal(changes.length, 0, 'polling an unchanged network reports nothing');
    gateway = '0100000A'; // 10.0.0.1
    const hit = await waitFor(changes, (c) => c.kind === 'network-change', 5_000);
    assert.ok(hit, 'the gateway change was reported');
    assert.deepEqual(hit.changes, ['default route added: via 10.0.0.1 on eth0', 'default route removed: via 192.168.2.1 on eth0']);
    await sleep(400);
    assert.equal(changes.length, 1, 'one change, one event');
    addrs = [...addrs, { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 }];
    await sleep(400);
    assert.equal(changes.length, 1, 'a new link-local address is not a network change');
  } finally {
    await w.stop();
  }
});

test('stopped while starting: no poller and no ip child are left running', { timeout: 20_000 }, async () => {
  let reads = 0;
  const readers: FingerprintReaders = {
    platform: 'linux',
    interfaces: () => ({}),
    readText: async () => {
      reads++;
      await sleep(200); // the first read is still running when stop() arrives
      return null;
    },
    run: async () => null,
  };
  const w = new NetworkWatcher({ readers, pollMs: 20, debounceMs: 10, onChange: () => assert.fail('no change after stop') });
  const starting = w.start();
  await w.stop();
  await starting;
  const afterStart = reads;
  await sleep(300);
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
      const lines: { type: string; monitorPid?: number; changes?: string[]; t: number }[] = [];
      createInterface({ input: child.stdout! }).on('line', (l) => lines.push({ ...(JSON.parse(l) as { type: string }), t: Date.now() }));
      const ready = await waitFor(lines, (l) => l.type === 'ready', 15_000);
      assert.ok(ready, 'the watcher started inside the namespace');
      assert.ok(typeof ready.monitorPid === 'number', 'with its ip monitor child');
      await sleep(1_500); // link-local addresses of the fresh links settle; they are not changes anyway

      const changedAt = Date.now();
      ip('addr', 'add', '10.9.0.2/24', 'dev', 'v0');
      ip('route', 'add', 'default', 'via', '10.9.0.1', 'dev', 'v0');
      const change = await waitFor(lines, (l) => l.type === 'change' && (l.changes ?? []).some((c) => c.includes('via 10.9.0.1')), 10_000);
      assert.ok(change, `a network-change with the new default route: ${JSON.stringify(lines)}`);
      assert.ok((change.changes ?? []).some((c) => c.includes('10.9.0.2/24 on v0')), JSON.stringify(change));
      // Debounced: the address and the route (several kernel events) arrive as one change.
      await sleep(1_500);
      assert.equal(lines.filter((l) => l.type === 'change' && l.t >= changedAt).length, 1, JSON.stringify(lines));

      const before = lines.length;
      ip('link', 'set', 'v1', 'mtu', '1400'); // a kernel link event, same fingerprint
      await sleep(2_500);
      assert.equal(lines.length, before, `no event for a non-change: ${JSON.stringify(lines.slice(before))}`);

      ip('addr', 'del', '10.9.0.2/24', 'dev', 'v0'); // removes the route too
      const removed = await waitFor(lines, (l) => l.type === 'change' && (l.changes ?? []).some((c) => c.startsWith('default route removed')), 10_000);
      assert.ok(removed, JSON.stringify(lines));

      // Clean shutdown: SIGTERM, and the ip monitor child is gone with it.
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
      const monitorAlive = (() => {
        try {
          process.kill(ready.monitorPid!, 0);
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
