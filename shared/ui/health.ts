// How a chain node looks for its latest probe. The thresholds are about what a developer
// feels when `go mod download` waits on the first byte, not about any proxy's SLA.

/** The latest probe of one entry, as the watcher reports it (structural: any source fits). */
export interface EntryHealth {
  ok: boolean;
  /** First-byte latency of the probe, ms; null when it was not measured. */
  latencyMs: number | null;
  /** When it was probed, epoch ms. */
  checkedAt: number;
  /** Why it failed, in words (already free of credentials). */
  error?: string | null;
  /** The probe module when the entry answered 404/410 for it: it is reachable, but amber. */
  missingModule?: string | null;
  /** Why it failed, as the probe's failure kind (and HTTP status), for the UI to word. */
  failure?: ProbeFailureId | null;
}

/** A probe failure as an id: shared/bench's FailureKind and the HTTP status when there was one. */
export interface ProbeFailureId {
  kind: string;
  status: number | null;
}

/** 'none': a node that is never probed (go, off, the GONOPROXY step, the checksum database). */
export type HealthTone = 'healthy' | 'slow' | 'failing' | 'unknown' | 'none';

/** At or above this first-byte time an entry that works is shown as slow. */
export const SLOW_LATENCY_MS = 800;

export function healthTone(health: EntryHealth | undefined): HealthTone {
  if (health === undefined) return 'unknown';
  if (!health.ok) return 'failing';
  // Reachable, but "does not have <module>": never failing, not quite healthy either.
  if (health.missingModule) return 'slow';
  return health.latencyMs !== null && health.latencyMs >= SLOW_LATENCY_MS ? 'slow' : 'healthy';
}
