// `goproxyctl serve`: the contract over loopback HTTP, plus the built renderer, for machines
// without Electron and for end-to-end tests in a real browser. Admission rules and the threat
// model: guards.ts. Routes: routes.ts (derived from the contract). Stream: sse.ts.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CONTRACT } from '../../../shared/contract/contract.js';
import type { Envelope, ErrorCode } from '../../../shared/contract/envelope.js';
import type { Service } from '../service/service.js';
import { readJsonBody } from './body.js';
import { bearerMatches, hostAllowed, originAllowed } from './guards.js';
import { API_PREFIX, matchApiRoute } from './routes.js';
import { openSse, type SseChannel } from './sse.js';
import { serveStatic } from './static-files.js';

export interface HeadlessServerOptions {
  service: Service;
  /** The built renderer's directory; null serves the API only (GET / then says how to build it). */
  staticRoot: string | null;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
}

export interface HeadlessServer {
  /** What the user opens: the origin plus the token in the fragment. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export const HEADLESS_HOST = '127.0.0.1';
const DEFAULT_BODY_LIMIT = 64 * 1024;
const STATUS_OF: Record<ErrorCode, number> = { 'bad-request': 400, superseded: 409, failed: 500 };
// Sent with every answer: nothing is cached, sniffed or leaked through a Referer. Never any
// Access-Control-* header: no other origin may read what this server says.
const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = randomBytes(32).toString('base64url');
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const streams = new Set<SseChannel>();
  let port = 0;

  const server: Server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, failure('failed', 'internal error'));
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 403, 'forbidden: this server answers only to 127.0.0.1 and localhost');
    if (!originAllowed(req.headers.origin, port)) return sendText(res, 403, 'forbidden: cross-origin requests are not accepted');
    const target = req.url ?? '';
    if (!target.startsWith('/')) return sendText(res, 400, 'bad request target');
    const pathname = new URL(target, 'http://127.0.0.1').pathname;
    if (!pathname.startsWith(API_PREFIX) && pathname !== '/api') return serveStatic(req, res, options.staticRoot, pathname);

    if (!bearerMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, failure('bad-request', 'missing or wrong token: open the URL `goproxyctl serve` printed'));
    }
    const route = matchApiRoute(req.method ?? '', pathname);
    if (route.kind === 'not-found') return sendJson(res, 404, failure('bad-request', `no such API route: ${pathname.slice(0, 100)}`));
    if (route.kind === 'wrong-method') {
      res.setHeader('Allow', route.allow);
      return sendJson(res, 405, failure('bad-request', `use ${route.allow} for ${pathname}`));
    }
    const spec = CONTRACT[route.key];
    if (spec.kind === 'state') return sendJson(res, 200, options.service.state());
    if (spec.kind === 'stream') {
      // HEAD gets the headers only: an open event stream on a body-less response would just leak.
      if (req.method === 'HEAD') return void res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' }).end();
      const channel = openSse(res);
      streams.add(channel);
      const unsubscribe = options.service.subscribe((message) => channel.send(message));
      res.on('close', () => {
        unsubscribe();
        streams.delete(channel);
      });
      return;
    }
    const body = await readJsonBody(req, bodyLimit);
    if (!body.ok) {
      if (body.status === 413) res.setHeader('Connection', 'close');
      return sendJson(res, body.status, failure('bad-request', body.message));
    }
    // A client that hangs up cancels its command (e.g. an explain waiting on a black hole).
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const envelope = await options.service.dispatch(route.key, body.value, { signal: gone.signal });
    if (gone.signal.aborted) return;
    sendJson(res, envelope.ok ? 200 : STATUS_OF[envelope.error.code], envelope);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${options.port} is already in use; choose another with --port, or omit --port to let the system pick one`)
          : err,
      );
    });
    server.listen(options.port ?? 0, HEADLESS_HOST, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://${HEADLESS_HOST}:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.close();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(`${text}\n`);
}
