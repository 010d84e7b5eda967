// Judging one response: the status (classified the same way for every request) and then the
// body against what the protocol requires.
import type { ProbeFailure, RequestTiming } from '../../../shared/bench/types.js';
import { classifyStatus, makeFailure } from './failure.js';
import type { FetchResult } from './session.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

/** The failure of a response (transport error, non-200 status, or a body `check` rejects). */
export function judge(res: FetchResult, where: string, check: ((body: Buffer) => Message | null) | null, opts: { truncationAllowed?: boolean } = {}): ProbeFailure | null {
  if (res.timing.error) return res.timing.error;
  if (res.overflowed && !opts.truncationAllowed && res.status === 200) {
    return makeFailure('too-large', 'transfer', msg('bench.probe.answerTooLong', { where, request: res.timing.request, bytes: res.body.length }), res.status);
  }
  const status = res.status ?? 0;
  if (status !== 200) {
    return classifyStatus(status, {
      where,
      credentialsSent: res.credentialsSent,
      wwwAuthenticate: res.headers['www-authenticate'] !== undefined,
      crossOriginRedirect: res.crossOriginRedirect,
    });
  }
  const problem = check ? check(res.body) : null;
  return problem ? makeFailure('protocol', 'transfer', msg('bench.probe.badAnswer', { where, problem }), status) : null;
}

export function withError(timing: RequestTiming, error: ProbeFailure | null): RequestTiming {
  return error === timing.error ? timing : { ...timing, error };
}

export function contentLength(res: FetchResult): number | null {
  const v = res.headers['content-length'];
  const n = typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}
