// One GET to an upstream proxy, with the relay's deadlines: connect (in the socket factory shared
// with the probes, electron/core/probe/connector.ts: DNS, TCP, HTTPS_PROXY tunnel and TLS as go
// does them), first byte, and body idle. Redirects are followed as go's http.Client follows them
// (at most 10, never https -> http). The body is read in full, into memory or a spool file, and
// capped; the caller decides whether it is good. Never rejects: every failure is a FetchFailure.
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import type { Socket } from 'node:net';
import path from 'node:path';
import { Agent, Pool, type Dispatcher } from 'undici';
import type { FailureKind } from '../../../shared/bench/types.js';
import { proxyForUrl } from '../../../shared/net/proxy-env.js';
import { makeConnector, type DialContext } from '../probe/connector.js';
import { classifyError, probeError, ProbeError } from '../probe/failure.js';
import { trustContext } from '../probe/trust-store.js';
import { msg } from '../../../shared/i18n/message.js';

export interface FetchRequest {
  url: string;
  /** Sent only to the URL's own origin, like go's per-URL credentials. */
  authorization: string | null;
  connectDeadlineMs: number;
  firstByteDeadlineMs: number;
  bodyIdleMs: number;
  maxBytes: number;
  /** A body larger than memoryBytes goes to a file in this directory (null: always memory). */
  spoolDir: string | null;
  memoryBytes?: number;
  signal: AbortSignal;
  /** Called once the response head has arrived (for the hedging decision). */
  onHead?(status: number): void;
}

export type FetchResult =
  | {
      kind: 'answer';
      status: number;
      contentType: string | null;
      /** The body in memory, or null when spooled. */
      body: Buffer | null;
      /** The spool file (the caller owns it), or null. */
      file: string | null;
      size: number;
      firstByteMs: number;
      totalMs: number;
      finalUrl: string;
    }
  | { kind: 'failed'; errorKind: FailureKind; message: string; network: boolean; firstByteMs: number | null; totalMs: number };

const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_HEADER_BYTES = 64 << 10;

/** A Set of sockets that forgets each one when it closes (the relay runs for days). */
class LiveSockets extends Set<Socket> {
  override add(socket: Socket): this {
    if (!this.has(socket)) socket.once('close', () => this.delete(socket));
    return super.add(socket);
  }
}

export class UpstreamClient {
  private readonly agent: Agent;
  private readonly sockets = new LiveSockets();
  private readonly timeouts = new Map<string, DialContext['timeouts']>();
  private readonly lifetime = new AbortController();

  constructor(private readonly env: NodeJS.ProcessEnv, private readonly onConnect: (origin: string, ms: number) => void = () => {}) {
    // Reading the system's roots takes a while: once, now, rather than inside go's first request.
    trustContext(env);
    this.agent = new Agent({
      factory: (origin: string | URL) => {
        const key = typeof origin === 'string' ? origin : origin.origin;
        return new Pool(key, {
          connect: makeConnector(this.dialContext(key)),
          allowH2: true,
          connections: 16,
          maxHeaderSize: MAX_HEADER_BYTES,
          keepAliveTimeout: 30_000,
        });
      },
    });
  }

  async fetch(req: FetchRequest): Promise<FetchResult> {
    const started = performance.now();
    let url = new URL(req.url);
    const firstOrigin = url.origin;
    const timeouts = this.timeoutsFor(url.origin);
    timeouts.connectMs = req.connectDeadlineMs;
    timeouts.dnsMs = req.connectDeadlineMs;
    let firstByteMs: number | null = null;
    const local = new AbortController();
    const onAbort = (): void => local.abort(req.signal.reason);
    req.signal.addEventListener('abort', onAbort, { once: true });
    if (req.signal.aborted) local.abort(req.signal.reason);
    // The first-byte deadline covers the connect too: a pool may queue the request behind a dial.
    const headDeadline = setTimeout(
      () => local.abort(probeError('timeout', 'ttfb', msg('bench.probe.noAnswer', { where: url.host, ms: req.connectDeadlineMs + req.firstByteDeadlineMs }))),
      req.connectDeadlineMs + req.firstByteDeadlineMs,
    );
    try {
      for (let hop = 0; ; hop++) {
        const proxy = proxyForUrl(url.href, this.env);
        const headers: Record<string, string> = { 'user-agent': 'Go-http-client/1.1', accept: '*/*' };
        if (req.authorization && url.origin === firstOrigin) headers.authorization = req.authorization;
        if (proxy && url.protocol === 'http:') {
          const p = new URL(proxy);
          if (p.username || p.password) headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`).toString('base64')}`;
        }
        const res = await this.agent.request({
          origin: url.origin,
          path: proxy && url.protocol === 'http:' ? url.href : `${url.pathname}${url.search}`,
          method: 'GET',
          headers,
          signal: local.signal,
          headersTimeout: req.firstByteDeadlineMs,
          bodyTimeout: req.bodyIdleMs,
        });
        firstByteMs ??= performance.now() - started;
        const location = res.headers.location;
        if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
          await res.body.dump().catch(() => undefined);
          if (hop + 1 >= MAX_REDIRECTS) return failed('protocol', `${url.host}: stopped after ${MAX_REDIRECTS} redirects`, false, firstByteMs, started);
          const next = new URL(location, url);
          if (url.protocol === 'https:' && next.protocol !== 'https:') {
            return failed('redirect', `${url.host} redirected to ${next.protocol}//${next.host}, and go never follows https to http`, false, firstByteMs, started);
          }
          if (next.protocol !== 'http:' && next.protocol !== 'https:') return failed('redirect', `${url.host} redirected to an unsupported scheme ${next.protocol}`, false, firstByteMs, started);
          url = next;
          const t = this.timeoutsFor(url.origin);
          t.connectMs = req.connectDeadlineMs;
          t.dnsMs = req.connectDeadlineMs;
          continue;
        }
        clearTimeout(headDeadline);
        req.onHead?.(res.statusCode);
        const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : null;
        if (res.statusCode !== 200) {
          // Only the start of an error page is kept: it is shown to the user, never cached.
          const text = await readErrorText(res.body);
          return { kind: 'answer', status: res.statusCode, contentType, body: Buffer.from(text), file: null, size: text.length, firstByteMs, totalMs: performance.now() - started, finalUrl: url.href };
        }
        const read = await readBody(res.body, req, local.signal);
        if (!read.ok) return failed(read.errorKind, `${url.host}: ${read.message}`, read.errorKind !== 'too-large', firstByteMs, started);
        return {
          kind: 'answer',
          status: res.statusCode,
          contentType,
          body: read.body,
          file: read.file,
          size: read.size,
          firstByteMs,
          totalMs: performance.now() - started,
          finalUrl: url.href,
        };
      }
    } catch (err) {
      const reason: unknown = local.signal.aborted ? local.signal.reason : err;
      const failure = reason instanceof ProbeError ? reason.failure : classifyError(reason, firstByteMs === null ? 'ttfb' : 'transfer', url.host);
      return failed(failure.kind, failure.message, true, firstByteMs, started);
    } finally {
      clearTimeout(headDeadline);
      req.signal.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    this.lifetime.abort();
    await this.agent.destroy().catch(() => undefined);
    for (const s of [...this.sockets].reverse()) s.destroy();
  }

