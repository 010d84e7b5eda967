// Passive measurement: every upstream request the relay makes for go becomes a record in the
// latency history (electron/core/history), marked as real traffic, so the History view shows what
// go actually experienced. Records are batched (one append every few seconds) and written without
// an fsync per line: losing the last seconds of samples on a power cut is acceptable, a disk
// write per go request is not.
import type { FailureKind } from '../../../shared/bench/types.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { HistoryStore, type HistoryRecord } from '../history/index.js';

export interface TrafficSample {
  time: number;
  upstream: string;
  /** The upstream gave an HTTP answer that is not an error (200, or 404/410: "not here"). */
  ok: boolean;
  firstByteMs: number | null;
  totalMs: number;
  bytes: number;
  errorKind: FailureKind | null;
}

export function recordOfTraffic(s: TrafficSample): HistoryRecord {
  const transferMs = s.firstByteMs !== null ? s.totalMs - s.firstByteMs : null;
  return {
    time: s.time,
    candidate: s.upstream,
    source: 'traffic',
    ok: s.ok,
    ttfbMedianMs: s.firstByteMs,
    ttfbP90Ms: s.firstByteMs,
    totalMs: s.ok ? s.totalMs : null,
    // Below ~16 KB the transfer time is noise, not throughput.
    throughputBytesPerSec: s.ok && transferMs !== null && transferMs > 0 && s.bytes >= 16 << 10 ? (s.bytes * 1000) / transferMs : null,
    errorKind: s.ok ? null : s.errorKind,
  };
}

export class TrafficHistory {
  private pending: HistoryRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private store: Promise<HistoryStore> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  /** onError gets the sentence in English (for logs) and as a message, for a front end that renders it. */
  constructor(private readonly dir: string, private readonly onError: (message: string, said: Message) => void, private readonly flushEveryMs = 5_000) {}

  add(sample: TrafficSample): void {
    this.pending.push(recordOfTraffic(sample));
    // flush() reports write errors through onError and never rejects.
    if (this.pending.length >= 500) void this.flush();
    else if (this.timer === null) {
      this.timer = setTimeout(() => void this.flush(), this.flushEveryMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending; resolves when written (errors are reported, never thrown). */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      try {
        this.store ??= HistoryStore.open(this.dir, { durable: false });
        await (await this.store).append(batch);
      } catch (err) {
        this.store = null;
        const said = msg('relay.error.history-write', { count: batch.length, dir: this.dir, error: (err as Error).message });
        this.onError(render('en', said), said);
      }
    });
    return this.flushing;
  }
}
