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
import { localeOfCli } from '../lang.js';
import { isMessageId, render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';

function positiveMs(value: FlagValue, name: string, fallback: number, locale: Locale): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(render(locale, msg('ops.watch.seconds-flag', { name, value: String(value) })));
  return Math.round(n * 1000);
}

/** A probe's failure kind (shared/bench's FailureKind) in words. */
function failureWords(kind: string | null): Message {
  const id = `ops.failure.${kind ?? 'unknown'}`;
  return isMessageId(id) ? msg(id) : msg('ops.failure.unknown');
}

/** One event as a line a person reads, as a message (rendered in the command's language). */
export function watchEventMessage(e: WatchEvent): Message {
  switch (e.type) {
    case 'network-change': {
      const line = msg(e.kind === 'wake' ? 'ops.watch.woke' : 'ops.watch.network-changed', { at: e.at });
      if (e.changes.length === 0) return line;
      return msg('ops.watch.with-changes', { line, changes: e.changes.reduce((all, next) => msg('ops.watch.changes-join', { first: all, then: next })) });
    }
    case 'probe': {
      const facts = { at: e.at, candidate: e.candidate, ms: e.durationMs };
      if (e.missingModule) return msg('ops.watch.probe-missing', { ...facts, module: e.missingModule });
      return e.ok ? msg('ops.watch.probe-ok', { ...facts, score: e.score }) : msg('ops.watch.probe-failed', { ...facts, failure: failureWords(e.error) });
    }
    case 'repair':
      return e.to.profile
        ? msg('ops.watch.repaired-profile', { at: e.at, goproxy: e.to.goproxy, profile: e.to.profile, reason: e.reason })
        : msg('ops.watch.repaired', { at: e.at, goproxy: e.to.goproxy, reason: e.reason });
    case 'keep':
      return msg('ops.watch.kept', { at: e.at, reason: e.reason });
    case 'error':
      return msg('ops.watch.error', { at: e.at, message: e.message });
  }
}

/**
 * An event for --json: every field as before, texts rendered in the command's language (English
 * by default), and next to each the message itself (`<field>Message`), for scripts that rely on ids.
 */
export function watchEventJson(e: WatchEvent, locale: Locale): Record<string, unknown> {
  if (e.type === 'repair' || e.type === 'keep') return { ...e, reason: render(locale, e.reason), reasonMessage: e.reason };
  if (e.type === 'network-change') return { ...e, changes: e.changes.map((c) => render(locale, c)), changesMessage: e.changes };
  if (e.type === 'error') return { ...e, message: render(locale, e.message), messageMessage: e.message };
  return e;
}

/** How often the daemon looks for a subscription that fell due (each has its own interval). */
const SUBSCRIPTION_CHECK_MS = 15 * 60_000;

function humanRefresh(r: SubscriptionRefreshReport, locale: Locale): string {
  const at = new Date().toISOString();
  const lines = [
    ...r.refreshed.map((x) => render(locale, msg('ops.watch.subscription-refreshed', { at, source: x.source, profiles: x.profileIds.join(', ') || msg('ops.watch.no-profiles') }))),
    ...r.failed.map((x) => render(locale, msg('ops.watch.subscription-failed', { at, source: x.source, error: x.error }))),
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
    const locale = localeOfCli(io.lang);
    if (problems.length > 0) throw new UsageError(render(locale, msg('ops.watch.bad-policy', { problems: problems.reduce((all, next) => msg('ops.watch.changes-join', { first: all, then: next })) })));
    const module = await probeModuleFor(args.values.module, io.env);
    const healthCheckMs = positiveMs(args.values['health-check'], 'health-check', 300_000, locale);
    const pollMs = Math.max(500, positiveMs(args.values.poll, 'poll', 5_000, locale));
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
  const locale = localeOfCli(io.lang);
  let lock;
  try {
    lock = await acquireWatchLock(dirs.state);
  } catch (err) {
    if (err instanceof WatchRunningError) {
      io.stderr.write(terminalSafe(render(locale, msg('ops.watch.already-running', { error: err.detail }))) + '\n');
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
      io.stdout.write((json ? JSON.stringify(watchEventJson(e, locale)) : terminalSafeText(render(locale, watchEventMessage(e)))) + '\n');
    },
  });
  // Subscribed profiles are refreshed while the daemon runs (each on its own interval).
  const stopRefresh = args.values.once
    ? () => undefined
    : startSubscriptionRefresh(store, {
        checkEveryMs: SUBSCRIPTION_CHECK_MS,
        signal: io.signal,
        onReport: (r) => io.stdout.write((json ? JSON.stringify({ type: 'subscriptions', at: new Date().toISOString(), ...r }) : terminalSafeText(redactUrlCredentials(humanRefresh(r, locale)))) + '\n'),
        onError: (err) => io.stderr.write(terminalSafe(render(locale, msg('ops.watch.subscriptions-unrefreshable', { error: err.message }))) + '\n'),
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
