// Keeps subscribed profiles fresh while the daemon runs: each subscription has its own interval
// (refreshDue decides), so this only wakes up often enough to notice one falling due.
// A failed refresh keeps the old profiles (the store validates before it replaces anything).
import type { RefreshResult } from '../profiles/index.js';

export interface SubscriptionSource {
  refresh(opts: { onlyDue: boolean; signal?: AbortSignal }): Promise<RefreshResult[]>;
}

export interface SubscriptionRefreshReport {
  refreshed: { source: string; profileIds: string[] }[];
  failed: { source: string; error: string }[];
}

/** What a round of refreshes did, leaving out the subscriptions that were not due. */
export function summarizeRefresh(results: readonly RefreshResult[]): SubscriptionRefreshReport {
  const done = results.filter((r) => !r.skipped);
  return {
    refreshed: done.filter((r) => r.ok).map((r) => ({ source: r.source, profileIds: r.profileIds })),
    failed: done.filter((r) => !r.ok).map((r) => ({ source: r.source, error: r.error ?? 'unknown error' })),
  };
}

/**
 * Refreshes due subscriptions now and then every `checkEveryMs` until `signal` aborts. Reports
 * only rounds that did something. Returns a function that stops the timer.
 */
export function startSubscriptionRefresh(
  source: SubscriptionSource,
  opts: { checkEveryMs: number; signal: AbortSignal; onReport: (r: SubscriptionRefreshReport) => void; onError: (e: Error) => void },
): () => void {
  let running = false;
  const round = async (): Promise<void> => {
    if (running || opts.signal.aborted) return;
    running = true;
    try {
      const report = summarizeRefresh(await source.refresh({ onlyDue: true, signal: opts.signal }));
      if (report.refreshed.length + report.failed.length > 0) opts.onReport(report);
    } catch (err) {
      if (!opts.signal.aborted) opts.onError(err as Error);
    } finally {
      running = false;
    }
  };
  // round() reports every failure through opts.onError itself: it never rejects.
  void round();
  const timer = setInterval(() => void round(), opts.checkEveryMs);
  timer.unref();
  const stop = (): void => clearInterval(timer);
  opts.signal.addEventListener('abort', stop, { once: true });
  return stop;
}
