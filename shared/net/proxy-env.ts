// Which HTTP(S) proxy `go` would use for a URL: a line-by-line port of
// golang.org/x/net/http/httpproxy (FromEnvironment + ProxyFunc), which net/http's
// ProxyFromEnvironment uses and therefore every go command fetch. Pure: env in, decision out.
//
// Non-ASCII host names must already be punycoded (WHATWG `new URL().href` does that), because
// Go compares NO_PROXY entries after IDNA conversion.
import { cidrContains, ipEqual, ipIsLoopback, parseCidr, parseIp, type Cidr, type Ip16 } from './ip.js';

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

export interface ProxyEnvConfig {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  /** REQUEST_METHOD is set: Go refuses HTTP_PROXY there (httpoxy). */
  cgi: boolean;
}

/** Upper-case name first, then lower-case; empty counts as unset (httpproxy.getEnvAny). */
function getEnvAny(env: ProxyEnv, ...names: string[]): string {
  for (const n of names) {
    const v = env[n];
    if (v) return v;
  }
  return '';
}

export function proxyConfigFromEnv(env: ProxyEnv): ProxyEnvConfig {
  return {
    httpProxy: getEnvAny(env, 'HTTP_PROXY', 'http_proxy'),
    httpsProxy: getEnvAny(env, 'HTTPS_PROXY', 'https_proxy'),
    noProxy: getEnvAny(env, 'NO_PROXY', 'no_proxy'),
    cgi: Boolean(env.REQUEST_METHOD),
  };
}

/** httpproxy.parseProxy: a value without a scheme (or host) is read as http://value. */
export function normalizeProxyValue(value: string): string | null {
  if (value === '') return null;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(value);
  if (m && m[2] !== '') return value;
  return `http://${value}`;
}

/** net.SplitHostPort: null when there is no port separator (or too many colons). */
export function splitHostPort(hostport: string): { host: string; port: string } | null {
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return null;
    const after = hostport.slice(end + 1);
    if (!after.startsWith(':')) return null;
    const port = after.slice(1);
    if (port.includes(':')) return null;
    return { host: hostport.slice(1, end), port };
  }
  const i = hostport.lastIndexOf(':');
  if (i < 0) return null;
  const host = hostport.slice(0, i);
  if (host.includes(':') || host.includes('[') || host.includes(']')) return null;
  const port = hostport.slice(i + 1);
  if (port.includes('[') || port.includes(']')) return null;
  return { host, port };
}

type Matcher =
  | { kind: 'all' }
  | { kind: 'cidr'; cidr: Cidr }
  | { kind: 'ip'; ip: Ip16; port: string }
  | { kind: 'domain'; host: string; port: string; matchHost: boolean };

interface ParsedNoProxy {
  ipMatchers: Matcher[];
  domainMatchers: Matcher[];
}

/** httpproxy.config.init's NO_PROXY half. */
export function parseNoProxy(noProxy: string): ParsedNoProxy {
  const ipMatchers: Matcher[] = [];
  const domainMatchers: Matcher[] = [];
  for (const raw of noProxy.split(',')) {
    const p = raw.trim().toLowerCase();
    if (p.length === 0) continue;
    if (p === '*') return { ipMatchers: [{ kind: 'all' }], domainMatchers: [{ kind: 'all' }] };
    const cidr = parseCidr(p);
    if (cidr) {
      ipMatchers.push({ kind: 'cidr', cidr });
      continue;
    }
    let phost: string;
    let pport = '';
    const hp = splitHostPort(p);
    if (hp) {
      if (hp.host.length === 0) continue;
      phost = hp.host;
      pport = hp.port;
      if (phost.startsWith('[') && phost.endsWith(']')) phost = phost.slice(1, -1);
    } else {
      phost = p;
    }
    const pip = parseIp(phost);
    if (pip) {
      ipMatchers.push({ kind: 'ip', ip: pip, port: pport });
      continue;
    }
    if (phost.length === 0) continue;
    if (phost.startsWith('*.')) phost = phost.slice(1);
    let matchHost = false;
    if (!phost.startsWith('.')) {
      matchHost = true;
      phost = `.${phost}`;
    }
    domainMatchers.push({ kind: 'domain', host: phost, port: pport, matchHost });
  }
  return { ipMatchers, domainMatchers };
}

function matches(m: Matcher, host: string, port: string, ip: Ip16 | null): boolean {
  switch (m.kind) {
    case 'all':
      return true;
    case 'cidr':
      return ip !== null && cidrContains(m.cidr, ip);
    case 'ip':
      return ip !== null && ipEqual(m.ip, ip) && (m.port === '' || m.port === port);
    case 'domain':
      return (host.endsWith(m.host) || (m.matchHost && host === m.host.slice(1))) && (m.port === '' || m.port === port);
  }
}

/** httpproxy.config.useProxy for a canonical "host:port". */
export function useProxy(noProxy: ParsedNoProxy, addr: string): boolean {
  if (addr.length === 0) return true;
  const hp = splitHostPort(addr);
  if (!hp) return false;
  if (hp.host === 'localhost') return false;
  const ip = parseIp(hp.host);
  if (ip && ipIsLoopback(ip)) return false;
  const host = hp.host.trim().toLowerCase();
  if (ip) for (const m of noProxy.ipMatchers) if (matches(m, host, hp.port, ip)) return false;
  for (const m of noProxy.domainMatchers) if (matches(m, host, hp.port, ip)) return false;
  return true;
}

interface RequestTarget {
  scheme: string;
  hostname: string;
  port: string;
}

/** Scheme, host (brackets removed) and explicit port of an absolute URL; null when it is not one. */
export function parseRequestTarget(url: string): RequestTarget | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(url);
  if (!m) return null;
  const scheme = (m[1] ?? '').toLowerCase();
  let authority = m[2] ?? '';
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let hostname: string;
  let port = '';
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) return null;
    hostname = authority.slice(1, end);
    const rest = authority.slice(end + 1);
    if (rest.startsWith(':')) port = rest.slice(1);
  } else {
    const i = authority.lastIndexOf(':');
    hostname = i >= 0 ? authority.slice(0, i) : authority;
    port = i >= 0 ? authority.slice(i + 1) : '';
  }
  return { scheme, hostname, port };
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', socks5: '1080' };

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export class CgiProxyRefusedError extends Error {
  constructor() {
    super('refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy');
    this.name = 'CgiProxyRefusedError';
  }
}

/**
 * The proxy URL go would send `url` through, or null for a direct connection.
 * Throws CgiProxyRefusedError where go's request would fail (HTTP_PROXY under CGI).
 */
export function proxyForUrl(url: string, env: ProxyEnv): string | null {
  return proxyForUrlWithConfig(url, proxyConfigFromEnv(env));
}

export function proxyForUrlWithConfig(url: string, cfg: ProxyEnvConfig): string | null {
  const target = parseRequestTarget(url);
  if (!target) return null;
  let proxy: string | null = null;
  if (target.scheme === 'https') {
    proxy = normalizeProxyValue(cfg.httpsProxy);
  } else if (target.scheme === 'http') {
    proxy = normalizeProxyValue(cfg.httpProxy);
    if (proxy !== null && cfg.cgi) throw new CgiProxyRefusedError();
  }
  if (proxy === null) return null;
  const port = target.port || DEFAULT_PORTS[target.scheme] || '';
  if (!useProxy(parseNoProxy(cfg.noProxy), joinHostPort(target.hostname, port))) return null;
  return proxy;
}
