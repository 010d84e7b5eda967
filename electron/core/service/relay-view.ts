// The supervised relay's status as the contract's RelayView: plain JSON, URLs redacted.
import { redactCredentials } from '../../../shared/contract/redact.js';
import { RELAY_OFF, type RelayView } from '../../../shared/contract/state.js';
import type { RelaySupervisorStatus } from '../relay/index.js';

export function toRelayView(status: RelaySupervisorStatus, now: number): RelayView {
  if (status.port === null) return { ...RELAY_OFF, error: status.error === null ? null : redactCredentials(status.error), updatedAt: now };
  const stats = status.stats;
  if (stats === null) return { ...RELAY_OFF, status: 'down', port: status.port, error: status.error === null ? null : redactCredentials(status.error), updatedAt: now };
  return {
    status: 'up',
    port: status.port,
    url: stats.url,
    chain: redactCredentials(stats.chain),
    requests: stats.requests,
    cacheHits: stats.cacheHits,
    cacheBytes: stats.cacheBytes,
    upstreams: stats.upstreams.map((u) => ({
      url: redactCredentials(u.url),
      state: u.state,
      coolUntil: u.coolUntil,
      requests: u.requests,
      failures: u.failures,
      firstByteP90Ms: u.firstByteP90Ms,
    })),
    error: null,
    updatedAt: now,
  };
}

/** Equal figures: no new revision (the stream carries a change, not a heartbeat). */
export function sameRelayView(a: RelayView | undefined, b: RelayView): boolean {
  if (a === undefined) return false;
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}
