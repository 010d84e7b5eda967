// One lab proxy: a raw TCP front (so faults can act below HTTP: refuse, TLS-level black hole),
// an http/https server fed the accepted sockets, and the per-request fault pipeline.
import type { IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { mulberry32 } from '../../shared/util/prng.js';
import { faultsApplyTo } from './faults.js';
import { sleep } from './pace.js';
import { respondWithFaults } from './pipeline.js';
import type { ModuleStore } from './store.js';
import type { ChecksumDatabase } from './sumdb/database.js';
import { labCertificate } from './tls.js';
import type { AccessLogEntry, FaultSpec, HandshakeLogEntry, LabProxy, LabProxyOptions, TlsMode } from './types.js';

export interface ProxyEnvironment {
  store: ModuleStore;
  checksumDb: ChecksumDatabase;
  /** Absolute base URL of another lab proxy (by name or URL) for cross-host redirects. */
  redirectTarget(spec: FaultSpec, from: string): string | undefined;
}

function tlsOptions(mode: Exclude<TlsMode, 'none'>): https.ServerOptions {
  const { certPem, keyPem } = labCertificate(mode);
  return { cert: certPem, key: keyPem };
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export class LabProxyServer implements LabProxy {
  readonly name: string;
  readonly tls: TlsMode;
  readonly host: '127.0.0.1' | '::1';
  readonly sumdb: boolean | 'supported-only';
  readonly isChecksumDatabase: boolean;
  readonly modules: readonly string[] | undefined;
  private currentFaults: FaultSpec;
  private assignedPort = 0;
  private readonly log: AccessLogEntry[] = [];
  private readonly handshakes: HandshakeLogEntry[] = [];
  /** Draws which selected requests a flaky spec fails; re-seeded with the faults. */
  private flakyDraw: () => number;
  private readonly zipsServed = new Set<string>();
  private readonly sockets = new Set<net.Socket>();
  private readonly front: net.Server;
  private readonly http: http.Server;
  private companion: Promise<{ server: http.Server; port: number }> | undefined;
  private readonly closing = new AbortController();
  private listening = false;
  /** Listener changes (refuse on/off) run one after another. */
  private transitions: Promise<void> = Promise.resolve();
  private closed: Promise<void> | undefined;

  constructor(opts: LabProxyOptions, private readonly env: ProxyEnvironment) {
    this.name = opts.name;
    this.tls = opts.tls ?? 'none';
    this.host = opts.host ?? '127.0.0.1';
    this.sumdb = opts.sumdb ?? false;
    this.isChecksumDatabase = opts.checksumDatabase ?? false;
    this.modules = opts.modules;
    this.currentFaults = { ...(opts.faults ?? {}) };
    this.flakyDraw = mulberry32(this.currentFaults.flakySeed ?? 1);
    this.assignedPort = opts.port ?? 0;
    const handler = (req: IncomingMessage, res: ServerResponse): void => void this.handle(req, res, false);
    this.http = this.tls === 'none' ? http.createServer(handler) : https.createServer(tlsOptions(this.tls), handler);
    this.quiet(this.http);
    this.front = net.createServer((socket) => this.accept(socket));
    this.front.on('error', () => {});
  }

  get url(): string {
    return `${this.tls === 'none' ? 'http' : 'https'}://${urlHost(this.host)}:${this.assignedPort}`;
  }

  get port(): number {
    return this.assignedPort;
  }

  get faults(): FaultSpec {
    return { ...this.currentFaults };
  }

  get accessLog(): readonly AccessLogEntry[] {
    return this.log;
  }

  get handshakeLog(): readonly HandshakeLogEntry[] {
    return this.handshakes;
  }

  clearLog(): void {
    this.log.length = 0;
    this.handshakes.length = 0;
    this.zipsServed.clear();
  }

  servedModules(): string[] {
    return [...this.zipsServed].sort();
  }

  setFaults(f: FaultSpec): void {
    if (this.closed) return;
    this.currentFaults = { ...f };
    this.flakyDraw = mulberry32(f.flakySeed ?? 1);
    const wantListening = f.mode !== 'refuse';
    this.transitions = this.transitions.then(() => this.setListening(wantListening));
    if (f.mode === 'redirect-to-http') void this.companionPort().catch(() => {});
  }

  /** Binds the port (even when starting refused: the port is reserved for when it comes back). */
  async start(): Promise<void> {
    await this.setListening(true);
    if (this.currentFaults.mode === 'refuse') await this.setListening(false);
    if (this.currentFaults.mode === 'redirect-to-http') await this.companionPort();
  }

  /** Resolves once the listener matches the current faults (after setFaults). */
  settled(): Promise<void> {
    return this.transitions;
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing.abort();
      await this.transitions.catch(() => {});
      await this.setListening(false);
      for (const s of this.sockets) s.destroy();
      const companion = await this.companion?.catch(() => undefined);
      if (companion) {
        companion.server.closeAllConnections();
        await new Promise<void>((resolve) => companion.server.close(() => resolve()));
      }
    })();
    return this.closed;
  }

  private quiet(server: http.Server): void {
    server.on('clientError', (_err, socket) => socket.destroy());
    server.on('tlsClientError', () => {});
  }

  private accept(socket: net.Socket): void {
    socket.on('error', () => {});
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    const f = this.currentFaults;
    // Over TLS a black hole must stall the handshake itself, as an unreachable host would.
    if (this.tls !== 'none' && f.mode === 'blackhole' && !f.paths) {
      this.log.push({ at: Date.now(), method: 'TLS', path: '*', status: null, bytes: 0, authorizationHeaderSent: false });
      this.handshakes.push({ acceptedAt: Date.now(), helloAt: null });
      return;
    }
    if (this.tls === 'none') {
      this.http.emit('connection', socket);
      return;
    }
    // The TLS server reads the ClientHello only once it has the socket: holding the socket back
    // holds the ServerHello back, as a far or overloaded TLS terminator would.
    const handshake: HandshakeLogEntry = { acceptedAt: Date.now(), helloAt: null };
    this.handshakes.push(handshake);
    const handOver = (): void => {
      if (socket.destroyed) return;
      handshake.helloAt = Date.now();
      this.http.emit('connection', socket);
    };
    const delay = f.handshakeDelayMs ?? 0;
    if (delay <= 0) {
      handOver();
      return;
    }
    // Timers may fire a millisecond early; the record must never show less than the delay.
    const wait = async (): Promise<void> => {
      for (let left = delay; left > 0; left = handshake.acceptedAt + delay - Date.now()) {
        if (!(await sleep(left, this.closing.signal))) return;
      }
      handOver();
    };
    void wait();
  }

  private async setListening(want: boolean): Promise<void> {
    if (want === this.listening) return;
    if (want) {
      if (this.closing.signal.aborted) return;
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        this.front.once('error', onError);
        this.front.listen({ port: this.assignedPort, host: this.host, exclusive: true }, () => {
          this.front.off('error', onError);
          resolve();
        });
      });
      this.assignedPort = (this.front.address() as net.AddressInfo).port;
      this.listening = true;
    } else {
      this.listening = false;
      const stopped = new Promise<void>((resolve) => this.front.close(() => resolve()));
      // Refused means refused: open keep-alive connections go too, so the next request reconnects.
      for (const s of this.sockets) s.destroy();
      await stopped;
    }
  }

  /** A plain-http twin serving healthy answers: where 'redirect-to-http' points. */
  private companionPort(): Promise<number> {
    this.companion ??= new Promise((resolve, reject) => {
      const server = http.createServer((req, res) => void this.handle(req, res, true));
      this.quiet(server);
      server.on('connection', (s: net.Socket) => {
        s.on('error', () => {});
        this.sockets.add(s);
        s.once('close', () => this.sockets.delete(s));
      });
      server.once('error', reject);
      server.listen({ port: 0, host: this.host }, () => resolve({ server, port: (server.address() as net.AddressInfo).port }));
    });
    return this.companion.then((c) => c.port);
  }

  private async handle(req: IncomingMessage, res: ServerResponse, downgraded: boolean): Promise<void> {
    const target = req.url ?? '/';
    const entry: AccessLogEntry = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: target,
      status: null,
      bytes: 0,
      authorizationHeaderSent: req.headers.authorization !== undefined,
    };
    if (downgraded) entry.via = 'http-downgrade';
    this.log.push(entry);
    res.on('error', () => {});
    const pathname = target.split('?')[0] ?? '/';
    const spec = !downgraded && faultsApplyTo(this.currentFaults, pathname) ? this.currentFaults : {};
    // Drawn on arrival, one draw per selected request: the n-th selected request's fate depends
    // on the seed alone, whatever the timing.
    const flaky = spec.flakyRate !== undefined && spec.flakyRate > 0 && this.flakyDraw() < spec.flakyRate;
    const request = new AbortController();
    res.once('close', () => request.abort());
    const signal = AbortSignal.any([request.signal, this.closing.signal]);
    try {
      await respondWithFaults({
        req,
        res,
        spec,
        entry,
        signal,
        scope: {
          store: this.env.store,
          modules: this.modules,
          sumdb: this.sumdb,
          checksumDb: this.env.checksumDb,
          isChecksumDatabase: this.isChecksumDatabase,
        },
        redirectBase: () => this.env.redirectTarget(spec, this.name),
        downgradeBase: async () => `http://${urlHost(this.host)}:${await this.companionPort()}`,
        proxyName: this.name,
        onZipServed: (key) => this.zipsServed.add(key),
        flaky,
      });
    } catch {
      // A lab bug must not take the test process down; the client sees a dropped connection.
      if (!res.headersSent) {
        res.destroy();
      } else {
        req.socket.destroy();
      }
    }
  }
}
