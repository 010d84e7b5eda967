// Turning whatever went wrong into one ProbeFailure: a kind the scorer and the chain simulator
// can act on, the phase it happened in, and one credential-free sentence for the user.
import type { FailureKind, Phase, ProbeFailure, TlsInfo } from '../../../shared/bench/types.js';

/** A failure already classified; thrown through undici so the handler gets it back intact. */
export class ProbeError extends Error {
  readonly failure: ProbeFailure;
  constructor(failure: ProbeFailure) {
    super(failure.message);
    this.name = 'ProbeError';
    this.failure = failure;
  }
}

export function makeFailure(kind: FailureKind, phase: Phase | null, message: string, status: number | null = null, tls?: TlsInfo): ProbeFailure {
  return tls ? { kind, phase, status, message, tls } : { kind, phase, status, message };
}

export function probeError(kind: FailureKind, phase: Phase | null, message: string, status: number | null = null, tls?: TlsInfo): ProbeError {
  return new ProbeError(makeFailure(kind, phase, message, status, tls));
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL', 'ENODATA', 'ESERVFAIL']);
const CONNECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'ERR_HTTP2_STREAM_ERROR', 'ERR_HTTP2_SESSION_ERROR', 'ERR_HTTP2_GOAWAY_SESSION', 'UND_ERR_CLOSED']);

function errorCode(err: unknown): string {
  const e = err as { code?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : '';
}

/** The error message with every occurrence of a secret blanked out, cut to one line. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text.split('\n')[0] ?? '';
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out.length > 200 ? `${out.slice(0, 197)}...` : out;
}

/** Classifies an error thrown by Node or undici while `phase` was under way. */
export function classifyError(err: unknown, phase: Phase, where: string, secrets: readonly string[] = []): ProbeFailure {
  if (err instanceof ProbeError) return err.failure;
  const code = errorCode(err);
  const detail = scrub(err instanceof Error ? err.message : String(err), secrets);
  if (DNS_CODES.has(code)) return makeFailure('dns', 'dns', `DNS lookup of ${where} failed (${code}).`);
  if (CONNECT_CODES.has(code)) return makeFailure('connect', 'connect', `Could not connect to ${where} (${code}).`);
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return makeFailure('too-large', 'ttfb', `${where} sent response headers larger than the limit.`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return makeFailure('timeout', 'ttfb', `${where} did not finish sending response headers in time.`);
  if (code === 'UND_ERR_BODY_TIMEOUT') return makeFailure('timeout', 'transfer', `${where} stopped sending the response body.`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return makeFailure('timeout', 'connect', `Connecting to ${where} timed out.`);
  if (code.startsWith('HPE_') || (err as { name?: string } | null)?.name === 'HTTPParserError' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_INFO' || code === 'ERR_HTTP2_PROTOCOL_ERROR') {
    return makeFailure('protocol', phase === 'transfer' ? 'transfer' : 'ttfb', `${where} answered with bytes that are not valid HTTP (${detail}).`);
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /SSL|TLS/.test(detail)) {
    return makeFailure('tls', 'tls', `TLS handshake with ${where} failed (${detail}).`);
  }
  if (RESET_CODES.has(code)) {
    const when = phase === 'transfer' ? 'during the transfer' : phase === 'ttfb' ? 'before answering' : 'while connecting';
    return makeFailure('connect', phase, `${where} closed the connection ${when} (${code}).`);
  }
  if (code === 'UND_ERR_ABORTED' || (err as { name?: string } | null)?.name === 'AbortError') {
    return makeFailure('cancelled', phase, `The probe of ${where} was cancelled.`);
  }
  return makeFailure('connect', phase, `Request to ${where} failed: ${detail}${code ? ` (${code})` : ''}.`);
}

/** Status classification shared by every request: which non-200 answers are what. */
export function classifyStatus(status: number, opts: { where: string; credentialsSent: boolean; wwwAuthenticate: boolean; crossOriginRedirect: boolean }): ProbeFailure {
  const { where } = opts;
  if (status === 404 || status === 410) return makeFailure('not-found', 'ttfb', `${where} answered ${status} (not found).`, status);
  if (status === 401 || status === 403 || status === 407) {
    if (opts.crossOriginRedirect && !opts.credentialsSent) {
      return makeFailure('redirect', 'ttfb', `${where} redirected to another origin that demands credentials, which are never forwarded there (${status}).`, status);
    }
    if (opts.credentialsSent || opts.wwwAuthenticate || status === 407) {
      const why = opts.credentialsSent ? 'rejected the credentials' : 'demands credentials';
      return makeFailure('auth', 'ttfb', `${where} ${why} (${status}).`, status);
    }
  }
  return makeFailure('http', 'ttfb', `${where} answered HTTP ${status}.`, status);
}
