// Network change -> repaired configuration written, repeated. Before each repeat the go env file
// is put back to the user's chain (the black-holed proxy first), as if they had edited it; then the
// network changes and the clock runs from the change command to (a) the watcher's network-change
// event, (b) its repair event, (c) the go env file's content changing (polled every 5 ms). The
// probe round of that repair is read from its probe events: the active entry's samples (in
// parallel) and then the alternatives (in parallel), so "2 s + one probe round" can be judged.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { WatchEvent } from '../../../electron/core/watch/index.js';
import type { Line } from './children.js';

export interface RepairTiming {
  detectedMs: number;
  repairEventMs: number;
  writtenMs: number;
  /** Slowest probe of the active entry's samples (they run in parallel). */
  activeProbeMs: number;
  /** Slowest probe of the alternatives (in parallel, after the active samples). */
  alternativesProbeMs: number;
  goproxyAfter: string;
}

export interface RepairRun {
  repeats: number;
  envFile: string;
  original: string;
  /** The watcher's events as they arrive, stamped with performance.now(). */
  events: Line<WatchEvent>[];
  /** The black-holed proxy the user's chain starts with. */
  deadUrl: string;
  /** Performs the i-th network change; the clock starts just before it is called. */
  change(i: number): Promise<void>;
  /** Gives up on one repeat after this long. */
  timeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, ms: number, get: () => T | undefined): Promise<{ t: number; value: T }> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return { t: performance.now(), value };
    if (performance.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await sleep(5);
  }
}

/** The probe events of one round: those after the network change and before its repair. */
export function probeRound(events: readonly WatchEvent[], deadUrl: string): { activeMs: number; alternativesMs: number } {
  const probes = events.filter((e): e is Extract<WatchEvent, { type: 'probe' }> => e.type === 'probe');
  const max = (xs: number[]): number => (xs.length ? Math.max(...xs) : 0);
  return { activeMs: max(probes.filter((p) => p.candidate === deadUrl).map((p) => p.durationMs)), alternativesMs: max(probes.filter((p) => p.candidate !== deadUrl).map((p) => p.durationMs)) };
}

export async function timeRepairs(run: RepairRun): Promise<RepairTiming[]> {
  const timeoutMs = run.timeoutMs ?? 90_000;
  const timings: RepairTiming[] = [];
  for (let i = 0; i < run.repeats; i++) {
    writeFileSync(run.envFile, run.original);
    await sleep(1_500); // quiet: nothing pending in the watcher before the clock starts
    const from = run.events.length;
    const since = (): WatchEvent[] => run.events.slice(from).map((l) => l.value);
    const t0 = performance.now();
    await run.change(i);
    const [written, decided] = await Promise.all([
      until('write of the go env file', timeoutMs, () => (readFileSync(run.envFile, 'utf8') !== run.original ? true : undefined)),
      until('repair or keep event', timeoutMs, () => run.events.slice(from).find((l) => l.value.type === 'repair' || l.value.type === 'keep' || l.value.type === 'error')),
    ]).catch((err: Error) => {
      throw new Error(`repeat ${i + 1}: ${err.message}; events: ${JSON.stringify(since())}`);
    });
    const decision = decided.value.value;
    if (decision.type !== 'repair') throw new Error(`repeat ${i + 1}: expected a repair, got ${JSON.stringify(decision)}`);
    const detected = run.events.slice(from).find((l) => l.value.type === 'network-change');
    const round = probeRound(since().slice(0, since().indexOf(decision)), run.deadUrl);
    timings.push({
      detectedMs: (detected?.t ?? NaN) - t0,
      repairEventMs: decided.value.t - t0,
      writtenMs: written.t - t0,
      activeProbeMs: round.activeMs,
      alternativesProbeMs: round.alternativesMs,
      goproxyAfter: decision.to.goproxy,
    });
    const last = timings.at(-1)!;
    process.stderr.write(`  repeat ${i + 1}: change seen ${last.detectedMs.toFixed(0)} ms, written ${last.writtenMs.toFixed(0)} ms (probes ${last.activeProbeMs} + ${last.alternativesProbeMs} ms)\n`);
  }
  return timings;
}
