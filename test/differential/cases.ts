// The matrix for the differential suite: GOPROXY/GONOPROXY/GOPRIVATE settings over lab proxies
// with fixed faults. `{ok1}` etc. are replaced by the lab proxies' URLs, `{httpAuth+creds}` by the
// URL with the lab's user:password in it, `{tlsAuth.host}` / `{tlsAuth.hostname}` (in a .netrc) by
// the proxy's host with / without its port.
// Each case names no expectation: the real go decides, and explain must agree with it.

export const LAB_CREDENTIALS = { user: 'dev', password: 'lab-secret' };

export const LAB_PROXIES = {
  ok1: {},
  ok2: {},
  nf404: { status: 404 },
  nf410: { status: 410 },
  e403: { status: 403 },
  e500: { status: 500 },
  e502: { status: 502 },
  e503: { status: 503 },
  slow: { latencyMs: 300 },
  refused: { mode: 'refuse' as const },
  zip404: { status: 404, paths: '.zip' },
  mod404: { status: 404, paths: '.mod' },
  zip502: { status: 502, paths: '.zip' },
  // Connected and silent: no response headers, ever.
  silent: { mode: 'blackhole' as const },
  // Headers and half the body, then nothing.
  stallBody: { mode: 'stall-body' as const },
  httpAuth: { auth: LAB_CREDENTIALS },
} as const;

/** Proxies served over https with the lab CA (go trusts it through SSL_CERT_FILE). */
export const LAB_TLS_PROXIES = {
  // TCP accepted, no ServerHello ever: go's 10 s TLS-handshake timeout ends it.
  tlsStall: { mode: 'blackhole' as const },
  // Handshake done, then silence.
  tlsSilent: { mode: 'blackhole' as const, paths: '/' },
  tlsAuth: { auth: LAB_CREDENTIALS },
} as const;


/**
 * Proxies that can keep go waiting: a case that uses one runs the real go with a bounded wait, and
 * "did not finish in time" is what explain's "hang" must match. The wait covers what go bounds
 * itself (10 s per stalled TLS handshake) plus this margin.
 */
export const MAY_STALL: readonly LabProxyName[] = ['silent', 'stallBody', 'tlsSilent', 'tlsStall'];
export const HANG_WAIT_MS = 8_000;
/**
 * Proxies around the lab's checksum database (signed with the lab key, so cases write GOSUMDB
 * with `{key}`): the database itself, a mirror proxying it, a mirror that answers
 * /sumdb/<name>/supported but 404s every lookup (issue 10), and one whose /sumdb/ paths answer 502.
 */
export const LAB_SUMDB_PROXIES = {
  db: { checksumDatabase: true },
  sumok: { sumdb: true },
  sumclaims: { sumdb: 'supported-only' },
  sum502: { sumdb: true, faults: { status: 502, paths: '/sumdb/' } },
} as const;

/** What the lab's database leaves out or falsifies: private paths are never logged; one record is tampered with. */
export const LAB_SUMDB = { omit: ['lab.invalid/private'], tampered: ['lab.invalid/lib01@v1.0.0'] };

export type LabProxyName = keyof typeof LAB_PROXIES | keyof typeof LAB_TLS_PROXIES | keyof typeof LAB_SUMDB_PROXIES;

export interface DiffCase {
  goproxy: string;
  gonoproxy?: string;
  goprivate?: string;
  /** Which fixture module to ask for; default the public one; 'tampered': the one whose logged hash is wrong. */
  module?: 'public' | 'private' | 'tampered';
  /** A .netrc for go and explain (NETRC), with `{proxy.host}` / `{proxy.hostname}` templates. */
  netrc?: string;
  /** `{key}` is the lab database's verifier key; unset: GOSUMDB=off. */
  gosumdb?: string;
  gonosumdb?: string;
  goinsecure?: string;
  /** Added to the lab's GOFLAGS. */
  goflags?: string;
}