  private timeoutsFor(origin: string): DialContext['timeouts'] {
    let t = this.timeouts.get(origin);
    if (!t) {
      // TLS: go's 10 s handshake timeout (net/http.DefaultTransport). The rest is the relay's.
      t = { dnsMs: 5_000, connectMs: 5_000, tlsMs: 10_000, ttfbMs: 10_000, transferMs: 30_000, overallMs: 60_000 };
      this.timeouts.set(origin, t);
    }
    return t;
  }

  private dialContext(origin: string): DialContext {
    const proxyText = proxyForUrl(origin, this.env);
    return {
      family: null,
      timeouts: this.timeoutsFor(origin),
      secureContext: trustContext(this.env),
      proxy: proxyText ? new URL(proxyText) : null,
      connectTo: {},
      signal: this.lifetime.signal,
      onPhase: () => {},
      onConnection: (rec) => this.onConnect(origin, rec.connectMs + (rec.tlsMs ?? 0)),
      onFailedConnection: () => {},
      sockets: this.sockets,
      secrets: [],
    };
  }
}

function failed(errorKind: FailureKind, message: string, network: boolean, firstByteMs: number | null, started: number): FetchResult {
  return { kind: 'failed', errorKind, message, network, firstByteMs, totalMs: performance.now() - started };
}

type BodyRead = { ok: true; body: Buffer | null; file: string | null; size: number } | { ok: false; errorKind: FailureKind; message: string };

/** Bodies up to this size stay in memory; a larger one (a big module zip) goes to the spool file. */
export const IN_MEMORY_BYTES = 16 << 20;

async function readBody(body: Dispatcher.ResponseData['body'], req: Pick<FetchRequest, 'maxBytes' | 'spoolDir' | 'memoryBytes'>, signal: AbortSignal): Promise<BodyRead> {
  let size = 0;
  let chunks: Buffer[] = [];
  let out: WriteStream | null = null;
  let file: string | null = null;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
      size += chunk.length;
      if (size > req.maxBytes) {
        body.destroy();
        throw probeError('too-large', 'transfer', msg('bench.probe.answerOverLimit', { bytes: req.maxBytes }));
      }
      if (out === null && size > (req.memoryBytes ?? IN_MEMORY_BYTES) && req.spoolDir !== null) {
        await mkdir(req.spoolDir, { recursive: true });
        file = path.join(req.spoolDir, `spool-${randomBytes(8).toString('hex')}`);
        out = await openStream(file);
        for (const held of chunks) if (!out.write(held)) await waitDrain(out);
        chunks = [];
      }
      if (out) {
        if (!out.write(chunk)) await waitDrain(out);
      } else chunks.push(chunk);
    }
    if (out) await closeStream(out);
    return { ok: true, body: out ? null : Buffer.concat(chunks), file, size };
  } catch (err) {
    body.destroy();
    if (out) out.destroy();
    if (file) await unlink(file).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS' || code === 'EACCES') {
      return { ok: false, errorKind: 'too-large', message: `the relay could not write the download to ${req.spoolDir} (${code})` };
    }
    const reason: unknown = signal.aborted ? signal.reason : err;
    const failure = reason instanceof ProbeError ? reason.failure : classifyError(reason, 'transfer', 'the upstream');
    return { ok: false, errorKind: failure.kind, message: failure.message };
  }
}

function openStream(file: string): Promise<WriteStream> {
  const out = createWriteStream(file, { flags: 'wx' });
  return new Promise((resolve, reject) => {
    out.once('open', () => resolve(out));
    out.once('error', reject);
  });
}

const ERROR_TEXT_BYTES = 4 << 10;

async function readErrorText(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= ERROR_TEXT_BYTES) break;
    }
  } catch {
    // The status already says what went wrong; a broken error page adds nothing.
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, ERROR_TEXT_BYTES).toString('utf8');
}

function waitDrain(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('drain', resolve);
    out.once('error', reject);
  });
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}
