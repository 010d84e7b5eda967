// One sample's HTTP engine: one undici Client (one connection, kept alive, h2 when offered) per
// origin, every request timed phase by phase, redirects followed the way go follows them, and
// everything torn down by close() whatever state the servers left it in.
import type { Socket } from 'node:net';
import { Client, type Dispatcher } from 'undici';
import type { HttpProtocol, Phase, ProbeFailure, ProtocolRequest, RequestTiming, TlsInfo } from '../../../shared/bench/types.js';
import { proxyForUrl } from '../../../shared/net/proxy-env.js';
import { makeConnector, type ConnectionRecord, type DialContext, type FailedConnection } from './connector.js';
import { ProbeError, classifyError, makeFailure, probeError } from './failure.js';
import { MAX_HEADER_BYTES, type Credentials, type PhaseTimeouts } from './options.js';
import { trustContext } from './trust-store.js';
import { msg } from '../../../shared/i18n/message.js';

export interface SessionConfig {
  timeouts: PhaseTimeouts;
  family: 4 | 6 | null;
  env: NodeJS.ProcessEnv;
  ca: string[];
  connectTo: Record<string, string>;
  /** Names answered before DNS (ProbeOptionsBase.hosts). */
  hosts?: Record<string, readonly string[]>;
  /** Sent only to this origin (scheme://host:port). */
  credentials: Credentials | null;
  credentialOrigin: string | null;
  signal: AbortSignal;
  onPhase(request: ProtocolRequest, phase: Phase): void;
}

export interface FetchSpec {
  request: ProtocolRequest;
  url: string;
  /** Body bytes kept; more than this stops the read. */
  maxBytes: number;
  /** Stop reading the body this long after its first byte, without an error (a throughput sample). */
  maxReadMs?: number;
}

export interface FetchResult {
  timing: RequestTiming;
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body went on past maxBytes (the read was stopped there). */
  overflowed: boolean;
  /** The read was stopped by maxReadMs before the body ended. */
  timeCapped: boolean;
  finalUrl: string;
  crossOriginRedirect: boolean;
  credentialsSent: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// go's http.Client default CheckRedirect: "stopped after 10 redirects".
const MAX_REDIRECTS = 10;
// Go's transport sends this when the caller sets none; some proxies key behaviour on it.
const USER_AGENT = 'Go-http-client/1.1';

interface Hop {
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  overflowed: boolean;
  timeCapped: boolean;
  ttfbMs: number | null;
  transferMs: number | null;
  error: ProbeFailure | null;
}

export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

export class ProbeSession {
  readonly connections: ConnectionRecord[] = [];
  readonly failedConnections: FailedConnection[] = [];
  private readonly clients = new Map<string, { client: Client; viaProxy: URL | null; protocol: () => HttpProtocol | null }>();
  private readonly sockets = new Set<Socket>();
  private readonly secrets: string[];
  private currentRequest: ProtocolRequest = 'list';
  private currentPhase: Phase = 'dns';
  private currentAbort: ((err: Error) => void) | null = null;

