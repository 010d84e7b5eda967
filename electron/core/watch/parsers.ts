// Pure parsers for what the operating systems report about the network. Each takes text and
// returns facts, so every platform's code path is unit-tested on captured output on any machine.
import type { DefaultRoute } from '../../../shared/repair/fingerprint.js';

export interface IpMonitorEvent {
  object: 'address' | 'route' | 'link';
  deleted: boolean;
  iface: string | null;
}

/** One line of `ip -o monitor address route link`; null for lines that are not events. */
export function parseIpMonitorLine(line: string): IpMonitorEvent | null {
  let text = line.trim();
  if (text === '') return null;
  text = text.replace(/^\[[A-Z]+\]\s*/, ''); // `ip monitor all` prefixes the object
  const deleted = text.startsWith('Deleted ');
  if (deleted) text = text.slice('Deleted '.length);
  // "3: v0    inet 10.9.0.2/24 ..." (address) or "2: v1@NONE: <BROADCAST,...>" (link)
  const indexed = /^\d+:\s+([^\s:@]+)(@\S+?)?:?\s+(.*)$/.exec(text);
  if (indexed) {
    const rest = indexed[3] ?? '';
    const object = /^inet6?\s/.test(rest) ? 'address' : 'link';
    return { object, deleted, iface: indexed[1] ?? null };
  }
  // Routes: "default via 10.9.0.1 dev v0", "local 10.9.0.3 dev v0 table local ...", "10.9.0.0/24 dev v0 ..."
  const route = /^(?:(?:local|broadcast|unicast|multicast|anycast|unreachable|blackhole|prohibit|throw)\s+)?(default|[0-9a-fA-F.:]+(?:\/\d+)?)\s.*?\bdev\s+(\S+)/.exec(text);
  if (route) return { object: 'route', deleted, iface: route[2] ?? null };
  return null;
}

function hexLeIpv4(hex: string): string | null {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return null;
  const n = parseInt(hex, 16);
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff].join('.');
}

/** Default routes from Linux /proc/net/route (IPv4: little-endian hex). */
export function parseProcNetRoute(text: string): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    const [iface, dest, gateway, flags, , , , mask] = f as [string, string, string, string, string, string, string, string];
    const up = (parseInt(flags, 16) & 0x1) !== 0;
    if (!up || dest !== '00000000' || mask !== '00000000') continue;
    const gw = hexLeIpv4(gateway);
    out.push({ iface, gateway: gw === null || gw === '0.0.0.0' ? null : gw });
  }
  return out;
}

/** Default routes from Linux /proc/net/ipv6_route (the kernel's unreachable default on lo is skipped). */
export function parseProcNetIpv6Route(text: string): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [dest, destLen, , , nextHop, , , , flags, iface] = f;
    if (!/^0{32}$/.test(dest ?? '') || destLen !== '00' || iface === 'lo') continue;
    if ((parseInt(flags ?? '0', 16) & 0x200) !== 0) continue; // RTF_REJECT
    const gw = /^0{32}$/.test(nextHop ?? '') ? null : (nextHop ?? '').replace(/(.{4})(?!$)/g, '$1:').replace(/\b0+(?=[0-9a-f])/g, '');
    out.push({ iface: iface ?? '', gateway: gw });
  }
  return out;
}

/** Name servers and search domains from resolv.conf (`domain` counts as a one-entry search list). */
export function parseResolvConf(text: string): { servers: string[]; search: string[] } {
  const servers: string[] = [];
  let search: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0]) servers.push(rest[0]);
    else if (key === 'search' || key === 'domain') search = rest; // the last one wins, as in glibc
  }
  return { servers, search };
}

/**
 * macOS: `scutil` given "show State:/Network/Global/IPv4" and "show State:/Network/Global/DNS"
 * prints dictionaries; this reads the router, primary interface, DNS servers and search domains.
 */
export function parseScutilState(text: string): { defaultRoutes: DefaultRoute[]; servers: string[]; search: string[] } {
  const scalar = (name: string): string | null => new RegExp(`^\\s*${name}\\s*:\\s*(\\S+)\\s*$`, 'm').exec(text)?.[1] ?? null;
  const array = (name: string): string[] => {
    const m = new RegExp(`^\\s*${name}\\s*:\\s*<array>\\s*\\{([^}]*)\\}`, 'm').exec(text);
    if (!m) return [];
    return [...(m[1] ?? '').matchAll(/^\s*\d+\s*:\s*(\S+)\s*$/gm)].map((x) => x[1] as string);
  };
  const router = scalar('Router');
  const iface = scalar('PrimaryInterface');
  return {
    defaultRoutes: iface ? [{ iface, gateway: router }] : [],
    servers: array('ServerAddresses'),
    search: array('SearchDomains'),
  };
}

/** Windows: the IPv4 default routes in `route print -4 0.0.0.0` (numeric rows only: locale-proof). */
export function parseRoutePrint(text: string): DefaultRoute[] {
  const out: DefaultRoute[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*0\.0\.0\.0\s+0\.0\.0\.0\s+(\S+)\s+(\d+\.\d+\.\d+\.\d+)\s+\d+\s*$/.exec(line);
    if (m) out.push({ iface: m[2] as string, gateway: /^\d+\.\d+\.\d+\.\d+$/.test(m[1] as string) ? (m[1] as string) : null });
  }
  return out;
}

/** Linux: the active Wi-Fi name from `nmcli -t -f active,ssid dev wifi` ("yes:name"; colons escaped as "\:"). */
export function parseNmcliActiveSsid(text: string): string | null {
  for (const line of text.split('\n')) {
    const m = /^yes:(.*)$/.exec(line.trim());
    if (m && m[1]) return m[1].replace(/\\:/g, ':');
  }
  return null;
}
