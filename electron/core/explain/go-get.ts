// An HTTP GET with the semantics of cmd/go/internal/web, for `explain`: 200 is success, 404/410
// mean "not found", anything else is an error, worded the way go words it. Stalls are judged the
// way go's transport would end them (net/http's DefaultTransport, used through http.DefaultClient
// by cmd/go/internal/web/http.go): no connection within the dial timeout -> an error after 30 s;
// no TLS handshake -> an error after 10 s; connected but no response headers, or a body that stops
// -> go waits forever ('hang': there is no response-header, body or Client timeout).
// Checked in go 1.19 and 1.23: net/http/transport.go DefaultTransport sets only the Dialer's
// Timeout (30 s) and TLSHandshakeTimeout (10 s), no ResponseHeaderTimeout; http.DefaultClient
// has no Timeout; cmd/go/internal/modfetch/proxy.go reads bodies with io.ReadAll / io.Copy and no
// deadline. (GOINSECURE's https client has a 5 s Timeout, but it is used for direct fetches only.) The connection work
// (DNS, HTTPS_PROXY/NO_PROXY like go, go's certificate trust, redirects without https->http and
// at most 10 hops) is the probe engine's ProbeSession: explain reaches a proxy exactly the way a
// benchmark does.
import { STATUS_CODES } from 'node:http';
import type { ProtocolRequest } from '../../../shared/bench/types.js';
import { GO_DIAL_TIMEOUT_S, GO_TLS_HANDSHAKE_TIMEOUT_S, type Stall } from '../../../shared/go/chain.js';
import { ProbeSession, type FetchResult } from '../probe/session.js';

export type GetResult =
  | { kind: 'ok'; status: 200; url: string; body: Buffer }
  | { kind: 'notFound'; status: 404 | 410; url: string; message: string }
  | { kind: 'error'; status: number | null; url: string; message: string; stall?: Stall }
  | { kind: 'hang'; status: number | null; url: string; message: string };

export interface GoGetOptions {
  request: ProtocolRequest;
  /** Body bytes to keep. */
  maxBytes: number;
  /** Keep only the first maxBytes of a larger 200 answer (e.g. a zip's signature) instead of failing. */
  truncate?: boolean;
}

/**
 * One session per explain: connections are reused across the chain's requests, as go does.
 * `stallMs` is how long explain waits before it calls a phase stalled; it never waits longer
 * than go would for the phases go bounds itself (30 s dial, 10 s TLS handshake).
 */
export function createGoSession(
  env: NodeJS.ProcessEnv,
  stallMs: number,
  signal: AbortSignal,
  credentials: { origin: string; user: string; secret: string } | null = null,
): ProbeSession {
  const dialMs = Math.min(stallMs, GO_DIAL_TIMEOUT_S * 1000);
  const tlsMs = Math.min(stallMs, GO_TLS_HANDSHAKE_TIMEOUT_S * 1000);
  return new ProbeSession({
    timeouts: { dnsMs: dialMs, connectMs: dialMs, tlsMs, ttfbMs: stallMs, transferMs: stallMs, overallMs: stallMs * 4 },
    family: null,
    env,
    ca: [],
    connectTo: {},
    credentials: credentials && { user: credentials.user, secret: credentials.secret },
    credentialOrigin: credentials?.origin ?? null,
    signal,
    onPhase: () => {},
  });
}

export async function goGet(session: ProbeSession, url: string, opts: GoGetOptions): Promise<GetResult> {
  const res = await session.fetch({ request: opts.request, url, maxBytes: opts.maxBytes });
  const where = res.finalUrl || url;
  const failure = res.timing.error;
  if (failure?.kind === 'timeout') return stalled(url, where, res.status, failure);
  if (res.status === null) {
    return { kind: 'error', status: null, url: where, message: `Get "${url}": ${failure?.message ?? 'no answer'}` };
  }
  if (res.status === 200) {
    if (res.overflowed && !opts.truncate) return { kind: 'error', status: 200, url: where, message: `reading ${where}: response body too large` };
    return { kind: 'ok', status: 200, url: where, body: res.body };
  }
  if (res.timing.error?.kind === 'redirect') return { kind: 'error', status: res.status, url: where, message: res.timing.error.message };
  const message = `reading ${where}: ${res.status} ${STATUS_CODES[res.status] ?? ''}`.trimEnd() + serverResponse(res);
  if (res.status === 404 || res.status === 410) return { kind: 'notFound', status: res.status, url: where, message };
  return { kind: 'error', status: res.status, url: where, message };
}

/**
 * explain's own deadline ran out: report what go does at that point, in go's words where go
 * has any (net.Dialer's "i/o timeout", net/http's "TLS handshake timeout").
 */
function stalled(url: string, where: string, status: number | null, failure: NonNullable<FetchResult['timing']['error']>): GetResult {
  switch (failure.phase) {
    case 'dns':
    case 'connect':
      return stallError(url, where, 'dial');
    case 'tls':
      return stallError(url, where, 'tls');
    default:
      // go prints nothing for a hang: the message names the request it would wait on; the
      // status (headers came, the body stopped) lets the explanation say which wait it is.
      return { kind: 'hang', status, url: where, message: `GET ${url}` };
  }
}

/** The error go reports once its own timeout ends a stalled dial or TLS handshake at `where`. */
export function stallError(url: string, where: string, stall: Stall): GetResult {
  if (stall === 'tls') return { kind: 'error', status: null, url: where, stall, message: `Get "${url}": net/http: TLS handshake timeout` };
  const target = new URL(where);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return { kind: 'error', status: null, url: where, stall, message: `Get "${url}": dial tcp ${target.hostname}:${port}: i/o timeout` };
}

/** go appends the start of an error body as "server response: ..." (cmd/go/internal/web). */
function serverResponse(res: FetchResult): string {
  const text = res.body.subarray(0, 4096).toString('utf8').trim();
  if (!text || isBinary(text)) return '';
  return `\n\tserver response: ${text.split('\n').slice(0, 8).join('\n\t')}`;
}

/** A body with control characters (other than tab/newline/CR) is not worth quoting. */
function isBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}
