// The socket factory for every undici Client of a sample. Doing DNS, TCP, the proxy tunnel and
// TLS ourselves (instead of undici's built-in connector plus diagnostics_channel) is what lets us
//  - time each phase exactly, per connection, with no global subscribers to correlate,
//  - apply a separate deadline to each phase and classify a stall by the phase it happened in,
//  - pick the address family (dns.lookup with family 4/6) while keeping SNI and certificate
//    checks on the host name,
//  - judge the certificate after the handshake, so a rejected one can still be described,
//  - tunnel through HTTPS_PROXY with CONNECT exactly as go does and time it as part of connect.
import { lookup, type LookupAddress } from 'node:dns';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type SecureContext, type TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import type { HttpProtocol, Phase, TlsInfo } from '../../../shared/bench/types.js';
import { withDeadline } from './deadline.js';
import { ProbeError, classifyError, probeError } from './failure.js';
import type { PhaseTimeouts } from './options.js';
import { inspectTls } from './tls-info.js';
import { msg } from '../../../shared/i18n/message.js';
import { tlsProblemMessage } from '../../../shared/bench/words.js';

export interface ConnectionRecord {
  dnsMs: number;
  connectMs: number;
  tlsMs: number | null;
  protocol: HttpProtocol;
  tls: TlsInfo | null;
  family: 'ipv4' | 'ipv6';
  remoteAddress: string;
}

export interface FailedConnection {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  family: 'ipv4' | 'ipv6' | null;
}

export interface DialContext {
  family: 4 | 6 | null;
  timeouts: PhaseTimeouts;
  secureContext: SecureContext;
  /** The HTTP(S) proxy this origin is reached through (go's ProxyFromEnvironment), or null. */
  proxy: URL | null;
  connectTo: Record<string, string>;
  /** Names answered before DNS (ProbeOptionsBase.hosts); none when absent. */
  hosts?: Record<string, readonly string[]>;
  /** Aborted when the sample is cancelled or hits its overall deadline. */
  signal: AbortSignal;
  onPhase(phase: Phase): void;
  onConnection(rec: ConnectionRecord): void;
  /** What a connection attempt that failed had measured before failing. */
  onFailedConnection(partial: FailedConnection): void;
  /** Every socket opened, so the session can destroy them all at the end. */
  sockets: Set<Socket>;
  secrets: string[];
}

const MAX_CONNECT_RESPONSE = 16 << 10;

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The addresses `hosts` gives a name (of the family asked for), or null to ask DNS. */
export function hostsEntry(host: string, family: 4 | 6 | null, hosts: Record<string, readonly string[]>): LookupAddress[] | null {
  const listed = hosts[host.toLowerCase()];
  if (!listed) return null;
  return listed.map((address) => ({ address, family: isIP(address) })).filter((a): a is LookupAddress => (a.family === 4 || a.family === 6) && (family === null || a.family === family));
}

function lookupAll(host: string, family: 4 | 6 | null, hosts: Record<string, readonly string[]>): Promise<LookupAddress[]> {
  const listed = hostsEntry(host, family, hosts);
  if (listed) return Promise.resolve(listed);
  return new Promise((resolve, reject) => {
    lookup(host, { all: true, family: family ?? 0 }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });
}

function connectOnce(address: LookupAddress, port: number, sockets: Set<Socket>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: address.address, port, family: address.family });
    sockets.add(socket);
    // A session closing mid-dial destroys the socket without an 'error': settle on 'close' too, or
    // the connect deadline's timer keeps the process alive until it fires.
    const onClose = (): void => reject(new Error('the connection was closed before it was established'));
    socket.once('close', onClose);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      socket.off('close', onClose);
      resolve(socket);
    });
    socket.once('error', (err) => {
      socket.off('close', onClose);
      socket.destroy();
      reject(err);
    });
  });
}

