// Settings and the watcher. With auto-repair on, the service embeds the watch engine (network
// changes, wake-ups, health checks, failure streaks; electron/core/watch) and restarts it when the
// policy changes. "Test now" probes each proxy of the active chain and only reports; "Repair now"
// runs one full round (probe, decide, apply when better) whether or not auto-repair is on.
// Every watcher event goes out on the stream; probes update the per-entry health, and the last
// repair or keep decision is kept in the state.
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import { redactCredentials } from '../../../shared/contract/redact.js';
import type { AppSettings, EntryHealthView, WatchEventView } from '../../../shared/contract/state.js';
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import type { WatchTrigger } from '../../../shared/repair/index.js';
import { readGoConfig } from '../goenv/read-config.js';
import { ProfileStore } from '../profiles/index.js';
import { acquireWatchLock, makeProber, WatchEngine, WatchRunningError, type InstanceLock, type ProbeCandidate, type WatchEvent } from '../watch/index.js';
import { profileStoreSource } from '../watch/profile-source.js';
import type { CommandContext, HandlerGroup, ServiceContext } from './context.js';
import { loadSettings, probeModuleOfSettings, repairSettingsOf, saveSettings } from './settings-file.js';
import { commit } from './store.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg } from '../../../shared/i18n/message.js';

type WatchKeys = 'updateSettings' | 'checkNetworkRule' | 'testNow' | 'repairNow';

export interface WatchLifecycle {
  /** Loads the settings into the state and starts the watcher if auto-repair is on. */
  start(): Promise<void>;
  /** The machine woke up (Electron's powerMonitor 'resume'): a round if auto-repair is on. */
  wake(): Promise<void>;
  stop(): Promise<void>;
  /** Re-reads settings.json and watch.json (another process wrote them); restarts the watcher if the policy changed. */
  reloadSettings(): Promise<void>;
}

export type WatchHandlers = HandlerGroup<Pick<CommandHandlers<CommandContext>, WatchKeys>, WatchLifecycle>;

export interface WatchHandlerHooks {
  /** After a repair was applied: the configuration, the profiles and the history changed. */
  afterApply(): Promise<void>;
}

export interface WatchTuning {
  /** Period of the embedded watcher's health check (default 5 minutes). */
  healthCheckMs?: number;
  /** Network poll period (default 5 s). */
  pollMs?: number;
}

/** A watcher probe reports its failure as the failure kind (electron/core/watch/probe-candidate.ts). */
function failureOf(kind: string | null): EntryHealthView['failure'] {
  return kind === null ? null : { kind, status: null };
}


