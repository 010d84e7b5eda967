// The watch engine: one round = read the configuration, probe what the decision needs, decide,
// apply through the apply engine (same backups, undo and writers' lock as `goproxyctl use`),
// record and report every step as an event. `start()` runs rounds on network changes, wake-ups,
// a slow health check of the active entry, and the failure streak; `round()` runs one (--once).
import { afterDecision, reconcileChoice, stateFor, type WatchMemory } from '../../../shared/repair/choice.js';
import { decideRepair, nextFailureStreak, type RepairDecision, type RepairProfile, type RepairSettings } from '../../../shared/repair/decide.js';
import { fingerprintKey, type NetworkFingerprint } from '../../../shared/repair/fingerprint.js';
import { activeCandidate, alternativesToProbe, needsAlternatives, type WatchTrigger } from '../../../shared/repair/probe-plan.js';
import type { CandidateHealth } from '../../../shared/repair/chain-order.js';
import { commitApply, planApply, productDirs, type GoVars, type ProductDirs, type ShellName } from '../apply/index.js';
import { readGoConfig } from '../goenv/read-config.js';
import { appendEventLog, type WatchEvent } from './events.js';
import { loadMemory, saveMemory } from './memory-file.js';
import { NetworkWatcher, SYSTEM_CLOCK, type NetworkWatcherOptions, type WatcherClock } from './network-watcher.js';
import type { HealthProbe, ProbeCandidate } from './probe-candidate.js';
import { SerialQueue } from '../system/serial-queue.js';
import { msg } from '../../../shared/i18n/message.js';

/** Profiles as plain data, from wherever they are stored (electron/core/profiles in the product). */
export interface WatchProfileSource {
  list(): Promise<RepairProfile[]>;
  /** The active profile's id, or null when the chain is not a profile's. */
  active(): Promise<string | null>;
  /** Every Go variable the profile sets (GOPROXY, GOSUMDB, GOPRIVATE ...). */
  goVars(id: string): Promise<GoVars>;
  /** Records the switch, so the tray and the dashboard show the new profile. */
  setActive?(id: string): Promise<void>;
}

export const NO_PROFILES: WatchProfileSource = {
  list: () => Promise.resolve([]),
  active: () => Promise.resolve(null),
  goVars: (id) => Promise.reject(new Error(`no profile "${id}"`)),
};

export interface WatchEngineOptions {
  env: NodeJS.ProcessEnv;
  settings: RepairSettings;
  probe: ProbeCandidate;
  profiles?: WatchProfileSource;
  dirs?: ProductDirs;
  /** undefined: find go on PATH; null: no go (the go env file is located without it). */
  goBinary?: string | null;
  shells?: readonly ShellName[];
  /** Probes of the active entry per round after a network change or wake (in parallel); default 1. */
  activeSamples?: number;
  /** Period of the health check of the active entry; 0 disables it. Default 5 minutes. */
  healthCheckMs?: number;
  /** After a failed probe of the active entry, the next one comes this soon (the failure trigger). Default 30 s. */
  failureRetryMs?: number;
  onEvent(event: WatchEvent): void;
  /** Wall-clock time for timestamps and memory; default clock.wall. */
  now?: () => number;
  /** The clocks (the network watcher's too); the timers are setTimeout/setInterval, which tests drive with mock.timers. */
  clock?: WatcherClock;
  signal?: AbortSignal;
  watcher?: Omit<NetworkWatcherOptions, 'onChange' | 'onError'>;
}

export class WatchEngine {
  private readonly dirs: ProductDirs;
  private readonly profiles: WatchProfileSource;
  private readonly now: () => number;
  private network: NetworkFingerprint | null = null;
  private watcher: NetworkWatcher | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private running = false;
  private streak = 0;
  /** Rounds run one at a time: a network change during a round waits for it. */
  private readonly rounds = new SerialQueue();