/** Tries each address in turn (go's dialSerial), within one connect deadline. */
async function connectAny(addresses: LookupAddress[], port: number, ctx: DialContext, stop: AbortSignal): Promise<Socket> {
  let last: unknown = new Error('no address to connect to');
  for (const address of addresses) {
    if (stop.aborted) break;
    try {
      return await connectOnce(address, port, ctx.sockets);
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

/** Sends CONNECT host:port over `socket` and waits for a 2xx, like go's Transport does for https via a proxy. */
function tunnel(socket: Socket, authority: string, proxyAuth: string | null): Promise<void> {
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const cleanup = (): void => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(probeError('connect', 'connect', msg('bench.probe.tunnelClosed')));
    };
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_CONNECT_RESPONSE) {
          cleanup();
          reject(probeError('too-large', 'connect', msg('bench.probe.tunnelOversized')));
        }
        return;
      }
      cleanup();
      socket.pause();
      const rest = head.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1] ?? NaN);
      if (status >= 200 && status < 300) resolve();
      else if (status === 407) reject(probeError('auth', 'connect', msg('bench.probe.tunnelAuth'), 407));
      else if (Number.isFinite(status)) reject(probeError('connect', 'connect', msg('bench.probe.tunnelRefused', { status }), status));
      else reject(probeError('protocol', 'connect', msg('bench.probe.tunnelNotHttp')));
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    const auth = proxyAuth ? `Proxy-Authorization: ${proxyAuth}\r\n` : '';
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}User-Agent: Go-http-client/1.1\r\n\r\n`);
  });
}

function handshake(socket: Socket, servername: string, ctx: DialContext, alpn: string[]): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tlsSocket = tlsConnect({
      socket,
      // SNI carries names only, never IP literals (RFC 6066), as in go.
      servername: isIP(servername) ? '' : servername,
      ALPNProtocols: alpn,
      secureContext: ctx.secureContext,
      rejectUnauthorized: false,
    });
    ctx.sockets.add(tlsSocket);
    tlsSocket.once('secureConnect', () => {
      tlsSocket.removeAllListeners('error');
      resolve(tlsSocket);
    });
    tlsSocket.once('error', (err: Error) => {
      tlsSocket.destroy();
      reject(err);
    });
  });
}

function basicAuth(url: URL): string | null {
  if (!url.username && !url.password) return null;
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

interface Target {
  protocol: string;
  hostname: string;
  port: string;
}

/** Opens one connection to `target`, recording its phases; rejects with a ProbeError. */
export async function dial(target: Target, ctx: DialContext): Promise<Socket> {
  const hostname = unbracket(target.hostname);
  const secure = target.protocol === 'https:';
  const port = target.port || (secure ? '443' : '80');
  const proxy = ctx.proxy;
  let hopHost = hostname;
  let hopPort = port;
  if (proxy) {
    hopHost = unbracket(proxy.hostname);
    hopPort = proxy.port || (proxy.protocol === 'https:' ? '443' : '80');
  }
  const mapped = ctx.connectTo[`${hopHost}:${hopPort}`];
  let dialHost = hopHost;
  let dialPort = hopPort;
  if (mapped) {
    const i = mapped.lastIndexOf(':');
    dialHost = unbracket(mapped.slice(0, i));
    dialPort = mapped.slice(i + 1);
  }
  const where = proxy ? msg('bench.probe.theProxy', { host: hopHost }) : hostname;
  const opened: Socket[] = [];
  let phase: Phase = 'dns';
  let dnsMs: number | null = null;
  let connectMs: number | null = null;
  let tlsMs: number | null = null;
  let family: 'ipv4' | 'ipv6' | null = null;
  let phaseStart = performance.now();
  try {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    ctx.onPhase('dns');
    const t0 = performance.now();
    phaseStart = t0;
    const addresses = await withDeadline(lookupAll(dialHost, ctx.family, ctx.hosts ?? {}), ctx.timeouts.dnsMs,
      () => probeError('timeout', 'dns', msg('bench.probe.dnsTimedOut', { where: dialHost, ms: ctx.timeouts.dnsMs })), ctx.signal);
    if (addresses.length === 0) throw probeError('dns', 'dns', ctx.family ? msg('bench.probe.dnsNoAddressOf', { where: dialHost, family: ctx.family }) : msg('bench.probe.dnsNoAddress', { where: dialHost }));
    dnsMs = performance.now() - t0;

    phase = 'connect';
    ctx.onPhase('connect');
    const t1 = performance.now();
    phaseStart = t1;
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    let socket: Socket;
    let usedAddress: LookupAddress;
    try {
      const connectWork = (async () => {
        const s = await connectAny(addresses, Number(dialPort), ctx, stop.signal);
        opened.push(s);
        usedAddress = { address: s.remoteAddress ?? '', family: s.remoteFamily === 'IPv6' ? 6 : 4 };
        family = usedAddress.family === 6 ? 'ipv6' : 'ipv4';
        let hop: Socket = s;
        if (proxy && proxy.protocol === 'https:') {
          hop = await handshake(s, hopHost, ctx, ['http/1.1']);
          opened.push(hop);
          const tlsInfo = inspectTls(hop as TLSSocket, hopHost);
          if (tlsInfo.problem) throw probeError('tls', 'connect', msg('bench.probe.tunnelUntrusted', { where: hopHost, problem: tlsProblemMessage(tlsInfo.problem) }), null, tlsInfo);
        }
        if (proxy && secure) await tunnel(hop, `${target.hostname.includes(':') && !target.hostname.startsWith('[') ? `[${hostname}]` : target.hostname}:${port}`, basicAuth(proxy));
        return hop;
      })();
      socket = await withDeadline(connectWork, ctx.timeouts.connectMs,
        () => probeError('timeout', 'connect', msg('bench.probe.connectTimedOutAfter', { where, ms: ctx.timeouts.connectMs })), ctx.signal);
    } finally {
      stop.abort();
      ctx.signal.removeEventListener('abort', onAbort);
    }
    connectMs = performance.now() - t1;
    const address = usedAddress!;

    if (!secure) {
      ctx.onConnection({ dnsMs, connectMs, tlsMs: null, protocol: 'http/1.1', tls: null, family: address.family === 6 ? 'ipv6' : 'ipv4', remoteAddress: address.address });
      return socket;
    }

    phase = 'tls';
    ctx.onPhase('tls');
    const t2 = performance.now();
    phaseStart = t2;
    const tlsSocket = await withDeadline(handshake(socket, hostname, ctx, ['h2', 'http/1.1']), ctx.timeouts.tlsMs,
      () => probeError('timeout', 'tls', msg('bench.probe.tlsTimedOut', { where: hostname, ms: ctx.timeouts.tlsMs })), ctx.signal);
    opened.push(tlsSocket);
    tlsMs = performance.now() - t2;
    const info = inspectTls(tlsSocket, hostname);
    if (info.problem) {
      throw probeError('tls', 'tls', info.subject ? msg('bench.probe.untrusted', { where: hostname, problem: tlsProblemMessage(info.problem), subject: info.subject }) : msg('bench.probe.untrustedNoSubject', { where: hostname, problem: tlsProblemMessage(info.problem) }), null, info);
    }
    ctx.onConnection({
      dnsMs, connectMs, tlsMs,
      protocol: tlsSocket.alpnProtocol === 'h2' ? 'h2' : 'http/1.1',
      tls: info,
      family: address.family === 6 ? 'ipv6' : 'ipv4',
      remoteAddress: address.address,
    });
    return tlsSocket;
  } catch (err) {
    // The phase that failed is reported with the time it took to fail.
    const spent = performance.now() - phaseStart;
    if (phase === 'dns') dnsMs ??= spent;
    else if (phase === 'connect') connectMs ??= spent;
    else tlsMs ??= spent;
    ctx.onFailedConnection({ dnsMs, connectMs, tlsMs, family });
    // Outermost first: destroying the TCP socket under a live TLSSocket crashes Node 20 (SIGSEGV).
    for (const s of opened.reverse()) s.destroy();
    if (err instanceof ProbeError) throw err;
    if (ctx.signal.aborted && ctx.signal.reason instanceof ProbeError) throw ctx.signal.reason;
    throw new ProbeError(classifyError(err, phase, where, ctx.secrets));
  }
}

/** Adapts dial() to undici's connector interface. */
export function makeConnector(ctx: DialContext): buildConnector.connector {
  return (opts, callback) => {
    dial({ protocol: opts.protocol, hostname: opts.hostname, port: opts.port }, ctx).then(
      (socket) => callback(null, socket),
      (err: Error) => callback(err, null),
    );
  };
}
