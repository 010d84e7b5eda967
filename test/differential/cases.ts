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

export type LabProxyName = keyof typeof LAB_PROXIES | keyof typeof LAB_TLS_PROXIES;

/**
 * Proxies that can keep go waiting: a case that uses one runs the real go with a bounded wait, and
 * "did not finish in time" is what explain's "hang" must match. The wait covers what go bounds
 * itself (10 s per stalled TLS handshake) plus this margin.
 */
export const MAY_STALL: readonly LabProxyName[] = ['silent', 'stallBody', 'tlsSilent', 'tlsStall'];
export const HANG_WAIT_MS = 8_000;

export interface DiffCase {
  goproxy: string;
  gonoproxy?: string;
  goprivate?: string;
  /** Which fixture module to ask for; default the public one. */
  module?: 'public' | 'private';
  /** A .netrc for go and explain (NETRC), with `{proxy.host}` / `{proxy.hostname}` templates. */
  netrc?: string;
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
  return cases;
}

export const DIFF_CASES: readonly DiffCase[] = build();