  constructor(private readonly opts: WatchEngineOptions) {
    this.dirs = opts.dirs ?? productDirs(opts.env);
    this.profiles = opts.profiles ?? NO_PROFILES;
    const clock = opts.clock ?? SYSTEM_CLOCK;
    this.now = opts.now ?? (() => clock.wall());
  }

  private async emit(event: WatchEvent): Promise<void> {
    this.opts.onEvent(event);
    await appendEventLog(this.dirs.data, event).catch(() => undefined); // the log is a convenience, never a reason to stop
  }

  private at(): string {
    return new Date(this.now()).toISOString();
  }

  /** Sets the network the next round decides on (rounds from start() set it themselves). */
  setNetwork(fp: NetworkFingerprint | null): void {
    this.network = fp;
  }

  /** One round, queued behind any round in progress. */
  round(trigger: WatchTrigger): Promise<RepairDecision> {
    return this.rounds.run(() => this.runRound(trigger));
  }

  /** Resolves once the rounds queued so far have finished. */
  idle(): Promise<void> {
    return this.rounds.idle();
  }

  private async probeAll(candidates: readonly string[], signal?: AbortSignal): Promise<CandidateHealth[]> {
    return this.report(await Promise.all(candidates.map((c) => this.opts.probe(c, signal))));
  }

  private async report(results: HealthProbe[]): Promise<HealthProbe[]> {
    for (const r of results) await this.emit({ type: 'probe', at: this.at(), candidate: r.candidate, ok: r.ok, score: r.score, durationMs: r.durationMs, error: r.error, missingModule: r.missingModule });
    return results;
  }

  /** Probes started now, reported later or cancelled (a rejection surfaces where `results` is awaited). */
  private probeEarly(candidates: readonly string[], signal?: AbortSignal): { results: Promise<HealthProbe[]>; cancel(): void } {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const results = Promise.all(candidates.map((c) => this.opts.probe(c, controller.signal))).finally(() => signal?.removeEventListener('abort', onAbort));
    results.catch(() => undefined);
    return { results, cancel: () => controller.abort(new Error('not needed this round')) };
  }

