// `goproxyctl watch [--once] [--json]`: the headless auto-repair daemon. Probes the active chain on
// network changes, wake-ups, a slow health check and repeated failures, and repairs it through the
// apply engine (backups, undo) with the hysteresis of shared/repair/decide.ts. One per user.
import { redactUrlCredentials } from '../../core/profiles/source-credentials.js';
import { terminalSafe, terminalSafeText } from '../../../shared/util/terminal-safe.js';
import { DEFAULT_PROBE_MODULE, formatModule } from '../../../shared/bench/probe-module.js';
import { productDirs } from '../../core/apply/index.js';
import { ProfileStore } from '../../core/profiles/index.js';
import { readWatchPolicy } from '../../core/service/settings-file.js';
import type { RepairSettings } from '../../../shared/repair/index.js';
import { profileStoreSource } from '../../core/watch/profile-source.js';
import { startSubscriptionRefresh, type SubscriptionRefreshReport } from '../../core/watch/subscription-refresh.js';
import { defaultHistoryDir } from '../../core/history/index.js';
import { storedCredentials, type CredentialLookup } from '../../core/bench/credentials.js';
import { defaultRelayCacheDir, describeSupervisorEvent, superviseRelay, TrafficHistory, type RelaySupervisor } from '../../core/relay/index.js';
import { acquireWatchLock, makeProber, readFingerprint, WatchEngine, WatchRunningError, type WatchEvent } from '../../core/watch/index.js';
import { EXIT, UsageError, type CliCommand, type CliIo, type FlagValue, type ParsedArgs } from '../command.js';
import { probeModuleFor } from '../probe-module-flag.js';




function positiveMs(value: FlagValue, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} wants a number of seconds, not "${String(value)}"`);
  return Math.round(n * 1000);
}

function human(e: WatchEvent): string | null {
  switch (e.type) {
    case 'network-change':
      return `${e.at} ${e.kind === 'wake' ? 'woke up' : 'network changed'}${e.changes.length ? `: ${e.changes.join('; ')}` : ''}`;
    case 'probe':
      return `${e.at} probe ${e.candidate}: ${e.missingModule ? `reachable, does not have ${e.missingModule}` : e.ok ? `ok, score ${e.score}` : `failed (${e.error})`} in ${e.durationMs} ms`;
    case 'repair':
      return `${e.at} repaired: GOPROXY=${e.to.goproxy}${e.to.profile ? ` (profile ${e.to.profile})` : ''}. ${e.reason} Undo with \`goproxyctl undo\`.`;
    case 'keep':
      return `${e.at} kept: ${e.reason}`;
    case 'error':
      return `${e.at} error: ${e.message}`;
  }
}

/** How often the daemon looks for a subscription that fell due (each has its own interval). */
const SUBSCRIPTION_CHECK_MS = 15 * 60_000;

function humanRefresh(r: SubscriptionRefreshReport): string {
  const lines = [
    ...r.refreshed.map((x) => `${new Date().toISOString()} subscription refreshed: ${x.source} (${x.profileIds.join(', ') || 'no profiles'})`),
    ...r.failed.map((x) => `${new Date().toISOString()} subscription not refreshed, keeping its profiles: ${x.source}: ${x.error}`),
  ];
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'watch',
  summary: 'cli.watch.summary',
  usage: {
    lines: ['goproxyctl watch [options]'],
    about: 'cli.watch.about',
    options: {
      once: { text: 'cli.watch.option.once' },
      module: { value: 'PATH@VERSION', text: 'cli.watch.option.module' },
      'health-check': { value: 'SECONDS', text: 'cli.watch.option.health-check' },
      poll: { value: 'SECONDS', text: 'cli.watch.option.poll' },
    },
    examples: ['goproxyctl watch', 'goproxyctl watch --once --json'],
    exits: [
      [0, 'cli.watch.exit.ok'],
      [1, 'cli.watch.exit.failed'],
    ],
    params: { module: formatModule(DEFAULT_PROBE_MODULE) },
  },
  options: {
    once: { type: 'boolean', default: false },
    module: { type: 'string' },
    'health-check': { type: 'string' },
    poll: { type: 'string' },
  },
  async run(args, io: CliIo) {
    const dirs = productDirs(io.env);
    // The same reading of watch.json as the tray's; a file with problems is bad input here.
    const { policy: settings, problems } = await readWatchPolicy(dirs.config);
    if (problems.length > 0) throw new UsageError(`${problems.join('; ')}; fix or delete it`);
    const module = await probeModuleFor(args.values.module, io.env);
    const healthCheckMs = positiveMs(args.values['health-check'], 'health-check', 300_000);
    const pollMs = Math.max(500, positiveMs(args.values.poll, 'poll', 5_000));
    const json = Boolean(args.values.json);

    return runWatch(args, io, json, { settings, module, healthCheckMs, pollMs, dirs });
  },
};

