// Every process, namespace and temp dir the benchmark makes is registered here, and undone in
// reverse order on the way out: normal end, an error, or Ctrl-C / SIGTERM (a leftover namespace or
// `watch` daemon would outlive the benchmark and disturb the next run).
type Undo = () => Promise<void> | void;

const stack: { label: string; undo: Undo }[] = [];
let running: Promise<void> | null = null;
let signalled = false;

/** Whether Ctrl-C or SIGTERM arrived (what fails after it is the cleanup's doing, not a finding). */
export function interrupted(): boolean {
  return signalled;
}

/** Registers an undo step; returns a function that runs it now (and unregisters it). */
export function onCleanup(label: string, undo: Undo): () => Promise<void> {
  const entry = { label, undo };
  stack.push(entry);
  return async () => {
    const i = stack.indexOf(entry);
    if (i < 0) return;
    stack.splice(i, 1);
    await entry.undo();
  };
}

/** Runs every registered step, last first; a failing step is reported and the rest still run. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (stack.length > 0) {
      const { label, undo } = stack.pop()!;
      try {
        await undo();
      } catch (err) {
        process.stderr.write(`  cleanup: ${label}: ${(err as Error).message}\n`);
      }
    }
    running = null;
  })();
  return running;
}

/** Ctrl-C and SIGTERM: clean up, then exit with the conventional 128 + signal number. */
export function cleanupOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      signalled = true;
      process.stderr.write(`\n  ${signal}: cleaning up\n`);
      void cleanupAll().finally(() => process.exit(code));
    });
  }
}
