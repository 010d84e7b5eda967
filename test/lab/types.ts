// The lab's public types. Tests, benchmark scripts, the demo and the CLI code against these names,
// so they change only by addition.

/** One version of one fixture module, as its author would have written it. */
export interface FixtureModule {
  path: string;
  version: string;
  requires: { path: string; version: string }[];
  /** File name -> content, go.mod included. Names are relative to the module root. */
  files: Record<string, string>;
}

/** What a proxy answers for one module version. */
export interface ServedModule {
  path: string;
  version: string;
  /** JSON {"Version","Time"} */
  info: string;
  mod: string;
  /** Every entry under "<path>@<version>/", deterministic bytes. */
  zip: Buffer;
}

export type TlsMode = 'none' | 'valid' | 'self-signed' | 'expired' | 'wrong-host' | 'expiring-soon';

export type FaultMode =
  | 'normal'
  | 'refuse'
  /**
   * Accepts the connection and never answers. On a TLS proxy with no `paths` it stalls the TLS
   * handshake itself (no ServerHello ever); with `paths` the handshake completes first.
   */
  | 'blackhole'
  | 'reset-mid-body'
  | 'slow-body'
  | 'garbage'
  | 'slowloris-headers'
  | 'endless-body'
  | 'huge-headers'
  | 'redirect-loop'
  | 'redirect-cross-host'
  | 'redirect-to-http'
  | 'zip-bomb'
  | 'wrong-content'
  /** Status line, headers and half the body, then nothing more on a connection kept open. */
  | 'stall-body';

export interface FaultSpec {
  /** Delay before response headers. */
  latencyMs?: number;
  /** Plus a uniform random 0..jitterMs. */
  jitterMs?: number;
  /** Body throughput cap. */
  bandwidthBytesPerSec?: number;
  /** Answer every selected request with this status (404, 410, 403, 500, 502, 503 ...). */
  status?: number;
  /**
   * Substring, or /regex/ (with optional flags), selecting the request paths every fault of this
   * spec applies to (latency, status, mode, auth ...). Default: all. Ignored by 'refuse', which
   * closes the listener and so cannot look at paths.
   */
  paths?: string;
  mode?: FaultMode;
  /** Require HTTP Basic auth (401 + WWW-Authenticate otherwise). */
  auth?: { user: string; password: string };
  /**
   * A flaky proxy: this share (0..1) of the selected requests fail, after the latency. Which ones
   * is drawn from a PRNG seeded with `flakySeed` (default 1) and re-seeded by every setFaults, so
   * the n-th selected request fails or not the same way on every run.
   */
  flakyRate?: number;
  flakySeed?: number;
  /** How a flaky request fails: 'bad-gateway' (default) answers 502, 'reset' tears the connection down (RST) without an answer. */
  flakyFailure?: 'bad-gateway' | 'reset';
  /**
   * TLS proxies: the ClientHello is left unread this long after the connection is accepted, so the
   * ServerHello (and the whole handshake) comes this much later. Applies to every connection
   * (`paths` cannot select: no request has been read yet). Ignored on plain http.
   */
  handshakeDelayMs?: number;
  /**
   * For 'redirect-cross-host': the lab proxy name (or absolute URL) to redirect to.
   * Default: the first other proxy of the lab.
   */
  redirectTo?: string;
}

export interface LabProxyOptions {
  name: string;
  tls?: TlsMode;
  faults?: FaultSpec;
  host?: '127.0.0.1' | '::1';
  port?: number;
  /**
   * Proxy the lab's checksum database under /sumdb/<name>/ (supported, lookups, tiles), as a
   * mirror that supports it does. 'supported-only': /sumdb/<name>/supported answers 200 but
   * everything beyond it 404 (a mirror that claims support it does not have).
   */
  sumdb?: boolean | 'supported-only';
  /** Serve the lab's checksum database itself at this origin's root (/latest, /lookup/..., /tile/...). */
  checksumDatabase?: boolean;
  /** Serve only these module paths; others 404. */
  modules?: string[];
}

/**
 * One request. A TLS proxy black-holed on all paths logs each stalled handshake as method 'TLS',
 * path '*' (no request was ever read).
 */
export interface AccessLogEntry {
  at: number;
  method: string;
  /** The request target as sent (escaped path and query). */
  path: string;
  /** null: no HTTP answer (blackhole, reset, garbage). */
  status: number | null;
  /** Body bytes written. */
  bytes: number;
  /** Present when the request needed credentials: whether they were right. */
  authorized?: boolean;
  authorizationHeaderSent: boolean;
  /** 'http-downgrade': served by the plain-http twin a 'redirect-to-http' fault points to. */
  via?: 'http-downgrade';
}

export interface LabProxy {
  readonly name: string;
  /** e.g. http://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly tls: TlsMode;
  /** At run time; replaces the current faults. */
  setFaults(f: FaultSpec): void;
  readonly faults: FaultSpec;
  readonly accessLog: readonly AccessLogEntry[];
  clearLog(): void;
  /** Distinct "path@version" for which it answered a .zip with 200 (the real zip, fully sent). */
  servedModules(): string[];
  /** TLS proxies: every connection accepted, and when the lab let the handshake proceed (cleared by clearLog). */
  readonly handshakeLog: readonly HandshakeLogEntry[];
}

/** One TLS connection: accepted at `acceptedAt`; its ClientHello read (and ServerHello sent) from `helloAt` (null: never). */
export interface HandshakeLogEntry {
  acceptedAt: number;
  helloAt: number | null;
}

/** The lab's checksum database, as tests point go at it. */
export interface LabChecksumDb {
  /** Its name (default "sum.golang.org", signed with the lab's own key). */
  readonly name: string;
  /** "<name>+<hash>+<key>": GOSUMDB's first field. */
  readonly verifierKey: string;
  /** GOSUMDB for reaching it at url (a lab proxy's URL, or `<proxy>/sumdb/<name>`). */
  gosumdb: (url: string) => string;
  /** The go.sum lines it logs for path@version (undefined when not logged). */
  lines: (path: string, version: string) => string | undefined;
}

export interface LabChecksumDbOptions {
  name?: string;
  /** Module path prefixes the database never logged (private modules). */
  omit?: string[];
  /** "path@version" logged with a wrong zip hash. */
  tampered?: string[];
}

export interface Lab {
  readonly proxies: Readonly<Record<string, LabProxy>>;
  readonly checksumDb: LabChecksumDb;
  readonly modules: readonly FixtureModule[];
  readonly caCertPem: string;
  /** Written under the lab's temp dir. */
  readonly caCertFile: string;
  /** The lab's private temp dir (removed by close()). */
  readonly dir: string;
  /**
   * Environment for running the real `go` against the lab: the current environment without any GO*
   * or proxy variable, plus temp GOPATH/GOMODCACHE/GOCACHE, GOTOOLCHAIN=local,
   * GOFLAGS=-mod=mod -modcacherw, GOSUMDB=off, SSL_CERT_FILE=<lab CA>, HOME to a temp dir.
   * Merge your GOPROXY etc. on top.
   */
  goEnv(extra?: Record<string, string>): Record<string, string>;
  /** A fresh empty directory under the lab's temp dir (e.g. a second GOMODCACHE). */
  makeTempDir(prefix: string): string;
  /** Closes every server and socket, removes temp files; safe to call twice. */
  close(): Promise<void>;
}

export interface Scenario {
  description: string;
  proxies: LabProxyOptions[];
  /** Modules to serve instead of the default fixture graph. */
  modules?: FixtureModule[];
  checksumDb?: LabChecksumDbOptions;
}