interface WatchRun {
  settings: RepairSettings;
  module: { path: string; version: string };
  healthCheckMs: number;
  pollMs: number;
  dirs: ReturnType<typeof productDirs>;
}

async function runWatch(args: ParsedArgs, io: CliIo, json: boolean, { settings, module, healthCheckMs, pollMs, dirs }: WatchRun): Promise<number> {
  const env = io.env;
  let lock;
  try {
    lock = await acquireWatchLock(dirs.state);
  } catch (err) {
    if (err instanceof WatchRunningError) {
      io.stderr.write(`goproxyctl watch: ${terminalSafe(err.message)}.\n`);
      return EXIT.failed;
    }
    throw err;
  }
  const store = new ProfileStore({ env, dirs });
  const engine = new WatchEngine({
    env,
    dirs,
    settings,
    profiles: profileStoreSource(() => store),
    probe: makeProber({ module, env }),
    activeSamples: settings.failureThreshold,
    healthCheckMs,
    signal: io.signal,
    watcher: { pollMs },
    onEvent: (e) => {
      const line = json ? JSON.stringify(e) : human(e);
      if (line !== null) io.stdout.write((json ? line : terminalSafeText(line)) + '\n');
    },
  });
  // Subscribed profiles are refreshed while the daemon runs (each on its own interval).
  const stopRefresh = args.values.once
    ? () => undefined
    : startSubscriptionRefresh(store, {
        checkEveryMs: SUBSCRIPTION_CHECK_MS,
        signal: io.signal,
        onReport: (r) => io.stdout.write((json ? JSON.stringify({ type: 'subscriptions', at: new Date().toISOString(), ...r }) : terminalSafeText(redactUrlCredentials(humanRefresh(r)))) + '\n'),
        onError: (err) => io.stderr.write(`goproxyctl watch: could not refresh subscriptions: ${terminalSafe(err.message)}\n`),
      });
  let relay: RelaySupervisor | null = null;
  let history: TrafficHistory | null = null;
  try {
    if (args.values.once) {
      engine.setNetwork(await readFingerprint()); // so network rules apply in a single round too
      await engine.round('start');
      return EXIT.ok;
    }
    // A chain that starts with http://127.0.0.1:<port>| goes through the local relay: run it here,
    // before the first round probes that chain.
    history = new TrafficHistory(defaultHistoryDir(), (message) => io.stderr.write(`goproxyctl watch: relay: ${message}\n`));
    let credentials: CredentialLookup | null = null;
    relay = await superviseRelay({
      env,
      cacheDir: defaultRelayCacheDir(env),
      onTraffic: (sample) => history?.add(sample),
      // As `goproxyctl relay` and the app's service: a private upstream's credential from the keychain.
      credentialsFor: async (upstream) => {
        credentials ??= storedCredentials();
        const c = await credentials.credentialsFor(upstream);
        return c ? `Basic ${Buffer.from(`${c.user}:${c.secret}`).toString('base64')}` : null;
      },
      onEvent: (e) => {
        const line = json ? (e.type === 'request' || e.type === 'upstream' || e.type === 'cached' ? null : JSON.stringify({ type: 'relay', at: e.at, event: e })) : describeSupervisorEvent(e);
        if (line !== null) io.stdout.write(line + '\n');
      },
    });
    await engine.start();
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return EXIT.ok;
  } finally {
    stopRefresh();
    await relay?.stop();
    await history?.flush();
    await engine.stop();
    await lock.release();
  }
}
