// A network's identity, as the watcher sees it: which addresses this machine has, where its default
// routes go, which DNS servers and search domains it uses, and the Wi-Fi name when it is readable.
// Two fingerprints that normalize to the same key are the same network: a kernel event that changed
// nothing that identifies the network (a lease renewal, a link flap that came back the same) is not
// a network change.
import { msg, type Message } from '../i18n/message.js';
import { ipTo4, parseIp } from '../net/ip.js';

export interface InterfaceFacts {
  name: string;
  /** Addresses in CIDR form, e.g. "10.0.0.5/24" or "2001:db8::5/64". */
  addresses: string[];
}

export interface DefaultRoute {
  iface: string;
  /** null: an on-link default route (point-to-point links, some VPNs). */
  gateway: string | null;
}

export interface NetworkFingerprint {
  interfaces: InterfaceFacts[];
  defaultRoutes: DefaultRoute[];
  dnsServers: string[];
  searchDomains: string[];
  /** The Wi-Fi network name, or null when not on Wi-Fi or not readable without a prompt. */
  ssid: string | null;
}

export const EMPTY_FINGERPRINT: NetworkFingerprint = { interfaces: [], defaultRoutes: [], dnsServers: [], searchDomains: [], ssid: null };

// Link-local addresses (fe80::/10, 169.254/16) are left out: every link gets a new one each time it
// comes up, and they never carry traffic to a module proxy, so they say nothing about the network.
function isLinkLocal(cidr: string): boolean {
  const ip = parseIp((cidr.split('/')[0] ?? '').replace(/%.*$/, ''));
  if (!ip) return false;
  const v4 = ipTo4(ip);
  if (v4) return v4[0] === 169 && v4[1] === 254;
  return ip[0] === 0xfe && ((ip[1] ?? 0) & 0xc0) === 0x80;
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

/** Sorted, deduplicated, lower-cased where case means nothing; link-local addresses and address-less interfaces dropped. */
export function normalizeFingerprint(fp: NetworkFingerprint): NetworkFingerprint {
  const byName = new Map<string, string[]>();
  for (const iface of fp.interfaces) {
    const addrs = iface.addresses.map((a) => a.trim().toLowerCase()).filter((a) => a !== '' && !isLinkLocal(a));
    byName.set(iface.name, [...(byName.get(iface.name) ?? []), ...addrs]);
  }
  const interfaces = [...byName.entries()]
    .map(([name, addrs]) => ({ name, addresses: unique(addrs) }))
    .filter((i) => i.addresses.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const routeKeys = unique(fp.defaultRoutes.map((r) => `${r.iface}\u0000${r.gateway?.toLowerCase() ?? ''}`));
  const defaultRoutes = routeKeys.map((k) => {
    const [iface = '', gateway = ''] = k.split('\u0000');
    return { iface, gateway: gateway === '' ? null : gateway };
  });
  return {
    interfaces,
    defaultRoutes,
    dnsServers: unique(fp.dnsServers.map((s) => s.trim().toLowerCase()).filter((s) => s !== '')),
    searchDomains: unique(fp.searchDomains.map((d) => d.trim().toLowerCase().replace(/\.$/, '')).filter((d) => d !== '')),
    ssid: fp.ssid === null || fp.ssid === '' ? null : fp.ssid,
  };
}

/** A stable text key: equal keys mean the same network. */
export function fingerprintKey(fp: NetworkFingerprint): string {
  return JSON.stringify(normalizeFingerprint(fp));
}

export function sameNetwork(a: NetworkFingerprint, b: NetworkFingerprint): boolean {
  return fingerprintKey(a) === fingerprintKey(b);
}

/** Items as one message: "a, b, c" (ops.network.list nests them). */
function listMessage(items: readonly Message[]): Message {
  return items.reduce((all, next) => msg('ops.network.list', { first: all, then: next }));
}

function diffLists(what: Message, before: readonly string[], after: readonly string[], item: (key: string) => Message): Message[] {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const out: Message[] = [];
  if (added.length) out.push(msg('ops.network.added', { what, items: listMessage(added.map(item)) }));
  if (removed.length) out.push(msg('ops.network.removed', { what, items: listMessage(removed.map(item)) }));
  return out;
}

/** What changed, as messages ("default route added: via 10.0.0.1 on eth0"); empty when nothing did. */
export function describeNetworkChange(before: NetworkFingerprint | null, after: NetworkFingerprint): Message[] {
  const a = normalizeFingerprint(before ?? EMPTY_FINGERPRINT);
  const b = normalizeFingerprint(after);
  // Keys compare the facts; each becomes a message only for the words.
  const addrs = (fp: NetworkFingerprint): string[] => fp.interfaces.flatMap((i) => i.addresses.map((x) => JSON.stringify([x, i.name])));
  const routes = (fp: NetworkFingerprint): string[] => fp.defaultRoutes.map((r) => JSON.stringify([r.gateway, r.iface]));
  const address = (key: string): Message => {
    const [x, iface] = JSON.parse(key) as [string, string];
    return msg('ops.network.address-on', { address: x, iface });
  };
  const route = (key: string): Message => {
    const [gateway, iface] = JSON.parse(key) as [string | null, string];
    return gateway ? msg('ops.network.route-via', { gateway, iface }) : msg('ops.network.route-on-link', { iface });
  };
  const plain = (x: string): Message => msg('ops.network.value', { value: x });
  const out = [
    ...diffLists(msg('ops.network.address'), addrs(a), addrs(b), address),
    ...diffLists(msg('ops.network.default-route'), routes(a), routes(b), route),
    ...diffLists(msg('ops.network.dns-server'), a.dnsServers, b.dnsServers, plain),
    ...diffLists(msg('ops.network.search-domain'), a.searchDomains, b.searchDomains, plain),
  ];
  if (a.ssid !== b.ssid) out.push(msg('ops.network.wifi', { before: a.ssid ?? msg('ops.network.none'), after: b.ssid ?? msg('ops.network.none') }));
  return out;
}
