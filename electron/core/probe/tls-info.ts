// Certificate facts for the user (subject, issuer, expiry) and the verdict go would reach.
// We handshake with rejectUnauthorized:false and judge afterwards, so that a rejected
// certificate can still be described ("expired 3 days ago, CN=mirror.example").
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { TlsInfo, TlsProblem } from '../../../shared/bench/types.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

const DAY_MS = 86_400_000;
export const EXPIRY_WARNING_DAYS = 14;

function formatName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  const parts: string[] = [];
  for (const key of ['CN', 'O', 'OU', 'L', 'ST', 'C'] as const) {
    const v = (name as unknown as Record<string, string | string[] | undefined>)[key];
    if (v !== undefined) parts.push(`${key}=${Array.isArray(v) ? v.join('+') : v}`);
  }
  return parts.join(', ');
}

/** Maps OpenSSL's verification codes to the four problems users can act on. */
export function tlsProblemFromCode(code: string | undefined | null): TlsProblem | null {
  if (!code) return null;
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'expired';
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') return 'self-signed';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'wrong-host';
  return 'untrusted';
}

/** Reads the peer certificate and judges it for `hostname` the way go's crypto/tls would. */
export function inspectTls(socket: TLSSocket, hostname: string, now = Date.now()): TlsInfo {
  const cert = socket.getPeerCertificate(false);
  const validToMs = cert.valid_to ? Date.parse(cert.valid_to) : NaN;
  let problem: TlsProblem | null = null;
  if (!socket.authorized) {
    const err = socket.authorizationError as unknown;
    const code = typeof err === 'string' ? err : (err as { code?: string } | null)?.code;
    problem = tlsProblemFromCode(code ?? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  } else if (cert.subject !== undefined && checkServerIdentity(hostname, cert) !== undefined) {
    problem = 'wrong-host';
  }
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    validTo: Number.isFinite(validToMs) ? new Date(validToMs).toISOString() : '',
    daysToExpiry: Number.isFinite(validToMs) ? Math.floor((validToMs - now) / DAY_MS) : 0,
    problem,
  };
}

export function expiryWarning(info: TlsInfo, where: string): Message | null {
  if (info.problem !== null || info.daysToExpiry >= EXPIRY_WARNING_DAYS) return null;
  const days = info.daysToExpiry;
  return msg(days === 1 ? 'bench.warning.certExpiresTomorrow' : 'bench.warning.certExpires', { where, days, date: info.validTo });
}
