// Subscriptions: a team publishes a profile document at a URL or in a shared file; goproxyctl
// refreshes it on demand and on a schedule. The schedule decision is pure.
import type { Message } from '../i18n/message.js';

export interface Subscription {
  /** http(s) URL or absolute file path. */
  source: string;
  /** Seconds between automatic refreshes. */
  intervalSeconds: number;
  /** ISO time of the last attempt, successful or not; null before the first. */
  lastAttempt: string | null;
  lastSuccess: string | null;
  /** The last failure, one sentence (English); null after a success. */
  lastError: string | null;
  /** The same failure as a message, for each front end's language (absent in stores written before it existed). */
  lastErrorMessage?: Message | null;
  /** Ids of the profiles this subscription provided at its last successful refresh. */
  profileIds: string[];
  /** 'keychain': the URL had a user:password, kept in the OS keychain (never in this record). */
  credential?: 'keychain';
}

export const DEFAULT_REFRESH_SECONDS = 24 * 60 * 60;
/** After a failure, retry sooner than the full interval, but not in a tight loop. */
export const RETRY_AFTER_FAILURE_SECONDS = 60 * 60;

/** Whether the subscription should be refreshed at `now`. */
export function refreshDue(sub: Subscription, now: Date): boolean {
  if (sub.lastAttempt === null) return true;
  const last = Date.parse(sub.lastAttempt);
  if (Number.isNaN(last) || last > now.getTime()) return true; // clock moved back or a damaged store
  const wait = sub.lastError === null ? sub.intervalSeconds : Math.min(sub.intervalSeconds, RETRY_AFTER_FAILURE_SECONDS);
  return now.getTime() - last >= wait * 1000;
}
