// The one way a test waits for something that happens on its own time (a child's output, a file,
// a server's state): poll a condition until it holds, or fail saying what never happened. Never
// a fixed sleep. Timers are taken at load, so a test that mocks timers (node:test mock.timers)
// still waits in real time here.
const realSetTimeout = globalThis.setTimeout;

export interface WaitOptions {
  /** What is awaited, for the failure message ("the watcher's ready line"). */
  what: string;
  /** Give up after this long (a bound on a hang, not a timing goal). Default 10 s. */
  timeoutMs?: number;
  /** Default 20 ms. */
  intervalMs?: number;
}

/** Resolves with the first truthy value `check` returns; rejects after timeoutMs naming `what`. */
export async function waitUntil<T>(check: () => T | null | undefined | false | Promise<T | null | undefined | false>, opts: WaitOptions): Promise<T> {
  const deadline = performance.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${opts.timeoutMs ?? 10_000} ms waiting for ${opts.what}`);
    await new Promise((resolve) => realSetTimeout(resolve, opts.intervalMs ?? 20));
  }
}
