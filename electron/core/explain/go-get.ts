// An HTTP GET with the semantics of cmd/go/internal/web: redirects followed (at most 10, like
// net/http's default client) but never from https to http, 200 is success, 404/410 mean
// "not found", anything else is an error. Used by `explain` to ask each chain entry the exact
// question go would ask. Bodies are capped: explain only needs small protocol answers.
import { STATUS_CODES } from 'node:http';
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';

export type GetResult =
  | { kind: 'ok'; status: 200; url: string; body: string }
  | { kind: 'notFound'; status: 404 | 410; url: string; message: string }
  | { kind: 'error'; status: number | null; url: string; message: string };

export interface GoGetOptions {
  dispatcher: Dispatcher;
  signal?: AbortSignal;
  /** Longest we wait for a connection, and then for the response headers. */
  timeoutMs: number;
  maxBodyBytes?: number;
  /** Read only the first maxBodyBytes of a 200 answer and stop (e.g. to check a zip's signature). */
  truncate?: boolean;
}

const MAX_REDIRECTS = 10;

export function createGoAgent(opts: { timeoutMs: number; ca?: string[] }): Agent {
  return new Agent({
    connect: { timeout: opts.timeoutMs, ...(opts.ca ? { ca: opts.ca } : {}) },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    maxHeaderSize: 64 * 1024,
  });
}

export async function goGet(url: string, opts: GoGetOptions): Promise<GetResult> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(current, {
        method: 'GET',
        dispatcher: opts.dispatcher,
        signal: opts.signal,
        headers: { 'user-agent': 'goproxyctl (explain)' },
      });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      return { kind: 'error', status: null, url: current, message: `Get "${current}": ${describeNetworkError(err, opts.timeoutMs)}` };
    }
    const { statusCode } = res;
    if (statusCode >= 300 && statusCode < 400 && res.headers.location) {
      await res.body.dump();
      const next = new URL(String(res.headers.location), current).toString();
      if (current.startsWith('https:') && next.startsWith('http:')) {
        return { kind: 'error', status: statusCode, url: current, message: `redirected from secure URL ${current} to insecure URL ${next}` };
      }
      current = next;
      continue;
    }
    if (statusCode === 200) {
      const body = await readCapped(res.body, opts.maxBodyBytes ?? 1 << 20, opts.truncate ?? false);
      if (body === null) return { kind: 'error', status: 200, url: current, message: `reading ${current}: response body too large` };
      return { kind: 'ok', status: 200, url: current, body };
    }
    const detail = serverResponse(await readCapped(res.body, 4096, true));
    const message = `reading ${current}: ${statusCode} ${STATUS_CODES[statusCode] ?? ''}`.trimEnd() + detail;
    if (statusCode === 404 || statusCode === 410) return { kind: 'notFound', status: statusCode, url: current, message };
    return { kind: 'error', status: statusCode, url: current, message };
  }
  return { kind: 'error', status: null, url: current, message: `Get "${url}": stopped after ${MAX_REDIRECTS} redirects` };
}

/** go appends the first lines of a 4xx/5xx body as "server response: ..." */
function serverResponse(body: string | null): string {
  const text = (body ?? '').trim();
  if (!text || isBinary(text)) return '';
  const lines = text.split('\n').slice(0, 8).join('\n\t');
  return `\n\tserver response: ${lines}`;
}

/** Reads at most `cap` bytes: null when the body is larger, unless `truncate` asks for its start. */
/** A body with control characters (other than tab/newline/CR) is not worth quoting. */
function isBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

async function readCapped(body: Dispatcher.ResponseData['body'], cap: number, truncate = false): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > cap) {
      body.destroy();
      return truncate ? Buffer.concat(chunks).subarray(0, cap).toString('latin1') : null;
    }
  }
  return Buffer.concat(chunks).toString(truncate ? 'latin1' : 'utf8');
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const cause = e.cause ?? e;
  const secs = `${Math.round(timeoutMs / 100) / 10} s`;
  if (err instanceof undiciErrors.ConnectTimeoutError) {
    return `no connection within ${secs} (go waits up to 30 s to connect, then fails)`;
  }
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
    return `connected, but no answer within ${secs} (go has no response timeout: it would hang)`;
  }
  switch (cause.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${(cause as { hostname?: string }).hostname ?? ''}: no such host`.replace(': :', ':');
    case 'ECONNREFUSED':
      return 'dial tcp: connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset by peer';
    default:
      return cause.message || String(err);
  }
}