const seps = [',', '|'] as const;
const failing: LabProxyName[] = ['nf404', 'nf410', 'e403', 'e500', 'e502', 'e503', 'refused'];

function build(): DiffCase[] {
  const cases: DiffCase[] = [];
  // Every failure kind before a healthy proxy, with both separators: the heart of the matter.
  for (const f of failing) for (const s of seps) cases.push({ goproxy: `{${f}}${s}{ok1}` });
  // Failures before direct / off, both separators.
  for (const f of ['nf404', 'e502', 'refused'] as const) {
    for (const s of seps) {
      cases.push({ goproxy: `{${f}}${s}direct` });
      cases.push({ goproxy: `{${f}}${s}off` });
    }
  }
  cases.push(
    { goproxy: '{ok1}' },
    { goproxy: '{slow},{ok1}' },
    { goproxy: '{nf404},{nf410},{ok2}' },
    { goproxy: '{nf404},{e502},{ok2}' },
    { goproxy: '{nf404},{e502}|{ok2}' },
    { goproxy: '{e502}|{e500}|{ok2}' },
    { goproxy: '{e502}|{e500},{ok2}' },
    { goproxy: '{e502}|{nf404}' },
    { goproxy: '{nf404},{e403}' },
    { goproxy: '{nf404}|{nf410}' },
    { goproxy: '{zip404},{ok1}' },
    { goproxy: '{zip404}|{ok1}' },
    { goproxy: '{mod404},{ok2}' },
    { goproxy: '{zip502},{ok1}' },
    { goproxy: '{zip502}|{ok1}' },
    { goproxy: 'direct' },
    { goproxy: 'off' },
    { goproxy: 'direct,{ok1}' },
    { goproxy: 'off|{ok1}' },
    { goproxy: '{ok1},direct' },
    { goproxy: ' {e502} | {ok2} ' },
    { goproxy: '{nf404},,{ok1}' },
    // GONOPROXY / GOPRIVATE: matching modules skip the proxies and go direct.
    { goproxy: '{ok1}', goprivate: 'lab.invalid/private', module: 'private' },
    { goproxy: '{ok1}', goprivate: 'lab.invalid/private', module: 'public' },
    { goproxy: '{ok1}', gonoproxy: 'lab.invalid/private', module: 'private' },
    { goproxy: '{ok1}', goprivate: 'lab.invalid/private', gonoproxy: 'none', module: 'private' },
    { goproxy: '{ok1}', goprivate: '*.invalid', module: 'public' },
    { goproxy: '{ok1}', goprivate: 'lab.invalid/priv', module: 'private' },
    { goproxy: '{ok1}', goprivate: 'lab.invalid/*', module: 'public' },
    { goproxy: '{ok1}', goprivate: 'LAB.invalid', module: 'public' },
    { goproxy: '{ok1}', goprivate: 'other.invalid, lab.invalid', module: 'public' },
    { goproxy: '{e502}|{ok1}', gonoproxy: 'other.invalid', module: 'public' },
    { goproxy: 'direct', goprivate: 'lab.invalid', module: 'public' },
    { goproxy: 'off', goprivate: 'lab.invalid', module: 'public' },
    { goproxy: '{nf404}', goprivate: 'lab.invalid', gonoproxy: 'none', module: 'public' },
    // go's transport: a silent proxy hangs go whatever the separator; a stalled TLS handshake is an
    // error after 10 s (one case: each one costs 10 s per go version).
    { goproxy: '{silent},{ok1}' },
    { goproxy: '{silent}|{ok1}' },
    { goproxy: '{ok1},{silent}' },
    { goproxy: '{nf404},{silent}|{ok1}' },
    { goproxy: '{stallBody}|{ok1}' },
    { goproxy: '{tlsSilent}|{ok1}' },
    { goproxy: '{tlsStall},{ok1}' },
    // Credentials: .netrc over https (the machine go matches depends on its version), user:password
    // in the URL (https only: go refuses to send them over http), nothing over plain http.
    { goproxy: '{tlsAuth}', netrc: `machine {tlsAuth.hostname} login ${LAB_CREDENTIALS.user} password ${LAB_CREDENTIALS.password}\nmachine {tlsAuth.host} login ${LAB_CREDENTIALS.user} password ${LAB_CREDENTIALS.password}\n` },
    { goproxy: '{tlsAuth}', netrc: `machine {tlsAuth.hostname} login ${LAB_CREDENTIALS.user} password ${LAB_CREDENTIALS.password}\n` },
    { goproxy: '{tlsAuth}', netrc: `machine {tlsAuth.host} login ${LAB_CREDENTIALS.user} password ${LAB_CREDENTIALS.password}\n` },
    { goproxy: '{tlsAuth}' },
    { goproxy: '{tlsAuth+creds}' },
    { goproxy: '{httpAuth+creds}' },
    { goproxy: '{httpAuth+creds}|{ok1}' },
    { goproxy: '{httpAuth}', netrc: `machine {httpAuth.hostname} login ${LAB_CREDENTIALS.user} password ${LAB_CREDENTIALS.password}\nmachine {httpAuth.host} login ${LAB_CREDENTIALS.user} password ${LAB_CREDENTIALS.password}\n` },
  );
  // Checksum verification (GOSUMDB, the /sumdb/<name>/supported walk, GONOSUMDB, GOINSECURE, GOFLAGS).
  const key = '{key}';
  cases.push(
    { goproxy: '{ok1}', gosumdb: `${key} {db}` },
    { goproxy: '{sumok}', gosumdb: key },
    { goproxy: '{sumclaims}', gosumdb: key },
    { goproxy: '{sumclaims}|{sumok}', gosumdb: key },
    { goproxy: '{ok1},{sumok}', gosumdb: key },
    { goproxy: '{nf404},{sumok}', gosumdb: key },
    { goproxy: '{sum502}|{sumok}', gosumdb: key },
    { goproxy: '{sum502},{sumok}', gosumdb: key },
    { goproxy: '{sum502},direct', gosumdb: key },
    { goproxy: '{sumclaims}', gosumdb: 'off' },
    { goproxy: '{sumclaims}', gosumdb: `${key} {db}` },
    { goproxy: '{ok1}', gosumdb: `${key} {sumok}/sumdb/sum.golang.org` },
    { goproxy: '{ok1}', gosumdb: `${key} {sumclaims}/sumdb/sum.golang.org` },
    { goproxy: '{sumok}', gosumdb: 'sum.golang.org' },
    { goproxy: '{sumok}', gosumdb: 'sum.golang.org+00000000+AQ==' },
    { goproxy: '{ok1}', gosumdb: `${key} {db}`, module: 'tampered' },
    { goproxy: '{ok1}', gosumdb: 'off', module: 'tampered' },
    { goproxy: '{sumok}', gosumdb: key, module: 'private' },
    { goproxy: '{sumok}', gosumdb: key, gonosumdb: 'lab.invalid/private', module: 'private' },
    { goproxy: '{sumok}', gosumdb: key, goprivate: 'lab.invalid/private', gonoproxy: 'none', module: 'private' },
    { goproxy: '{sumok}', gosumdb: key, goinsecure: 'lab.invalid', module: 'private' },
    { goproxy: '{sumok}', gosumdb: key, goflags: '-insecure', module: 'private' },
    { goproxy: '{sumok}', gosumdb: key, gonoproxy: 'lab.invalid/private', module: 'public' },
    { goproxy: '{sumok}', gosumdb: key, gonosumdb: 'lab.invalid', module: 'tampered' },
    // No proxy serves /sumdb/: go connects to https://<name> itself (no such host in the lab).
    { goproxy: '{ok1}', gosumdb: key },
    { goproxy: '{ok1},off', gosumdb: key },
    { goproxy: '{ok1}', gosumdb: 'sum.golang.google.cn' },
    { goproxy: '{refused}|{sumok}', gosumdb: key },
  );
  return cases;
}

export const DIFF_CASES: readonly DiffCase[] = build();
