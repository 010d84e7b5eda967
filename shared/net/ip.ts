// IP address parsing with Go's net.ParseIP rules (no zones, no leading zeros in IPv4 octets),
// pure so that NO_PROXY decisions can live in shared/. Addresses are 16 bytes; IPv4 is stored
// IPv4-mapped (::ffff:a.b.c.d), as Go does.

export type Ip16 = Uint8Array;

const V4_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIpv4Bytes(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    if (p.length > 1 && p.startsWith('0')) return null; // Go >= 1.17 rejects octal-looking octets
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseIpv6Bytes(s: string): number[] | null {
  let tail: number[] = [];
  let text = s;
  // A trailing dotted IPv4 part fills the last 4 bytes.
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4Bytes(text.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    text = text.slice(0, lastColon + 1) + '0:0'; // placeholder groups, replaced below
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !rest) return null;
  const total = head.length + rest.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const all = [...head, ...new Array<number>(8 - total).fill(0), ...rest];
  const bytes: number[] = [];
  for (const g of all) bytes.push(g >> 8, g & 0xff);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** Parses an IPv4 or IPv6 literal (no brackets, no zone); null when it is not one. */
export function parseIp(s: string): Ip16 | null {
  if (s.includes('.') && !s.includes(':')) {
    const v4 = parseIpv4Bytes(s);
    return v4 ? Uint8Array.from([...V4_PREFIX, ...v4]) : null;
  }
  if (!s.includes(':')) return null;
  const v6 = parseIpv6Bytes(s);
  return v6 ? Uint8Array.from(v6) : null;
}

/** Go's IP.To4: the 4 bytes of an IPv4(-mapped) address, else null. */
export function ipTo4(ip: Ip16): Uint8Array | null {
  for (let i = 0; i < 12; i++) if (ip[i] !== V4_PREFIX[i]) return null;
  return ip.slice(12);
}

export function ipEqual(a: Ip16, b: Ip16): boolean {
  return a.every((x, i) => x === b[i]);
}

/** Go's IP.IsLoopback: 127.0.0.0/8 or ::1. */
export function ipIsLoopback(ip: Ip16): boolean {
  const v4 = ipTo4(ip);
  if (v4) return v4[0] === 127;
  return ip.every((x, i) => (i === 15 ? x === 1 : x === 0));
}

export interface Cidr {
  /** 4 bytes for a network Go treats as IPv4, else 16. */
  network: Uint8Array;
  mask: Uint8Array;
}

/** Go's net.ParseCIDR, reduced to what Contains needs. */
export function parseCidr(s: string): Cidr | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  const ip = parseIp(addr);
  if (!ip) return null;
  const writtenAsV4 = addr.includes('.') && !addr.includes(':');
  const maskLen = writtenAsV4 ? 4 : 16;
  if (bits > maskLen * 8) return null;
  let mask: Uint8Array = new Uint8Array(maskLen);
  for (let i = 0; i < maskLen; i++) {
    const b = Math.max(0, Math.min(8, bits - i * 8));
    mask[i] = b === 0 ? 0 : (0xff << (8 - b)) & 0xff;
  }
  // Go's networkNumberAndMask: an IPv4(-mapped) network uses 4 bytes, a 16-byte mask loses its first 12.
  const v4 = ipTo4(ip);
  const base = v4 ?? ip;
  if (base.length === 4 && mask.length === 16) mask = mask.slice(12);
  if (base.length === 16 && mask.length === 4) return null;
  const network = base.map((x, i) => x & (mask[i] ?? 0));
  return { network, mask };
}

export function cidrContains(c: Cidr, ip: Ip16): boolean {
  const addr = ipTo4(ip) ?? ip;
  if (addr.length !== c.network.length) return false;
  return addr.every((x, i) => (x & (c.mask[i] ?? 0)) === c.network[i]);
}
