// The matrix for the differential suite: GOPROXY/GONOPROXY/GOPRIVATE settings over lab proxies
// with fixed faults. `{ok1}` etc. are replaced by the lab proxies' URLs.
// Each case names no expectation: the real go decides, and explain must agree with it.

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
} as const;

export type LabProxyName = keyof typeof LAB_PROXIES;

export interface DiffCase {
  goproxy: string;
  gonoproxy?: string;
  goprivate?: string;
  /** Which fixture module to ask for; default the public one. */
  module?: 'public' | 'private';
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
  );
  return cases;
}

export const DIFF_CASES: readonly DiffCase[] = build();
