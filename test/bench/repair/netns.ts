// A network namespace for the benchmark (root only): created with a veth pair whose address and
// default route the benchmark moves between two networks, and deleted by the cleanup. Its
// resolv.conf (bind-mounted by `ip netns exec` from /etc/netns/<name>/) points at the namespace's
// own loopback, where nothing listens: a lookup fails at once, as DNS does for *.invalid on the
// host. Without it the watcher's probes of the built-in profiles' public proxies would each wait
// for the DNS timeout on a network that has no DNS server at all.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onCleanup } from './cleanup.js';

export interface Network {
  address: string;
  gateway: string;
}

export const NETWORKS: readonly [Network, Network] = [
  { address: '10.9.0.2/24', gateway: '10.9.0.1' },
  { address: '10.9.1.2/24', gateway: '10.9.1.1' },
];
export const IFACE = 'v0';

/** Why a namespace cannot be made here, or null when it can. */
export function netnsUnavailableReason(): string | null {
  const probe = `gpctl-bench-check-${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'pipe', timeout: 5_000 });
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'pipe', timeout: 5_000 });
    return null;
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    return `ip netns add failed: ${stderr || (err as Error).message}`;
  }
}

/** Runs `ip -n <ns> -batch -` with these commands, one `ip` process for the whole change. */
export function ipBatch(ns: string, commands: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['-n', ns, '-batch', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ip -batch (${commands.join('; ')}) failed: ${stderr.trim()}`))));
    child.stdin.end(commands.join('\n') + '\n');
  });
}

/** The commands that move the interface from one network to the other (the old route goes with its address). */
export function switchNetwork(from: Network, to: Network): string[] {
  return [`addr del ${from.address} dev ${IFACE}`, `addr add ${to.address} dev ${IFACE}`, `route add default via ${to.gateway} dev ${IFACE}`];
}

/** Creates the namespace on NETWORKS[0], with a fast-failing resolv.conf; the cleanup deletes both. */
export async function createNamespace(ns: string): Promise<void> {
  execFileSync('ip', ['netns', 'add', ns], { stdio: 'pipe', timeout: 5_000 });
  onCleanup(`delete network namespace ${ns}`, () => void execFileSync('ip', ['netns', 'del', ns], { stdio: 'pipe', timeout: 5_000 }));
  const etc = path.join('/etc/netns', ns);
  const madeParent = !existsSync('/etc/netns');
  mkdirSync(etc, { recursive: true });
  onCleanup(`remove ${etc}`, () => rmSync(madeParent ? '/etc/netns' : etc, { recursive: true, force: true }));
  writeFileSync(path.join(etc, 'resolv.conf'), 'nameserver 127.0.0.1\n');
  const first = NETWORKS[0];
  await ipBatch(ns, [
    'link set lo up',
    `link add ${IFACE} type veth peer name v1`,
    `link set ${IFACE} up`,
    'link set v1 up',
    `addr add ${first.address} dev ${IFACE}`,
    `route add default via ${first.gateway} dev ${IFACE}`,
  ]);
}
