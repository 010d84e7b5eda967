// The fallback where no network namespace can be made: the WatchEngine in this process, its
// NetworkWatcher fed by injected fingerprint readers (polling, no `ip monitor`), the lab on
// loopback. The "network change" is the readers' default gateway moving; detection therefore
// includes the poll period, which the real watcher's `ip monitor` does not wait for.
import type os from 'node:os';
import { performance } from 'node:perf_hooks';
import { makeProber, WatchEngine, type FingerprintReaders, type WatchEvent } from '../../../electron/core/watch/index.js';
import { DEFAULT_REPAIR_SETTINGS } from '../../../shared/repair/index.js';
import { startLab } from '../../lab/index.js';
import type { Line } from './children.js';
import { onCleanup } from './cleanup.js';
import { timeRepairs, type RepairTiming } from './repair-timing.js';
import { benchHome } from './watch-home.js';

// Above the watcher's 1 s debounce: every poll re-arms the debounce timer, so with a poll period
// shorter than the debounce the check would never run (NetworkWatcher.schedule).
export const INJECTED_POLL_MS = 1_500;

const GATEWAYS = ['0100090A', '0101090A']; // 10.9.0.1, 10.9.1.1 as /proc/net/route writes them

export async function repairsWithInjectedReaders(repeats: number): Promise<RepairTiming[]> {
  const lab = await startLab({ proxies: [{ name: 'office', faults: { mode: 'blackhole' } }, { name: 'home' }] });
  onCleanup('close the lab', () => lab.close());
  const office = lab.proxies.office!.url;
  const h = await benchHome(`${office},${lab.proxies.home!.url}`);
  const mod = lab.modules[0]!;

  let gateway = GATEWAYS[0]!;
  const readers: FingerprintReaders = {
    platform: 'linux',
    interfaces: () => ({ eth0: [{ address: '10.9.0.2', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '10.9.0.2/24' } satisfies os.NetworkInterfaceInfo] }),
    readText: (file) =>
      Promise.resolve(file === '/proc/net/route' ? `Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\neth0\t00000000\t${gateway}\t0003\t0\t0\t0\t00000000\n` : file === '/etc/resolv.conf' ? 'nameserver 127.0.0.1\n' : null),
    run: () => Promise.resolve(null),
  };
  const events: Line<WatchEvent>[] = [];
  const engine = new WatchEngine({
    env: h.env,
    settings: DEFAULT_REPAIR_SETTINGS,
    probe: makeProber({ module: { path: mod.path, version: mod.version }, env: h.env }),
    activeSamples: DEFAULT_REPAIR_SETTINGS.failureThreshold,
    healthCheckMs: 0,
    watcher: { readers, ipMonitor: false, pollMs: INJECTED_POLL_MS },
    onEvent: (e) => events.push({ t: performance.now(), value: e }),
  });
  onCleanup('stop the watch engine', () => engine.stop());
  await engine.start(); // its first round repairs the black-holed proxy; the repeats start after it

  return timeRepairs({
    repeats,
    envFile: h.envFile,
    original: h.original,
    events,
    deadUrl: office,
    change: (i) => {
      gateway = GATEWAYS[(i + 1) % 2]!;
      return Promise.resolve();
    },
  });
}
