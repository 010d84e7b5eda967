// The vocabulary of a probe: what one sample of one candidate measured, and why it failed.
// Shared by the prober (electron/core/probe), scoring/recommendation/history, the CLI and the UI.
// Pure types only: this file is in shared/ and must not import Node, DOM or Electron.
import type { Message } from '../i18n/message.js';

/** The phases of one HTTP request, in the order they happen. */
export type Phase = 'dns' | 'connect' | 'tls' | 'ttfb' | 'transfer';

/** The requests a probe makes: the Go module proxy protocol, the sumdb check, and `direct`'s two lookups. */
export type ProtocolRequest =
  | 'list'
  | 'latest'
  | 'info'
  | 'mod'
  | 'zip'
  | 'sumdb-supported'
  | 'sumdb-latest'
  | 'sumdb-lookup'
  | 'sumdb-tile'
  | 'go-get'
  | 'info-refs';

/** Why a request or a sample failed. */
export type FailureKind =
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'tls'
  | 'http'
  | 'not-found'
  | 'protocol'
  | 'auth'
  | 'redirect'
  | 'too-large'
  | 'cancelled';

export type TlsProblem = 'expired' | 'self-signed' | 'wrong-host' | 'untrusted';

export interface TlsInfo {
  subject: string;
  issuer: string;
  /** ISO 8601. */
  validTo: string;
  /** Whole days from the probe to validTo; negative once expired. */
  daysToExpiry: number;
  problem: TlsProblem | null;
}

export interface ProbeFailure {
  kind: FailureKind;
  /** The phase the failure happened in, when known (always set for `timeout`). */
  phase: Phase | null;
  status: number | null;
  /** One sentence in English, never containing credentials: for logs and the engines that relay it (the relay, explain). */
  message: string;
  /** The same sentence as a message (shared/i18n), which every front end renders in its user's language. */
  messageMessage: Message;
  tls?: TlsInfo;
}

export type HttpProtocol = 'http/1.1' | 'h2';

export interface RequestTiming {
  request: ProtocolRequest;
  /** The path (and query) requested, relative to the candidate's origin; never contains credentials. */
  path: string;
  status: number | null;
  /** null when the connection was reused. */
  dnsMs: number | null;
  connectMs: number | null;
  /** null when the connection was reused or plain http. */
  tlsMs: number | null;
  /** Request written -> first response byte. */
  ttfbMs: number | null;
  transferMs: number | null;
  bytes: number;
  protocol: HttpProtocol | null;
  reused: boolean;
  /** Redirects followed for this request. */
  redirects?: number;
  error: ProbeFailure | null;
}

export type CandidateKind = 'proxy' | 'sumdb' | 'direct';

export interface ProbeSample {
  /** Normalized URL, or 'direct', or a sumdb URL. */
  candidate: string;
  kind: CandidateKind;
  family: 'ipv4' | 'ipv6' | null;
  /** Epoch milliseconds. */
  startedAt: number;
  durationMs: number;
  requests: RequestTiming[];
  ok: boolean;
  error: ProbeFailure | null;
  throughputBytesPerSec: number | null;
  protocol: HttpProtocol | null;
  tls: TlsInfo | null;
  sumdbSupported: boolean | null;
  /** Warnings for the user, e.g. "the certificate of … expires in 5 days", as messages. */
  warnings: Message[];
  /** Number of TCP connections opened for the sample (1 when every request reused the first). */
  connections?: number;
  /** The HTTP(S) proxy the sample went through (credentials removed), or null when it went direct. */
  via?: string | null;
  /** Module proxies: the module ("path@version") the sample measured; null when the proxy had none of those asked for. */
  module?: string | null;
  /** Module proxies: the probe module when the proxy answered 404/410 for it (it is reachable, but lacks it). */
  missingModule?: string | null;
}

export interface ProbeProgress {
  candidate: string;
  sample: number;
  request: ProtocolRequest;
  phase: Phase | 'done';
  /** Epoch milliseconds. */
  at: number;
}
