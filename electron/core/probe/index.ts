// The probe engine: one candidate, the real Go proxy protocol, every phase timed, every failure
// classified. Node + undici only (never 'electron').
export { probeProxy, parseCandidate, normalizeCandidate } from './probe-proxy.js';
export type { ModuleRef, ProbeProxyOptions } from './probe-proxy.js';
export { probeFamilies, familiesOf } from './probe-families.js';
export { probeDirect, pickGoImport } from './probe-direct.js';
export type { ProbeDirectOptions } from './probe-direct.js';
export { probeSumdb } from './probe-sumdb.js';
export type { ProbeSumdbOptions } from './probe-sumdb.js';
export { DEFAULT_TIMEOUTS, DEAD_HOST_DEADLINES, DEFAULT_BODY_CAPS, MAX_HEADER_BYTES } from './options.js';
export type { PhaseTimeouts, BodyCaps, Credentials, ProbeOptionsBase } from './options.js';
export { ProbeError, classifyError, classifyStatus } from './failure.js';
export { isHardFailure } from './sample-runner.js';
export { EXPIRY_WARNING_DAYS } from './tls-info.js';
export { goTrustedRoots } from './trust-store.js';
export { proxyForUrl } from '../../../shared/net/proxy-env.js';
