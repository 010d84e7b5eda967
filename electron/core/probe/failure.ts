// Turning whatever went wrong into one ProbeFailure: a kind the scorer and the chain simulator
// can act on, the phase it happened in, and one credential-free sentence for the user as a message
// (the catalogue's bench.probe.*: Node's error code and text stay verbatim values inside it).
import type { FailureKind, Phase, ProbeFailure, TlsInfo } from '../../../shared/bench/types.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

/** A failure already classified; thrown through undici so the handler gets it back intact. */
export class ProbeError extends Error {
  readonly failure: ProbeFailure;
  constructor(failure: ProbeFailure) {
    super(failure.message);
    this.name = 'ProbeError';
    this.failure = failure;
  }
}

/** A failure with its sentence as a message; `message` keeps the English rendering for logs and the relay. */
export function makeFailure(kind: FailureKind, phase: Phase | null, says: Message, status: number | null = null, tls?: TlsInfo): ProbeFailure {
  const failure = { kind, phase, status, message: render('en', says), messageMessage: says };
  return tls ? { ...failure, tls } : failure;
}

export function probeError(kind: FailureKind, phase: Phase | null, message: Message, status: number | null = null, tls?: TlsInfo): ProbeError {
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
export function classifyError(err: unknown, phase: Phase, where: string | Message, secrets: readonly string[] = []): ProbeFailure {
  if (err instanceof ProbeError) return err.failure;
  const code = errorCode(err);
  const detail = scrub(err instanceof Error ? err.message : String(err), secrets);
  if (DNS_CODES.has(code)) return makeFailure('dns', 'dns', msg('bench.probe.dnsFailed', { where, code }));
  if (CONNECT_CODES.has(code)) return makeFailure('connect', 'connect', msg('bench.probe.connectFailed', { where, code }));
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return makeFailure('too-large', 'ttfb', msg('bench.probe.headersTooLarge', { where }));
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return makeFailure('timeout', 'ttfb', msg('bench.probe.headersTimeout', { where }));
  if (code === 'UND_ERR_BODY_TIMEOUT') return makeFailure('timeout', 'transfer', msg('bench.probe.bodyStalled', { where }));
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return makeFailure('timeout', 'connect', msg('bench.probe.connectTimedOut', { where }));
  if (code.startsWith('HPE_') || (err as { name?: string } | null)?.name === 'HTTPParserError' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_INFO' || code === 'ERR_HTTP2_PROTOCOL_ERROR') {
    return makeFailure('protocol', phase === 'transfer' ? 'transfer' : 'ttfb', msg('bench.probe.notHttp', { where, detail }));
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /SSL|TLS/.test(detail)) {
    return makeFailure('tls', 'tls', msg('bench.probe.tlsFailed', { where, detail }));
  }
  if (RESET_CODES.has(code)) {
    const id = phase === 'transfer' ? 'bench.probe.closedDuringTransfer' : phase === 'ttfb' ? 'bench.probe.closedBeforeAnswer' : 'bench.probe.closedWhileConnecting';
    return makeFailure('connect', phase, msg(id, { where, code }));
  }
  if (code === 'UND_ERR_ABORTED' || (err as { name?: string } | null)?.name === 'AbortError') {
    return makeFailure('cancelled', phase, msg('bench.probe.cancelledOf', { where }));
  }
  return makeFailure('connect', phase, code ? msg('bench.probe.requestFailedCode', { where, detail, code }) : msg('bench.probe.requestFailed', { where, detail }));
}

/** Status classification shared by every request: which non-200 answers are what. */
export function classifyStatus(status: number, opts: { where: string; credentialsSent: boolean; wwwAuthenticate: boolean; crossOriginRedirect: boolean }): ProbeFailure {
  const { where } = opts;
  if (status === 404 || status === 410) return makeFailure('not-found', 'ttfb', msg('bench.probe.notFound', { where, status }), status);
  if (status === 401 || status === 403 || status === 407) {
    if (opts.crossOriginRedirect && !opts.credentialsSent) {
      return makeFailure('redirect', 'ttfb', msg('bench.probe.redirectCredentials', { where, status }), status);
    }
    if (opts.credentialsSent || opts.wwwAuthenticate || status === 407) {
      return makeFailure('auth', 'ttfb', msg(opts.credentialsSent ? 'bench.probe.credentialsRejected' : 'bench.probe.credentialsDemanded', { where, status }), status);
    }
  }
  return makeFailure('http', 'ttfb', msg('bench.probe.httpStatus', { where, status }), status);
}
