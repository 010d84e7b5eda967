// Repair latency on a real network change: a namespace with a veth pair, the lab and the real
// `node bin/goproxyctl.js watch --json` both inside it (the lab on the namespace's loopback), the
// address and default route moved between two networks with one `ip -batch` per change.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WatchEvent } from '../../../electron/core/watch/index.js';
import type { LabProxyOptions } from '../../lab/index.js';
import { cliPath } from '../../support/paths.js';
import { spawnOwned } from './children.js';
import { createNamespace, ipBatch, NETWORKS, switchNetwork } from './netns.js';
import { timeRepairs, type RepairTiming } from './repair-timing.js';
import { benchHome } from './watch-home.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // <root>/dist/test/bench/repair
const PROXIES: LabProxyOptions[] = [{ name: 'office', faults: { mode: 'blackhole' } }, { name: 'home' }];

export async function repairsInNamespace(repeats: number): Promise<RepairTiming[]> {
  const ns = `gpctl-bench-${process.pid}`;
  await createNamespace(ns);
  const inNs = (args: string[]): string[] => ['netns', 'exec', ns, process.execPath, ...args];

  const lab = spawnOwned<{ proxies: Record<string, string>; module: string }>('lab (in namespace)', 'ip', inNs([path.join(here, 'lab-in-netns.js'), JSON.stringify(PROXIES)]), {});
  const { proxies, module } = (await lab.waitFor(() => true, 60_000)).value;
  const office = proxies.office!;
  const h = await benchHome(`${office},${proxies.home!}`);

  // --health-check 0: the network change is the only trigger while the clock runs.
  const watch = spawnOwned<WatchEvent>('goproxyctl watch (in namespace)', 'ip', inNs([cliPath, 'watch', '--json', '--module', module, '--health-check', '0']), { env: h.env, cwd: h.home });
  // The first round (at start) already finds the black-holed proxy and repairs; the repeats start after it.
  await watch.waitFor((e) => (e.type === 'keep' || e.type === 'repair') && e.trigger === 'start', 120_000);

  let at = 0;
  return timeRepairs({
    repeats,
    envFile: h.envFile,
    original: h.original,
    events: watch.lines,
    deadUrl: office,
    change: async () => {
      const next = 1 - at;
      await ipBatch(ns, switchNetwork(NETWORKS[at]!, NETWORKS[next]!));
      at = next;
    },
  });
}
