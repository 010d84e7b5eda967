// Child processes the benchmark owns: spawned, their stdout read as JSON lines stamped with the
// time they arrived, and stopped (SIGTERM, then SIGKILL after a grace period) by the cleanup.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { onCleanup } from './cleanup.js';

export interface Line<T> {
  /** performance.now() when the line was read. */
  t: number;
  value: T;
}

export interface OwnedChild<T> {
  child: ChildProcess;
  lines: Line<T>[];
  /** Stops the child now (idempotent); the cleanup does the same. */
  stop(): Promise<void>;
  /** Resolves with the first line (from index `from`) that satisfies pred, or rejects after ms. */
  waitFor(pred: (v: T) => boolean, ms: number, from?: number): Promise<Line<T>>;
}

export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function spawnOwned<T>(label: string, cmd: string, args: string[], opts: SpawnOptions): OwnedChild<T> {
  const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Line<T>[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4_000);
  });
  createInterface({ input: child.stdout }).on('line', (l) => {
    try {
      lines.push({ t: performance.now(), value: JSON.parse(l) as T });
    } catch {
      process.stderr.write(`  ${label}: ${l}\n`);
    }
  });
  const stop = onCleanup(`stop ${label} (pid ${child.pid})`, () => stopChild(child));
  const waitFor = (pred: (v: T) => boolean, ms: number, from = 0): Promise<Line<T>> =>
    new Promise((resolve, reject) => {
      const deadline = performance.now() + ms;
      const tick = (): void => {
        const hit = lines.slice(from).find((l) => pred(l.value));
        if (hit) return resolve(hit);
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${label} exited (${child.exitCode ?? child.signalCode}): ${stderr.trim()}`));
        if (performance.now() > deadline) return reject(new Error(`${label}: nothing expected within ${ms} ms; stderr: ${stderr.trim() || '(empty)'}`));
        setTimeout(tick, 5);
      };
      tick();
    });
  return { child, lines, stop, waitFor };
}