  constructor(private readonly cfg: SessionConfig) {
    const c = cfg.credentials;
    this.secrets = c ? [c.secret, Buffer.from(`${c.user}:${c.secret}`).toString('base64')] : [];
    cfg.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** The phase under way, for classifying an overall-deadline expiry. */
  get phase(): Phase {
    return this.currentPhase;
  }

  private readonly onAbort = (): void => {
    const reason = this.cfg.signal.reason instanceof Error ? this.cfg.signal.reason : probeError('cancelled', this.currentPhase, msg('bench.probe.cancelled'));
    this.currentAbort?.(reason);
  };

  private setPhase(phase: Phase): void {
    this.currentPhase = phase;
    this.cfg.onPhase(this.currentRequest, phase);
  }

  private clientFor(url: URL): { client: Client; viaProxy: URL | null } {
    const origin = originOf(url);
    const existing = this.clients.get(origin);
    if (existing) return existing;
    let proxy: URL | null = null;
    const proxyText = proxyForUrl(url.href, this.cfg.env);
    if (proxyText) {
      proxy = new URL(proxyText);
      if (proxy.password) this.secrets.push(decodeURIComponent(proxy.password));
    }
    let protocol: HttpProtocol | null = null;
    const ctx: DialContext = {
      family: this.cfg.family,
      timeouts: this.cfg.timeouts,
      secureContext: trustContext(this.cfg.env, this.cfg.ca),
      proxy,
      connectTo: this.cfg.connectTo,
      hosts: this.cfg.hosts ?? {},
      signal: this.cfg.signal,
      onPhase: (p) => this.setPhase(p),
      onConnection: (rec) => {
        protocol = rec.protocol;
        this.connections.push(rec);
      },
      onFailedConnection: (f) => this.failedConnections.push(f),
      sockets: this.sockets,
      secrets: this.secrets,
    };
    if (proxy && proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
      throw probeError('connect', 'connect', msg('bench.probe.proxySchemeUnsupported', { scheme: proxy.protocol }));
    }
    const client = new Client(origin, {
      connect: makeConnector(ctx),
      allowH2: true,
      pipelining: 1,
      maxHeaderSize: MAX_HEADER_BYTES,
      // Our own per-request timers classify stalls; these are backstops only.
      headersTimeout: this.cfg.timeouts.ttfbMs + 1_000,
      bodyTimeout: this.cfg.timeouts.transferMs + 1_000,
      keepAliveTimeout: 30_000,
    });
    const entry = { client, viaProxy: proxy, protocol: () => protocol };
    this.clients.set(origin, entry);
    return entry;
  }

  /** One GET on one origin, no redirects. Never rejects. */
  private exchange(url: URL, headers: Record<string, string>, maxBytes: number, maxReadMs?: number): Promise<Hop> {
    const where = url.host;
    const { client, viaProxy } = this.clientFor(url);
    // Plain http through a proxy goes in absolute form, as go sends it.
    const path = viaProxy && url.protocol === 'http:' ? url.href : `${url.pathname}${url.search}`;
    if (viaProxy && url.protocol === 'http:' && (viaProxy.username || viaProxy.password)) {
      headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(viaProxy.username)}:${decodeURIComponent(viaProxy.password)}`).toString('base64')}`;
    }
    const { ttfbMs: ttfbLimit, transferMs: transferLimit } = this.cfg.timeouts;
    return new Promise<Hop>((resolve) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let overflowed = false;
      let timeCapped = false;
      let readDue = false;
      let readTimer: NodeJS.Timeout | undefined;
      let status: number | null = null;
      let respHeaders: Record<string, string | string[] | undefined> = {};
      let written = 0;
      let firstByte = 0;
      let timer: NodeJS.Timeout | undefined;
      let controller: Dispatcher.DispatchController | null = null;
      let settled = false;
      const capReached = new Error('cap reached');

      const finish = (error: ProbeFailure | null): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(readTimer);
        this.currentAbort = null;
        const end = performance.now();
        resolve({
          status,
          headers: respHeaders,
          body: Buffer.concat(chunks),
          overflowed,
          timeCapped,
          ttfbMs: written && firstByte ? firstByte - written : null,
          transferMs: firstByte && status !== null && (!error || error.phase === 'transfer') ? end - firstByte : null,
          error,
        });
      };
      const stopRead = (ctrl: Dispatcher.DispatchController): void => {
        timeCapped = true;
        ctrl.abort(capReached);
        finish(null);
      };
      const abortWith = (err: Error): void => {
        if (controller) controller.abort(err);
        // Resolve now rather than trusting the server to let undici finish.
        finish(err instanceof ProbeError ? err.failure : classifyError(err, this.currentPhase, where, this.secrets));
      };
      this.currentAbort = abortWith;
      if (this.cfg.signal.aborted) {
        this.onAbort();
        return;
      }

      const handler: Dispatcher.DispatchHandler = {
        onRequestStart: (ctrl) => {
          // Called synchronously right before undici writes the request head (h1 and h2).
          controller = ctrl;
          written = performance.now();
          this.setPhase('ttfb');
          timer = setTimeout(() => abortWith(probeError('timeout', 'ttfb', msg('bench.probe.noAnswer', { where, ms: ttfbLimit }))), ttfbLimit);
        },
        onResponseStarted: () => {
          // llhttp's on_message_begin (h1) / the 'response' event (h2): the first response byte.
          firstByte = performance.now();
        },
        onResponseStart: (ctrl, statusCode, hdrs) => {
          clearTimeout(timer);
          status = statusCode;
          respHeaders = hdrs;
          if (!firstByte) firstByte = performance.now();
          this.setPhase('transfer');
          timer = setTimeout(() => abortWith(probeError('timeout', 'transfer', msg('bench.probe.bodyTimedOut', { where, ms: transferLimit }))), transferLimit);
          if (maxReadMs !== undefined && statusCode === 200) {
            // Enough of the body to measure the pipe: stop here, as a capped read does.
            readTimer = setTimeout(() => {
              readDue = true;
              // Not before the first body bytes: an empty read would measure and judge nothing.
              if (received > 0) stopRead(ctrl);
            }, maxReadMs);
          }
        },
        onResponseData: (ctrl, chunk) => {
          if (overflowed) return;
          const room = maxBytes - received;
          if (chunk.length > room) {
            if (room > 0) chunks.push(Buffer.from(chunk.subarray(0, room)));
            received = maxBytes;
            overflowed = true;
            ctrl.abort(capReached);
            return;
          }
          chunks.push(Buffer.from(chunk));
          received += chunk.length;
          if (readDue) stopRead(ctrl);
        },
        onResponseEnd: () => finish(null),
        onResponseError: (_ctrl, err) => {
          if (err === capReached || overflowed || timeCapped) finish(null);
          else finish(err instanceof ProbeError ? err.failure : classifyError(err, this.currentPhase, where, this.secrets));
        },
      };
      try {
        client.dispatch({ origin: originOf(url), path, method: 'GET', headers }, handler);
      } catch (err) {
        finish(classifyError(err, this.currentPhase, where, this.secrets));
      }
    });
  }

  /** GET `spec.url`, following redirects like go. Never rejects: failures land in timing.error. */
  async fetch(spec: FetchSpec): Promise<FetchResult> {
    this.currentRequest = spec.request;
    const first = new URL(spec.url);
    const startOrigin = originOf(first);
    let url = first;
    const visited = new Set<string>([first.href]);
    let redirects = 0;
    let crossOriginRedirect = false;
    let credentialsSent = false;
    let ttfbSum = 0;
    let sawTtfb = false;
    let reused: boolean | null = null;
    const connectionsBefore = this.connections.length;
    const failedBefore = this.failedConnections.length;
    let hop: Hop;
    let error: ProbeFailure | null = null;
    let protocol: HttpProtocol | null = null;
    for (;;) {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT };
      const sendCredentials = this.cfg.credentials !== null && originOf(url) === this.cfg.credentialOrigin;
      if (sendCredentials && this.cfg.credentials) {
        headers.authorization = `Basic ${Buffer.from(`${this.cfg.credentials.user}:${this.cfg.credentials.secret}`).toString('base64')}`;
      }
      const before = this.connections.length + this.failedConnections.length;
      try {
        hop = await this.exchange(url, headers, spec.maxBytes, spec.maxReadMs);
      } catch (err) {
        hop = { status: null, headers: {}, body: Buffer.alloc(0), overflowed: false, timeCapped: false, ttfbMs: null, transferMs: null, error: classifyError(err, 'connect', url.host, this.secrets) };
      }
      credentialsSent = sendCredentials;
      if (reused === null) reused = this.connections.length + this.failedConnections.length === before;
      protocol = this.clients.get(originOf(url))?.protocol() ?? protocol;
      if (hop.ttfbMs !== null) {
        ttfbSum += hop.ttfbMs;
        sawTtfb = true;
      }
      if (hop.error) {
        error = hop.error;
        break;
      }
      const location = hop.headers.location;
      if (hop.status === null || !REDIRECT_STATUSES.has(hop.status) || typeof location !== 'string') break;
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        error = makeFailure('redirect', 'ttfb', msg('bench.probe.redirectInvalid', { where: url.host }), hop.status);
        break;
      }
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        error = makeFailure('redirect', 'ttfb', msg('bench.probe.redirectScheme', { where: url.host, scheme: next.protocol }), hop.status);
        break;
      }
      if (url.protocol === 'https:' && next.protocol === 'http:') {
        // cmd/go's web client refuses to downgrade: "redirected from secure URL to insecure URL".
        error = makeFailure('redirect', 'ttfb', msg('bench.probe.redirectInsecure', { where: url.host }), hop.status);
        break;
      }
      if (visited.has(next.href)) {
        error = makeFailure('redirect', 'ttfb', msg('bench.probe.redirectLoop', { where: url.host }), hop.status);
        break;
      }
      if (redirects >= MAX_REDIRECTS) {
        error = makeFailure('redirect', 'ttfb', msg('bench.probe.redirectTooMany', { where: first.host, max: MAX_REDIRECTS }), hop.status);
        break;
      }
      if (originOf(next) !== startOrigin) crossOriginRedirect = true;
      visited.add(next.href);
      redirects++;
      url = next;
    }
    const fresh: (ConnectionRecord | FailedConnection)[] = [...this.connections.slice(connectionsBefore), ...this.failedConnections.slice(failedBefore)];
    const sum = (pick: (c: ConnectionRecord | FailedConnection) => number | null): number | null => {
      const vals = fresh.map(pick).filter((v): v is number => v !== null);
      return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
    };
    const timing: RequestTiming = {
      request: spec.request,
      path: `${first.pathname}${first.search}`,
      status: hop.status,
      dnsMs: sum((c) => c.dnsMs),
      connectMs: sum((c) => c.connectMs),
      tlsMs: sum((c) => c.tlsMs),
      ttfbMs: sawTtfb ? ttfbSum : null,
      transferMs: hop.transferMs,
      bytes: hop.body.length,
      protocol,
      reused: reused ?? false,
      redirects,
      error,
    };
    return { timing, status: hop.status, headers: hop.headers, body: hop.body, overflowed: hop.overflowed, timeCapped: hop.timeCapped, finalUrl: url.href, crossOriginRedirect, credentialsSent };
  }

  /** The certificate of the first TLS connection to `origin`'s host, if any. */
  firstTls(): TlsInfo | null {
    return this.connections.find((c) => c.tls)?.tls ?? null;
  }

  async close(): Promise<void> {
    this.cfg.signal.removeEventListener('abort', this.onAbort);
    const closing = [...this.clients.values()].map(({ client }) => client.destroy().catch(() => undefined));
    for (const s of [...this.sockets].reverse()) s.destroy();
    await Promise.all(closing);
    this.clients.clear();
    this.sockets.clear();
  }
}
