// Watches for network changes and wake-ups. Sources, all feeding one debounced check:
//   - Linux: a long-running `ip -o monitor address route link` child (netlink, instant); when `ip`
//     is missing or dies, polling takes over.
//   - Polling (every platform; the only source on Windows and the fallback elsewhere): reads the
//     fingerprint every `pollMs`.
//   - A wall-clock jump (the machine slept): reported as 'wake' even when the fingerprint is the same.
// A check reads the fingerprint and reports a change only when its key differs from the last one.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describeNetworkChange, fingerprintKey, type NetworkFingerprint } from '../../../shared/repair/fingerprint.js';
import type { Message } from '../../../shared/i18n/message.js';
import { parseIpMonitorLine } from './parsers.js';
import { readFingerprint, systemReaders, type FingerprintReaders } from './read-fingerprint.js';
import { SerialQueue } from '../system/serial-queue.js';

export interface NetworkChange {
  kind: 'network-change' | 'wake';
  fingerprint: NetworkFingerprint;
  changes: Message[];
}

/** The two clocks a sleep shows between: injected so tests drive them (with node:test's mock.timers for the timers). */
export interface WatcherClock {
  /** Wall-clock milliseconds (Date.now). */
  wall(): number;
  /** Monotonic milliseconds (performance.now): does not advance while the machine sleeps. */
  monotonic(): number;
}

export const SYSTEM_CLOCK: WatcherClock = { wall: () => Date.now(), monotonic: () => performance.now() };

/** One look at the network, changed or not. */
export interface NetworkCheck {
  /** Wall-clock time the fingerprint was read at: a check started after an event has seen it. */
  startedAt: number;
  changed: boolean;
}

export interface NetworkWatcherOptions {
  readers?: FingerprintReaders;
  clock?: WatcherClock;
  debounceMs?: number;
  pollMs?: number;
  /** How far the wall clock may run ahead of the monotonic clock before it counts as a sleep. */
  clockJumpMs?: number;
  /** Use `ip monitor` on Linux (default true). */
  ipMonitor?: boolean;
  onChange(change: NetworkChange): void;
  /** After every check, a change or not (diagnostics; tests synchronise on it instead of sleeping). */
  onCheck?(check: NetworkCheck): void;
  onError?(err: Error): void;
}

/** Whether the wall clock moved more than the monotonic one by more than `thresholdMs` (a suspend). */
export function isClockJump(wallDeltaMs: number, monoDeltaMs: number, thresholdMs: number): boolean {
  return Math.abs(wallDeltaMs - monoDeltaMs) > thresholdMs;
}

export class NetworkWatcher {
  private last: NetworkFingerprint | null = null;
  private timer: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private child: ChildProcess | null = null;
  private wake = false;
  private stopped = false;
  /** Checks run one at a time, in order: each compares against the fingerprint the last one saw. */
  private readonly checks = new SerialQueue();
  private readonly readers: FingerprintReaders;
  private readonly clock: WatcherClock;

  constructor(private readonly opts: NetworkWatcherOptions) {
    this.readers = opts.readers ?? systemReaders;
    this.clock = opts.clock ?? SYSTEM_CLOCK;
  }

  /** Reads the starting fingerprint (no event) and starts every source. */
  async start(): Promise<NetworkFingerprint> {
    this.last = await readFingerprint(this.readers);
    // Stopped while reading: start no source (a poller or an `ip` child would outlive stop()).
    if (this.stopped) return this.last;
    const pollMs = this.opts.pollMs ?? 5_000;
    let wall = this.clock.wall();
    let mono = this.clock.monotonic();
    this.poller = setInterval(() => {
      const w = this.clock.wall();
      const m = this.clock.monotonic();
      if (isClockJump(w - wall, m - mono, this.opts.clockJumpMs ?? 30_000)) this.wake = true;
      wall = w;
      mono = m;
      // The poll is already periodic: it checks at once. Going through the debounce would let a
      // poll period shorter than the debounce postpone every check, kernel events' included.
      this.checkNow();
    }, pollMs);
    this.poller.unref?.();
    if (this.readers.platform === 'linux' && this.opts.ipMonitor !== false) this.startIpMonitor();
    return this.last;
  }

  /** The child's pid while `ip monitor` runs (tests check it is gone after stop). */
  get monitorPid(): number | null {
    return this.child?.pid ?? null;
  }

  private startIpMonitor(): void {
    const child = spawn('ip', ['-o', 'monitor', 'address', 'route', 'link'], { stdio: ['ignore', 'pipe', 'ignore'] });
    this.child = child;
    child.on('error', () => {
      this.child = null; // no `ip`: polling alone
    });
    child.on('exit', () => {
      if (this.child === child) this.child = null;
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (parseIpMonitorLine(line)) this.schedule();
    });
  }

  /** Debounce: a burst of kernel events (an address, its routes, a link) makes one check. */
  schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.checkNow();
    }, this.opts.debounceMs ?? 1_000);
  }

  private checkNow(): void {
    if (this.stopped) return;
    this.checks.run(() => this.check()).catch((err: unknown) => this.opts.onError?.(err as Error));
  }

  /** Resolves once the checks started so far have finished. */
  whenIdle(): Promise<void> {
    return this.checks.idle();
  }

  private async check(): Promise<void> {
    if (this.stopped) return;
    const startedAt = this.clock.wall();
    const now = await readFingerprint(this.readers);
    const changed = this.last === null || fingerprintKey(now) !== fingerprintKey(this.last);
    const wake = this.wake;
    this.wake = false;
    if (!this.stopped) this.opts.onCheck?.({ startedAt, changed });
    if (!changed && !wake) return;
    const changes = describeNetworkChange(this.last, now);
    this.last = now;
    if (!this.stopped) this.opts.onChange({ kind: changed ? 'network-change' : 'wake', fingerprint: now, changes });
  }

  get fingerprint(): NetworkFingerprint | null {
    return this.last;
  }

  /** Stops every source; resolves once the `ip` child has exited. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    await this.checks.idle();
  }
}
