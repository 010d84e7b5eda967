// The per-request fault pipeline: latency, then network-level faults (black hole, garbage,
// trickled or huge headers, redirects), then status and auth, then the protocol answer written
// through the body faults (reset, slow, endless, oversized, capped bandwidth).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import { sleep, writeChunk, writePaced } from './pace.js';
import type { ProxyAnswer, ServeScope } from './respond.js';
import { healthyAnswer, wrongContentAnswer } from './respond.js';
import type { AccessLogEntry, FaultSpec } from './types.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The faults that apply to this request ({} when its path is not selected). */
  spec: FaultSpec;
  entry: AccessLogEntry;
  signal: AbortSignal;
  scope: ServeScope;
  redirectBase(): string | undefined;
  downgradeBase(): Promise<string>;
  proxyName: string;
  onZipServed(key: string): void;
  /** This request is one of the flaky share (spec.flakyRate): it fails after the latency. */
  flaky?: boolean;
}

const GARBAGE = Buffer.concat([Buffer.from([0x00, 0xff, 0x13, 0x37]), Buffer.from(' lab garbage: this is not HTTP \u0000\u00ff\r\n\r\n')]);
const SLOW_BODY_INTERVAL_MS = 200;
const SLOWLORIS_INTERVAL_MS = 200;
const HUGE_HEADER_COUNT = 1024;
const HUGE_HEADER_VALUE = 'x'.repeat(1000); // 1024 x ~1 KB: about 1 MB of headers
const ZIP_BOMB_CLAIMED = 1024;
const ZIP_BOMB_ACTUAL = 64 * 1024 * 1024;
const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, 0x50); // 'P': looks like the start of a zip, never ends