  private async runRound(trigger: WatchTrigger): Promise<RepairDecision> {
    const signal = this.opts.signal;
    const config = await readGoConfig(this.opts.env, { goBinary: this.opts.goBinary, signal });
    const goproxy = config.effective.GOPROXY.value;
    const [profiles, activeProfile] = await Promise.all([this.profiles.list(), this.profiles.active()]);
    const networkKey = this.network ? fingerprintKey(this.network) : null;
    let memory: WatchMemory = reconcileChoice(await loadMemory(this.dirs.state), { profile: activeProfile, goproxy }, this.now(), networkKey);

    const health: CandidateHealth[] = [];
    const active = activeCandidate(memory);
    let activeFailed = false;
    // The alternatives are probed alongside the active entry whenever they are likely to be
    // needed, so a dead active entry costs one probe deadline, not two in a row; if the active
    // entry turns out fine and they are not needed after all, they are cancelled and ignored.
    const alternatives = alternativesToProbe(memory, profiles, this.opts.settings, this.network);
    const early = active !== null && (needsAlternatives(trigger, false) || trigger === 'failures') ? this.probeEarly(alternatives, signal) : null;
    if (active !== null) {
      const samples = trigger === 'health-check' || trigger === 'failures' ? 1 : Math.max(1, this.opts.activeSamples ?? 1);
      const results = await this.probeAll(Array.from({ length: samples }, () => active), signal).catch((err: unknown) => {
        early?.cancel();
        throw err;
      });
      activeFailed = results.every((r) => !r.ok);
      memory = { ...memory, activeFailures: nextFailureStreak(memory.activeFailures, results.map((r) => r.ok)) };
      health.push(results.find((r) => r.ok) ?? (results[0] as CandidateHealth));
    }
    if (needsAlternatives(trigger, activeFailed)) {
      health.push(...(early ? await this.report(await early.results) : await this.probeAll(alternatives, signal)));
    } else {
      early?.cancel();
      await early?.results.catch(() => undefined);
    }

    this.streak = memory.activeFailures;
    const decision = decideRepair(stateFor(memory, this.now()), { network: this.network, health, profiles }, this.opts.settings);
    if (decision.action !== 'keep') this.streak = 0;
    if (decision.action === 'keep') {
      await saveMemory(this.dirs.state, memory);
      await this.emit({ type: 'keep', at: this.at(), trigger, cause: decision.cause, reason: decision.reason });
      return decision;
    }
    const to = { profile: decision.action === 'switch-profile' ? decision.profile : memory.profile, goproxy: decision.goproxy };
    const baseVars = decision.action === 'switch-profile' ? await this.profiles.goVars(decision.profile) : {};
    const plan = await planApply({
      label: decision.action === 'switch-profile' ? `watch: use ${decision.profile}` : 'watch: reorder GOPROXY',
      vars: { ...baseVars, GOPROXY: decision.goproxy },
      env: this.opts.env,
      goBinary: this.opts.goBinary,
      dirs: this.dirs,
      shells: this.opts.shells,
    });
    if (plan.problems.length > 0) {
      await saveMemory(this.dirs.state, memory);
      await this.emit({ type: 'error', at: this.at(), message: msg('ops.watch.not-applied', { problem: plan.problems[0] ?? '' }) });
      return decision;
    }
    const record = await commitApply(plan);
    if (decision.action === 'switch-profile') await this.profiles.setActive?.(decision.profile);
    await saveMemory(this.dirs.state, afterDecision(memory, decision, this.now(), networkKey));
    await this.emit({ type: 'repair', at: this.at(), trigger, action: decision.action, cause: decision.cause, from: { profile: memory.profile, goproxy }, to, reason: decision.reason, applyId: record?.id ?? null });
    return decision;
  }

  /**
   * The failure trigger: while the active entry has failed fewer than N times in a row, probe it
   * again soon instead of at the next health check, so a dead proxy is repaired within
   * N × failureRetryMs rather than N health-check periods.
   */
  private scheduleRetry(report: (err: unknown) => void): void {
    if (!this.running || this.retryTimer || this.streak === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.round('failures')
        .then(() => this.scheduleRetry(report))
        .catch(report);
    }, this.opts.failureRetryMs ?? 30_000);
  }

  /** Runs until stop(): a first round, then a round per network change, wake-up and health check. */
  async start(): Promise<void> {
    this.running = true;
    const report = (err: unknown): void => void this.emit({ type: 'error', at: this.at(), message: msg('ops.watch.failed', { error: (err as Error).message }) });
    const after = (p: Promise<unknown>): void => {
      p.then(() => this.scheduleRetry(report)).catch(report);
    };
    this.watcher = new NetworkWatcher({
      clock: this.opts.clock,
      ...this.opts.watcher,
      onChange: (change) => {
        this.network = change.fingerprint;
        // emit() never rejects: the event reaches onEvent first, the event log is best effort.
        void this.emit({ type: 'network-change', at: this.at(), kind: change.kind, fingerprint: change.fingerprint, changes: change.changes });
        after(this.round(change.kind === 'wake' ? 'wake' : 'network-change'));
      },
      onError: report,
    });
    this.network = await this.watcher.start();
    // stop() may have been called while we waited: then nothing more may be started.
    if (!this.running) return;
    await this.round('start')
      .then(() => this.scheduleRetry(report))
      .catch(report);
    const every = this.opts.healthCheckMs ?? 5 * 60_000;
    if (every > 0 && this.running) {
      this.healthTimer = setInterval(() => {
        after(this.round('health-check'));
      }, every);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.healthTimer) clearInterval(this.healthTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.healthTimer = null;
    this.retryTimer = null;
    await this.watcher?.stop();
    this.watcher = null;
    await this.rounds.idle();
  }
}
