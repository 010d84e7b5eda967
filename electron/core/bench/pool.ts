// A fixed number of workers draining a queue: the benchmark's concurrency cap. Items not yet
// started when the signal aborts are never started.

/** Runs `work` on every item, at most `limit` at a time; resolves when all started ones finish. */
export async function runPool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
  await Promise.all(workers);
}
