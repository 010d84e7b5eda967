// Gathers the network fingerprint. Every input comes through an injectable reader, so tests can
// feed a changing network without privileges and the platform paths run on any machine.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { NetworkFingerprint } from '../../../shared/repair/fingerprint.js';
import { parseNmcliActiveSsid, parseProcNetIpv6Route, parseProcNetRoute, parseResolvConf, parseRoutePrint, parseScutilState } from './parsers.js';

export interface FingerprintReaders {
  platform: NodeJS.Platform;
  interfaces(): NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  readText(file: string): Promise<string | null>;
  /** Runs a command with no shell and a short timeout; null when it is missing or fails. */
  run(cmd: string, args: string[], input?: string): Promise<string | null>;
}

export const systemReaders: FingerprintReaders = {
  platform: process.platform,
  interfaces: () => os.networkInterfaces(),
  readText: (file) => readFile(file, 'utf8').catch(() => null),
  run: (cmd, args, input) =>
    new Promise((resolve) => {
      const child = execFile(cmd, args, { timeout: 3_000, windowsHide: true, maxBuffer: 1 << 20 }, (err, stdout) => resolve(err ? null : String(stdout)));
      child.on('error', () => resolve(null));
      if (input !== undefined) child.stdin?.end(input);
    }),
};

function interfacesOf(readers: FingerprintReaders): NetworkFingerprint['interfaces'] {
  return Object.entries(readers.interfaces())
    .filter(([, infos]) => infos && infos.some((i) => !i.internal))
    .map(([name, infos]) => ({ name, addresses: (infos ?? []).filter((i) => !i.internal).map((i) => i.cidr ?? i.address) }));
}

export async function readFingerprint(readers: FingerprintReaders = systemReaders): Promise<NetworkFingerprint> {
  const interfaces = interfacesOf(readers);
  if (readers.platform === 'linux') {
    const [route4, route6, resolv, nmcli] = await Promise.all([
      readers.readText('/proc/net/route'),
      readers.readText('/proc/net/ipv6_route'),
      readers.readText('/etc/resolv.conf'),
      // nmcli reads the SSID without a prompt where NetworkManager runs; elsewhere it is absent.
      readers.run('nmcli', ['-t', '-f', 'active,ssid', 'dev', 'wifi']),
    ]);
    const dns = parseResolvConf(resolv ?? '');
    return {
      interfaces,
      defaultRoutes: [...parseProcNetRoute(route4 ?? ''), ...parseProcNetIpv6Route(route6 ?? '')],
      dnsServers: dns.servers,
      searchDomains: dns.search,
      ssid: nmcli === null ? null : parseNmcliActiveSsid(nmcli),
    };
  }
  if (readers.platform === 'darwin') {
    // The SSID is not read on macOS: since 14.4 it needs the location permission (a prompt).
    const out = await readers.run('scutil', [], 'show State:/Network/Global/IPv4\nshow State:/Network/Global/DNS\nquit\n');
    const st = parseScutilState(out ?? '');
    return { interfaces, defaultRoutes: st.defaultRoutes, dnsServers: st.servers, searchDomains: st.search, ssid: null };
  }
  if (readers.platform === 'win32') {
    // route.exe is always present and prompts for nothing. DNS servers come from the interfaces'
    // addresses changing in practice; the gateway is the part that identifies the network.
    const out = await readers.run('route', ['print', '-4', '0.0.0.0']);
    return { interfaces, defaultRoutes: parseRoutePrint(out ?? ''), dnsServers: [], searchDomains: [], ssid: null };
  }
  return { interfaces, defaultRoutes: [], dnsServers: [], searchDomains: [], ssid: null };
}
