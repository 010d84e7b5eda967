// An HTTP GET with the semantics of cmd/go/internal/web, for `explain`: 200 is success, 404/410
// mean "not found", anything else is an error, worded the way go words it. The connection work
// (DNS, HTTPS_PROXY/NO_PROXY like go, go's certificate trust, redirects without https->http and
// at most 10 hops) is the probe engine's ProbeSession: explain reaches a proxy exactly the way a
// benchmark does.
import { STATUS_CODES } from 'node:http';
import type { ProtocolRequest } from '../../../shared/bench/types.js';
import { ProbeSession, type FetchResult } from '../probe/session.js';

export type GetResult =
  | { kind: 'ok'; status: 200; url: string; body: Buffer }
  | { kind: 'notFound'; status: 404 | 410; url: string; message: string }
  | { kind: 'error'; status: number | null; url: string; message: string };

export interface GoGetOptions {
  request: ProtocolRequest;
  /** Body bytes to keep. */
  maxBytes: number;
  /** Keep only the first maxBytes of a larger 200 answer (e.g. a zip's signature) instead of failing. */
  truncate?: boolean;
}

/** One session per explain: connections are reused across the chain's requests, as go does. */
export function createGoSession(
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  signal: AbortSignal,
  credentials: { origin: string; user: string; secret: string } | null = null,
): ProbeSession {
  return new ProbeSession({
    timeouts: { dnsMs: timeoutMs, connectMs: timeoutMs, tlsMs: timeoutMs, ttfbMs: timeoutMs, transferMs: timeoutMs, overallMs: timeoutMs * 4 },
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
  if (res.status === null) {
    const failure = res.timing.error;
    return { kind: 'error', status: null, url: where, message: `Get "${url}": ${failure?.message ?? 'no answer'}${goWouldWait(failure)}` };
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

/** Our deadlines are shorter than go's: say what go itself would do at that point. */
function goWouldWait(failure: FetchResult['timing']['error']): string {
  if (failure?.kind !== 'timeout') return '';
  if (failure.phase === 'connect' || failure.phase === 'dns') return ' (go waits up to 30 s to connect, then fails)';
  if (failure.phase === 'tls') return ' (go gives up the TLS handshake after 10 s)';
  return ' (go has no response timeout: it would hang)';
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