function credentialsMatch(header: string | undefined, auth: { user: string; password: string }): boolean {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!.trim(), 'base64');
  const wanted = Buffer.from(`${auth.user}:${auth.password}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function text(ctx: RequestContext, status: number, body: string, headers: Record<string, string> = {}): void {
  ctx.entry.status = status;
  const buf = Buffer.from(body);
  ctx.res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': buf.length, ...headers });
  if (ctx.req.method === 'HEAD') {
    ctx.res.end();
    return;
  }
  ctx.entry.bytes = buf.length;
  ctx.res.end(buf);
}

/** Writes straight to the socket, bypassing HTTP framing. */
function raw(ctx: RequestContext): Socket {
  return ctx.req.socket;
}

async function slowloris(ctx: RequestContext): Promise<void> {
  const socket = raw(ctx);
  if (!(await writeChunk(socket, 'HTTP/1.1 200 OK\r\n', ctx.signal))) return;
  for (let i = 0; !ctx.signal.aborted && !socket.destroyed; i++) {
    if (!(await sleep(SLOWLORIS_INTERVAL_MS, ctx.signal))) break;
    if (!(await writeChunk(socket, `X-Lab-Trickle-${i}: ${'t'.repeat(16)}\r\n`, ctx.signal))) break;
  }
  socket.destroy();
}

async function zipBomb(ctx: RequestContext): Promise<void> {
  const socket = raw(ctx);
  const head = `HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: ${ZIP_BOMB_CLAIMED}\r\nConnection: close\r\n\r\n`;
  ctx.entry.status = 200;
  if (!(await writeChunk(socket, head, ctx.signal))) return;
  const chunk = Buffer.alloc(64 * 1024, 0x42);
  while (ctx.entry.bytes < ZIP_BOMB_ACTUAL && (await writeChunk(socket, chunk, ctx.signal))) ctx.entry.bytes += chunk.length;
  socket.destroy();
}

async function endlessBody(ctx: RequestContext): Promise<void> {
  ctx.entry.status = 200;
  ctx.res.writeHead(200, { 'content-type': 'application/zip' }); // chunked, no length: it never ends
  const limit = ctx.spec.bandwidthBytesPerSec;
  while (!ctx.signal.aborted) {
    const started = Date.now();
    const chunk = limit ? ENDLESS_CHUNK.subarray(0, Math.max(1, Math.floor(limit / 20))) : ENDLESS_CHUNK;
    if (!(await writeChunk(ctx.res, chunk, ctx.signal))) break;
    ctx.entry.bytes += chunk.length;
    if (limit && !(await sleep((chunk.length / limit) * 1000 - (Date.now() - started), ctx.signal))) break;
  }
  ctx.res.destroy();
}

async function redirect(ctx: RequestContext): Promise<boolean> {
  const target = ctx.req.url ?? '/';
  let location: string | undefined;
  switch (ctx.spec.mode) {
    case 'redirect-loop': {
      // A -> A?lab-loop=1 -> A -> ...: two URLs bouncing forever.
      const [path, query = ''] = target.split('?');
      location = query.includes('lab-loop=1') ? path! : `${path}?lab-loop=1`;
      break;
    }
    case 'redirect-cross-host': {
      const base = ctx.redirectBase();
      if (!base) {
        text(ctx, 500, `lab: redirect-cross-host on proxy "${ctx.proxyName}" needs another lab proxy (or redirectTo)\n`);
        return true;
      }
      location = base + target;
      break;
    }
    case 'redirect-to-http':
      location = (await ctx.downgradeBase()) + target;
      break;
    default:
      return false;
  }
  text(ctx, 302, `redirecting to ${location}\n`, { location });
  return true;
}

/** Sends `answer` through the body faults of `spec`. */
async function sendAnswer(ctx: RequestContext, answer: ProxyAnswer): Promise<void> {
  const { res, spec, entry } = ctx;
  const headers: Record<string, string | number> = { 'content-type': answer.contentType, 'content-length': answer.body.length };
  if (spec.mode === 'huge-headers') {
    for (let i = 0; i < HUGE_HEADER_COUNT; i++) res.setHeader(`x-lab-padding-${i}`, HUGE_HEADER_VALUE);
  }
  res.writeHead(answer.status, headers);
  entry.status = answer.status;
  if (ctx.req.method === 'HEAD') {
    res.end();
    return;
  }
  if (spec.mode === 'reset-mid-body') {
    const half = answer.body.subarray(0, Math.floor(answer.body.length / 2));
    if (await writeChunk(res, half, ctx.signal)) entry.bytes = half.length;
    res.flushHeaders();
    // Let the half body reach the client, then RST: a torn connection, not a clean close.
    await sleep(20, ctx.signal);
    entry.status = null;
    ctx.req.socket.resetAndDestroy();
    return;
  }
  if (spec.mode === 'stall-body') {
    // Headers and half the body arrive; the rest never does, and the connection stays open.
    const half = answer.body.subarray(0, Math.floor(answer.body.length / 2));
    if (await writeChunk(res, half, ctx.signal)) entry.bytes = half.length;
    return;
  }
  if (spec.mode === 'slow-body') {
    for (const byte of answer.body) {
      if (!(await writeChunk(res, Buffer.from([byte]), ctx.signal))) return;
      entry.bytes++;
      if (entry.bytes < answer.body.length && !(await sleep(SLOW_BODY_INTERVAL_MS, ctx.signal))) return;
    }
    res.end();
  } else {
    entry.bytes = await writePaced(res, answer.body, spec.bandwidthBytesPerSec, ctx.signal);
    if (entry.bytes < answer.body.length) return;
    res.end();
  }
  if (answer.zipOf && answer.status === 200 && spec.mode !== 'wrong-content') ctx.onZipServed(answer.zipOf);
}

export async function respondWithFaults(ctx: RequestContext): Promise<void> {
  const { spec, signal } = ctx;
  const delay = (spec.latencyMs ?? 0) + (spec.jitterMs ? Math.random() * spec.jitterMs : 0);
  if (!(await sleep(delay, signal))) return;
  if (ctx.flaky) {
    if (spec.flakyFailure === 'reset') {
      ctx.req.socket.resetAndDestroy();
      return;
    }
    text(ctx, 502, 'lab: flaky proxy, injected 502\n');
    return;
  }
  switch (spec.mode) {
    case 'blackhole':
      return; // the request stays unanswered until the client gives up or the lab closes
    case 'garbage':
      raw(ctx).end(GARBAGE);
      return;
    case 'slowloris-headers':
      return slowloris(ctx);
    case 'zip-bomb':
      return zipBomb(ctx);
    case 'endless-body':
      return endlessBody(ctx);
    default:
      if (await redirect(ctx)) return;
  }
  if (spec.status !== undefined) {
    text(ctx, spec.status, `lab: injected status ${spec.status}\n`);
    return;
  }
  if (spec.auth) {
    ctx.entry.authorized = credentialsMatch(ctx.req.headers.authorization, spec.auth);
    if (!ctx.entry.authorized) {
      text(ctx, 401, 'unauthorized\n', { 'www-authenticate': `Basic realm="goproxyctl lab ${ctx.proxyName}"` });
      return;
    }
  }
  const target = ctx.req.url ?? '/';
  const answer = spec.mode === 'wrong-content' ? await wrongContentAnswer(ctx.scope, target) : await healthyAnswer(ctx.scope, target);
  if (signal.aborted) return;
  await sendAnswer(ctx, answer);
}