export function createWatchHandlers(ctx: ServiceContext, hooks: WatchHandlerHooks, tuning: WatchTuning = {}): WatchHandlers {
  const { store } = ctx;
  // Made per use: the probe module is a setting the user may change at any time.
  const prober = (): ProbeCandidate => makeProber({ module: probeModuleOfSettings(store.getState().settings, ctx.probeModule), env: ctx.env });
  let embedded: WatchEngine | null = null;
  // One watcher per user, as for `goproxyctl watch`: two would repair over each other.
  let lock: InstanceLock | null = null;
  let stopped = false;
  let rounds = 0;
  const watchState = () => store.getState().watch;

  const recordHealth = (candidate: string, health: EntryHealthView): void => {
    commit(store, { health: { ...store.getState().health, [redactCredentials(candidate)]: health } });
  };

  const onEvent = (raw: WatchEvent): void => {
    const event = JSON.parse(redactCredentials(JSON.stringify(raw))) as WatchEventView;
    if (event.type === 'probe') recordHealth(event.candidate, { ok: event.ok, latencyMs: event.ok ? event.durationMs : null, checkedAt: Date.parse(event.at), error: event.error, failure: failureOf(event.error), source: 'probe', missingModule: event.missingModule ?? null });
    if (event.type === 'repair' || event.type === 'keep') commit(store, { watch: { ...watchState(), lastDecision: event, lastError: null } });
    if (event.type === 'error') commit(store, { watch: { ...watchState(), lastError: render('en', event.message) } });
    ctx.emit({ type: 'watch', event });
    if (event.type === 'repair') void hooks.afterApply().catch(() => undefined);
  };

  const engine = (settings: AppSettings): WatchEngine =>
    new WatchEngine({
      env: ctx.env,
      dirs: ctx.dirs,
      settings: repairSettingsOf(settings),
      profiles: profileStoreSource(() => new ProfileStore({ env: ctx.env, dirs: ctx.dirs, cwd: ctx.cwd })),
      probe: prober(),
      activeSamples: settings.autoRepair.failureThreshold,
      healthCheckMs: tuning.healthCheckMs,
      watcher: { pollMs: tuning.pollMs ?? 5_000 },
      onEvent,
      now: ctx.now,
    });

  async function halt(): Promise<void> {
    const previous = embedded;
    embedded = null;
    // The engine may still be starting: its stop() then prevents the rest and waits for the round.
    await previous?.stop();
    await lock?.release().catch(() => undefined);
    lock = null;
  }

  async function restart(settings: AppSettings): Promise<void> {
    await halt();
    if (!settings.autoRepair.enabled || stopped) return;
    try {
      lock = await acquireWatchLock(ctx.dirs.state);
    } catch (err) {
      if (!(err instanceof WatchRunningError)) throw err;
      commit(store, { watch: { ...watchState(), lastError: `auto-repair is not running here: ${err.message}` } });
      return;
    }
    embedded = engine(settings);
    // start() runs a first round; its failures are reported as watcher events, never thrown here.
    void embedded.start().catch((err: unknown) => onEvent({ type: 'error', at: new Date(ctx.now()).toISOString(), message: msg('ops.watch.failed', { error: (err as Error).message }) }));
  }

  async function round(trigger: WatchTrigger): Promise<WatchEventView | null> {
    const settings = store.getState().settings;
    const runner = embedded ?? engine(settings);
    rounds++;
    commit(store, { watch: { ...watchState(), running: true } });
    const before = watchState().lastDecision;
    try {
      await runner.round(trigger);
      const after = watchState().lastDecision;
      return after !== before ? after : null;
    } catch (err) {
      const message = redactCredentials((err as Error).message);
      commit(store, { watch: { ...watchState(), lastError: message } });
      throw new ContractError('failed', message);
    } finally {
      rounds--;
      commit(store, { watch: { ...watchState(), running: rounds > 0 } });
    }
  }

  const lifecycle: WatchLifecycle = {
    async start() {
      const settings = await loadSettings(ctx.dirs.config);
      const launchAtLogin = ctx.loginItem ? await ctx.loginItem.isEnabled().catch(() => settings.launchAtLogin) : settings.launchAtLogin;
      commit(store, { settings: { ...settings, launchAtLogin } });
      await restart(store.getState().settings);
    },

    async wake() {
      if (embedded) await round('wake');
    },

    async reloadSettings() {
      const previous = store.getState().settings;
      const loaded = await loadSettings(ctx.dirs.config);
      // Launch at login is the platform's, not the file's: keep what the state already knows.
      const next = { ...loaded, launchAtLogin: previous.launchAtLogin };
      if (JSON.stringify(next) === JSON.stringify(previous)) return;
      commit(store, { settings: next });
      if (JSON.stringify(previous.autoRepair) !== JSON.stringify(next.autoRepair)) await restart(next);
    },

    async stop() {
      stopped = true;
      await halt();
    },
  };

  const handlers: WatchHandlers['handlers'] = {
    async updateSettings(request) {
      const previous = store.getState().settings;
      const next = request.settings;
      if (next.launchAtLogin !== previous.launchAtLogin) {
        if (!ctx.loginItem) throw ContractError.saying('bad-request', msg('ops.service.no-login-item'));
        await ctx.loginItem.setEnabled(next.launchAtLogin);
      }
      await saveSettings(ctx.dirs.config, next);
      commit(store, { settings: next });
      if (JSON.stringify(previous.autoRepair) !== JSON.stringify(next.autoRepair) || previous.probeModule !== next.probeModule) await restart(next);
      return next;
    },

    // The schema already ran networkRuleProblem; reaching here means the rule is fine.
    checkNetworkRule: () => Promise.resolve({ problem: null }),

    async testNow(_request, cc) {
      const config = await readGoConfig(ctx.env, { signal: cc.signal });
      const parsed = parseGoproxy(config.effective.GOPROXY.value);
      if (!parsed.ok) throw ContractError.saying('failed', msg('ops.service.goproxy-rejected', { error: redactCredentials(parsed.error) }));
      const proxies = parsed.value.entries.flatMap((e) => (e.kind === 'proxy' ? [e.url] : []));
      if (proxies.length === 0) throw ContractError.saying('bad-request', msg('ops.service.nothing-to-test'));
      commit(store, { watch: { ...watchState(), running: true } });
      rounds++;
      try {
        const probe = prober();
        const results = await Promise.all(proxies.map((p) => probe(p, cc.signal)));
        const at = ctx.now();
        const tested: Record<string, EntryHealthView> = {};
        for (const r of results) {
          const health: EntryHealthView = { ok: r.ok, latencyMs: r.ok ? r.durationMs : null, checkedAt: at, error: r.error, failure: failureOf(r.error), source: 'probe', missingModule: r.missingModule };
          tested[redactCredentials(r.candidate)] = health;
          ctx.emit({ type: 'watch', event: { type: 'probe', at: new Date(at).toISOString(), candidate: redactCredentials(r.candidate), ok: r.ok, score: r.score, durationMs: r.durationMs, error: r.error, missingModule: r.missingModule } });
        }
        commit(store, { health: { ...store.getState().health, ...tested } });
        return tested;
      } finally {
        rounds--;
        commit(store, { watch: { ...watchState(), running: rounds > 0 } });
      }
    },

    repairNow: () => round('start'),
  };
  return { handlers, lifecycle };
}
