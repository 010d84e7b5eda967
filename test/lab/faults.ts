// Pure decisions about fault specs: which requests a spec applies to, whether a spec from the
// outside (the control API) is well-formed, and how to describe it to a person.
import type { FaultMode, FaultSpec } from './types.js';

export const FAULT_MODES: readonly FaultMode[] = [
  'normal', 'refuse', 'blackhole', 'reset-mid-body', 'slow-body', 'garbage', 'slowloris-headers', 'endless-body',
  'huge-headers', 'redirect-loop', 'redirect-cross-host', 'redirect-to-http', 'zip-bomb', 'wrong-content',
  'stall-body',
];

/**
 * `paths` as a regular expression when written /source/flags (flags from imsu; g and y would make test() stateful), else null.
 * A plain path such as '/@v/list' also starts and contains '/', so the flags must be real regex
 * flags and the source must compile; anything else is a substring.
 */
export function pathsRegex(paths: string): RegExp | null {
  const re = /^\/(.+)\/([imsu]*)$/s.exec(paths);
  if (!re) return null;
  try {
    return new RegExp(re[1]!, re[2]);
  } catch {
    return null;
  }
}

/** Whether `spec` applies to `requestPath`: every path when `paths` is unset. */
export function faultsApplyTo(spec: FaultSpec, requestPath: string): boolean {
  if (spec.paths === undefined || spec.paths === '') return true;
  return pathsRegex(spec.paths)?.test(requestPath) ?? requestPath.includes(spec.paths);
}

const NUMBER_FIELDS = ['latencyMs', 'jitterMs', 'bandwidthBytesPerSec', 'status', 'flakyRate', 'flakySeed', 'handshakeDelayMs'] as const;
const KNOWN_FIELDS = new Set<string>([...NUMBER_FIELDS, 'paths', 'mode', 'auth', 'redirectTo', 'flakyFailure']);

/** The spec, or a one-sentence reason it is not one. */
export function validateFaultSpec(value: unknown): { ok: true; spec: FaultSpec } | { ok: false; error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'a fault spec must be a JSON object' };
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!KNOWN_FIELDS.has(key)) return { ok: false, error: `unknown field "${key}"` };
  for (const key of NUMBER_FIELDS) {
    const n = v[key];
    if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n) || n < 0)) return { ok: false, error: `${key} must be a non-negative number` };
  }
  if (v.status !== undefined && (!Number.isInteger(v.status) || (v.status as number) < 100 || (v.status as number) > 599)) {
    return { ok: false, error: 'status must be an HTTP status code (100-599)' };
  }
  if (v.flakyRate !== undefined && (v.flakyRate as number) > 1) return { ok: false, error: 'flakyRate must be a share between 0 and 1' };
  if (v.flakySeed !== undefined && !Number.isInteger(v.flakySeed)) return { ok: false, error: 'flakySeed must be an integer' };
  if (v.flakyFailure !== undefined && v.flakyFailure !== 'bad-gateway' && v.flakyFailure !== 'reset') return { ok: false, error: 'flakyFailure must be "bad-gateway" or "reset"' };
  if (v.bandwidthBytesPerSec === 0) return { ok: false, error: 'bandwidthBytesPerSec must be positive (omit it for no cap)' };
  if (v.paths !== undefined && typeof v.paths !== 'string') return { ok: false, error: 'paths must be a string' };
  if (v.mode !== undefined && !FAULT_MODES.includes(v.mode as FaultMode)) return { ok: false, error: `mode must be one of ${FAULT_MODES.join(', ')}` };
  if (v.redirectTo !== undefined && typeof v.redirectTo !== 'string') return { ok: false, error: 'redirectTo must be a string' };
  if (v.auth !== undefined) {
    const a = v.auth as Record<string, unknown> | null;
    if (typeof a !== 'object' || a === null || typeof a.user !== 'string' || typeof a.password !== 'string') {
      return { ok: false, error: 'auth must be {"user": string, "password": string}' };
    }
  }
  return { ok: true, spec: v };
}

/** One line for people: "latency 10 ms ± 5 ms, status 502 on /\\.zip$/". Never shows a password. */
export function describeFaults(spec: FaultSpec): string {
  const parts: string[] = [];
  if (spec.mode && spec.mode !== 'normal') parts.push(spec.mode);
  if (spec.status !== undefined) parts.push(`status ${spec.status}`);
  if (spec.latencyMs) parts.push(`latency ${spec.latencyMs} ms${spec.jitterMs ? ` ± ${spec.jitterMs} ms` : ''}`);
  else if (spec.jitterMs) parts.push(`jitter 0-${spec.jitterMs} ms`);
  if (spec.flakyRate) parts.push(`${Math.round(spec.flakyRate * 100)} % of requests ${spec.flakyFailure === 'reset' ? 'reset' : 'answer 502'} (seed ${spec.flakySeed ?? 1})`);
  if (spec.handshakeDelayMs) parts.push(`TLS handshake delayed ${spec.handshakeDelayMs} ms`);
  if (spec.bandwidthBytesPerSec) parts.push(`bandwidth ${spec.bandwidthBytesPerSec} B/s`);
  if (spec.auth) parts.push(`basic auth (user ${spec.auth.user})`);
  if (spec.redirectTo) parts.push(`redirect to ${spec.redirectTo}`);
  if (parts.length === 0) return 'healthy';
  return spec.paths ? `${parts.join(', ')} on ${spec.paths}` : parts.join(', ');
}
