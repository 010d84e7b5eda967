// Probe options and their defaults, in one place so the CLI, the app and tests agree.
import type { ProbeProgress } from '../../../shared/bench/types.js';

export interface PhaseTimeouts {
  dnsMs: number;
  connectMs: number;
  tlsMs: number;
  /** Request written -> response headers complete (a slowloris server trips this one). */
  ttfbMs: number;
  /** Response headers -> last body byte read. */
  transferMs: number;
  /** The whole sample. */
  overallMs: number;
}

/**
 * When a host counts as dead, phase by phase: the same for a benchmark, "Test now" and the
 * watcher's probe rounds. Far shorter than go's own (30 s dial, 10 s TLS handshake, no limit on
 * the answer): a probe must come back with a verdict while the user waits, and a proxy that
 * takes longer than this to connect or to start answering is one go would crawl through. A dead
 * host costs one of these deadlines, not one per sample: after such a failure a benchmark takes
 * no more samples of it (sample-runner.ts isHardFailure).
 */
export const DEAD_HOST_DEADLINES: Pick<PhaseTimeouts, 'dnsMs' | 'connectMs' | 'tlsMs' | 'ttfbMs'> = {
  dnsMs: 3_000,
  connectMs: 3_000,
  tlsMs: 3_000,
  ttfbMs: 3_000,
};

export const DEFAULT_TIMEOUTS: PhaseTimeouts = {
  ...DEAD_HOST_DEADLINES,
  transferMs: 20_000,
  overallMs: 45_000,
};

export interface BodyCaps {
  list: number;
  latest: number;
  info: number;
  mod: number;
  /** Bytes of the .zip read to measure throughput; larger zips are read up to this point. */
  zip: number;
  small: number;
}

export const DEFAULT_BODY_CAPS: BodyCaps = {
  list: 1 << 20,
  latest: 64 << 10,
  info: 64 << 10,
  mod: 1 << 20,
  zip: 8 << 20,
  small: 256 << 10,
};

/**
 * The .zip is read for at most this long after its first byte: enough to measure the pipe, and a
 * thin pipe with a large probe module is measured instead of running into the transfer deadline.
 */
export const ZIP_READ_MS = 2_000;

/**
 * A .zip smaller than this says nothing about the pipe: it arrives within TCP's first few windows
 * (the initial window alone is 10 segments, about 14 KB: RFC 6928), so its "transfer time" is a
 * round trip plus the reader's scheduling. The lab's zip of a few hundred bytes measured 1.7 to
 * 3.9 MB/s on one loopback proxy over twelve runs; one 60 ms stall of a loaded machine makes it a
 * few kB/s, and the bytes term of the estimate (15 MB at that rate) then outweighs a proxy 250 ms
 * slower per request: a ranking CI once got upside down. Below this size the throughput is not measured
 * (null: the estimate adds nothing for the bytes, and says so), unless the read ran for its whole
 * ZIP_READ_MS: a thin pipe's few bytes over that time are a real rate.
 */
export const MIN_THROUGHPUT_BYTES = 64 << 10;

/** Response headers beyond this are refused (go allows 10 MB; no proxy needs more than a few KB). */
export const MAX_HEADER_BYTES = 64 << 10;

export interface Credentials {
  user: string;
  secret: string;
}

export interface ProbeOptionsBase {
  signal?: AbortSignal;
  timeouts?: Partial<PhaseTimeouts>;
  maxBodyBytes?: Partial<BodyCaps>;
  /** Basic-auth credentials, sent only to the candidate's own origin. */
  credentials?: Credentials | null;
  family?: 4 | 6 | null;
  /** For HTTPS_PROXY / HTTP_PROXY / NO_PROXY / SSL_CERT_FILE / SSL_CERT_DIR; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Extra trusted CA certificates (PEM). */
  ca?: string[];
  onProgress?: (p: ProbeProgress) => void;
  /** Sample number reported in progress events. */
  sample?: number;
  /**
   * Dial another address for a host, like curl's --connect-to: "host:port" -> "host:port".
   * Host header, SNI and certificate checks keep the original name.
   */
  connectTo?: Record<string, string>;
  /**
   * Addresses for host names, consulted before DNS as /etc/hosts is (the lab's dual-stack names:
   * one name on both 127.0.0.1 and ::1). The name keeps going out in Host and SNI.
   */
  hosts?: Record<string, readonly string[]>;
}

export function resolveTimeouts(t: Partial<PhaseTimeouts> | undefined): PhaseTimeouts {
  return { ...DEFAULT_TIMEOUTS, ...(t ?? {}) };
}

export function resolveCaps(c: Partial<BodyCaps> | undefined): BodyCaps {
  return { ...DEFAULT_BODY_CAPS, ...(c ?? {}) };
}
