// What the relay remembers about one upstream: its recent connect and first-byte times (for the
// adaptive deadlines and the hedging delay) and whether it just failed at the network level (the
// cool-down). Pure: the clock is passed in, so tests drive it without sleeping.

/** Bounds of the adaptive deadlines, in ms. */
export interface DeadlinePolicy {
  /** Recent samples kept per upstream. */
  window: number;
  /** Fewer samples than this: the defaults apply. */
  minSamples: number;
  /** deadline = clamp(multiplier × p90, floor, ceiling). */
  multiplier: number;
  connect: { floorMs: number; ceilingMs: number; defaultMs: number };
  firstByte: { floorMs: number; ceilingMs: number; defaultMs: number };
  /** No body byte for this long: the transfer has stalled. */
  bodyIdleMs: number;
  hedge: { floorMs: number; ceilingMs: number; defaultMs: number };
  coolDown: { firstMs: number; maxMs: number };
  /** Hedges lost in a row without even a response head: the upstream is treated as silent. */
  silentAfterLosses: number;
}

// go itself dials for 30 s and then waits for an answer forever (net/http without a
// ResponseHeaderTimeout; cmd/go/internal/web/http.go). The relay's ceilings stay below go's dial
// timeout so a dead entry costs less than it costs go; the floors leave a slow but working
// mirror (a cold cache fetching from the origin) several seconds before it counts as failed.
export const DEFAULT_DEADLINES: DeadlinePolicy = {
  window: 64,
  minSamples: 5,
  multiplier: 4,
  connect: { floorMs: 1_500, ceilingMs: 10_000, defaultMs: 5_000 },
  firstByte: { floorMs: 4_000, ceilingMs: 30_000, defaultMs: 10_000 },
  bodyIdleMs: 30_000,
  hedge: { floorMs: 25, ceilingMs: 3_000, defaultMs: 500 },
  coolDown: { firstMs: 5_000, maxMs: 60_000 },
  silentAfterLosses: 3,
};

export type HealthState = 'healthy' | 'cooling';

export interface HealthSnapshot {
  url: string;
  state: HealthState;
  coolUntil: number | null;
  consecutiveFailures: number;
  connectP90Ms: number | null;
  firstByteP90Ms: number | null;
  requests: number;
  failures: number;
}

export class UpstreamHealth {
  private readonly connectMs: number[] = [];
  private readonly firstByteMs: number[] = [];
  private coolUntil: number | null = null;
  private consecutiveFailures = 0;
  private silentLosses = 0;
  private requests = 0;
  private failures = 0;

  constructor(readonly url: string, private readonly policy: DeadlinePolicy = DEFAULT_DEADLINES) {}

  recordConnect(ms: number): void {
    push(this.connectMs, ms, this.policy.window);
  }

  /** An HTTP answer arrived (any status): the upstream is reachable. */
  recordAnswer(firstByteMs: number): void {
    this.requests++;
    push(this.firstByteMs, firstByteMs, this.policy.window);
    this.consecutiveFailures = 0;
    this.silentLosses = 0;
    this.coolUntil = null;
  }

  /**
   * Another member of its '|' run answered first while this one had not even sent a response
   * head. A few in a row and it is treated as silent (a network failure): skipped for a cool-down
   * instead of costing every request a hedging delay. Returns true when it starts cooling down.
   */
  recordSilentLoss(now: number): boolean {
    this.silentLosses++;
    if (this.silentLosses < this.policy.silentAfterLosses) return false;
    this.silentLosses = 0;
    this.recordNetworkFailure(now);
    return true;
  }

  /** A network-level failure (refused, reset, deadline): the upstream cools down. */
  recordNetworkFailure(now: number): void {
    this.requests++;
    this.failures++;
    this.consecutiveFailures++;
    const { firstMs, maxMs } = this.policy.coolDown;
    const period = Math.min(maxMs, firstMs * 2 ** Math.min(16, this.consecutiveFailures - 1));
    this.coolUntil = now + period;
  }

  /** An HTTP error status: path-specific (a 502 on .info says nothing about .mod), so no cool-down. */
  recordHttpFailure(firstByteMs: number): void {
    this.recordAnswer(firstByteMs);
    this.failures++;
  }

  isCooling(now: number): boolean {
    return this.coolUntil !== null && now < this.coolUntil;
  }

  /** When the background re-probe is due, or null when the upstream is not cooling. */
  get reprobeAt(): number | null {
    return this.coolUntil;
  }

  connectDeadlineMs(): number {
    return this.deadline(this.connectMs, this.policy.connect);
  }

  firstByteDeadlineMs(): number {
    return this.deadline(this.firstByteMs, this.policy.firstByte);
  }

  /** How long to wait for this upstream's answer before starting the next one of a '|' run. */
  hedgeDelayMs(): number {
    const { floorMs, ceilingMs, defaultMs } = this.policy.hedge;
    const p = this.firstByteMs.length >= this.policy.minSamples ? percentile(this.firstByteMs, 0.9) : null;
    return p === null ? defaultMs : clamp(p, floorMs, ceilingMs);
  }

  snapshot(now: number): HealthSnapshot {
    return {
      url: this.url,
      state: this.isCooling(now) ? 'cooling' : 'healthy',
      coolUntil: this.isCooling(now) ? this.coolUntil : null,
      consecutiveFailures: this.consecutiveFailures,
      connectP90Ms: percentile(this.connectMs, 0.9),
      firstByteP90Ms: percentile(this.firstByteMs, 0.9),
      requests: this.requests,
      failures: this.failures,
    };
  }

  private deadline(samples: readonly number[], bounds: { floorMs: number; ceilingMs: number; defaultMs: number }): number {
    if (samples.length < this.policy.minSamples) return bounds.defaultMs;
    return clamp(this.policy.multiplier * (percentile(samples, 0.9) ?? bounds.defaultMs), bounds.floorMs, bounds.ceilingMs);
  }
}

/** Nearest-rank percentile; null for no samples. */
export function percentile(samples: readonly number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? null;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function push(ring: number[], value: number, max: number): void {
  if (!Number.isFinite(value) || value < 0) return;
  ring.push(value);
  if (ring.length > max) ring.shift();
}
