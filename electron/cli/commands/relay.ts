// `goproxyctl relay`: the local Go module proxy with deadlines, hedging and a cache, in front of
// the chain (electron/core/relay). Runs until Ctrl+C / SIGTERM.
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Locale, type Message } from '../../../shared/i18n/message.js';
import { defaultHistoryDir } from '../../core/history/index.js';
import { readGoConfig } from '../../core/goenv/read-config.js';
import { storedCredentials } from '../../core/bench/credentials.js';
import { defaultRelayCacheDir, errorEvent, followActiveChain, Relay, TrafficHistory, type ChainFollower, type RelayChain, type RelayEvent } from '../../core/relay/index.js';
import path from 'node:path';
import { EXIT, UsageError, type CliCommand, type CliIo, type ParsedArgs } from '../command.js';
import { localeOfCli } from '../lang.js';

type StoppedEvent = { type: 'stopped'; at: string; requests: number; cacheHits: number };

export const command: CliCommand = {
  name: 'relay',
  summary: 'cli.relay.summary',
  usage: {
    lines: ['goproxyctl relay [options]'],
    about: 'cli.relay.about',
    options: {
      port: { value: 'N', text: 'cli.relay.option.port' },
      chain: { value: 'GOPROXY-VALUE', text: 'cli.relay.option.chain' },
      cache: { value: 'DIR', text: 'cli.relay.option.cache' },
      'cache-size': { value: 'GB', text: 'cli.relay.option.cache-size' },
    },
    examples: ['goproxyctl relay --port 7890', "go env -w 'GOPROXY=http://127.0.0.1:7890|https://goproxy.cn,direct'"],
    exits: [
      [0, 'cli.relay.exit.ok'],
      [1, 'cli.relay.exit.failed'],
    ],
    params: { cache: defaultRelayCacheDir() },
  },
  options: {
    port: { type: 'string' },
    chain: { type: 'string' },
    cache: { type: 'string' },
    'cache-size': { type: 'string' },
  },
  async run(args, io) {
    try {
      return await runRelay(args, io);
    } catch (err) {
      // --json: bad input is a JSON event too (the runner would print plain text).
      if (!(err instanceof UsageError) || !args.values.json) throw err;
      const locale = localeOfCli(io.lang);
      const said = err.detail ? { message: render(locale, err.detail), messageMessage: err.detail } : { message: err.message };
      io.stdout.write(JSON.stringify({ type: 'error', at: new Date().toISOString(), ...said }) + '\n');
      return EXIT.usage;
    }
  },
};

async function runRelay(args: ParsedArgs, io: CliIo): Promise<number> {
    const json = Boolean(args.values.json);
    const locale = localeOfCli(io.lang);
    let port = parsePort(args.values.port);
    const capBytes = parseSize(args.values['cache-size']);
    const cacheDir = typeof args.values.cache === 'string' ? path.resolve(io.cwd, args.values.cache) : defaultRelayCacheDir(io.env);
    const say = (event: RelayEvent | StoppedEvent): void => {
      if (json) return void io.stdout.write(JSON.stringify(inLanguage(event, locale)) + '\n');
      const line = human(event, locale);
      if (line !== null) io.stdout.write(line + '\n');
    };
    const fail = (message: Message, code: number): number => {
      if (json) io.stdout.write(JSON.stringify({ type: 'error', at: new Date().toISOString(), message: render(locale, message), messageMessage: message }) + '\n');
      else io.stderr.write(`goproxyctl relay: ${render(locale, message)}\n`);
      return code;
    };

    let chain: RelayChain;
    let follower: ChainFollower | null = null;
    let relay: Relay | null = null;
    if (typeof args.values.chain === 'string') {
      const parsed = parseGoproxy(args.values.chain);
      if (!parsed.ok) return fail(msg('relay.cli.bad-chain', { error: parsed.error }), EXIT.usage);
      const config = await readGoConfig(io.env);
      chain = { goproxy: args.values.chain, gonoproxy: config.effective.GONOPROXY.value, source: '--chain', sourceMessage: msg('relay.source.flag') };
    } else {
      follower = await followActiveChain({
        env: io.env,
        onChange: (next) => relay?.setChain(next),
        onError: (said) => say(errorEvent(said)),
      });
      chain = follower.initial;
      // The port `use` wrote into GOPROXY for a profile through the relay: where go looks for it.
      if (args.values.port === undefined && follower.initial.relayPort !== null) port = follower.initial.relayPort;
    }
    const history = new TrafficHistory(defaultHistoryDir(), (_english, said) => say(errorEvent(said)));
    const credentials = storedCredentials();
    try {
      relay = await Relay.start({
        chain,
        cacheDir,
        ...(capBytes !== null ? { cacheCapBytes: capBytes } : {}),
        port,
        env: io.env,
        onEvent: say,
        onTraffic: (sample) => history.add(sample),
        credentialsFor: async (upstream) => {
          const c = await credentials.credentialsFor(upstream);
          return c ? `Basic ${Buffer.from(`${c.user}:${c.secret}`).toString('base64')}` : null;
        },
      });
    } catch (err) {
      follower?.stop();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') return fail(msg('relay.cli.port-in-use', { port }), EXIT.failed);
      throw err;
    }
    // A daemon: a bug in one request's handling is reported, never the end of the process.
    const onUnhandled = (reason: unknown): void => say(errorEvent(msg('relay.error.internal', { error: (reason as Error)?.message ?? String(reason) })));
    process.on('unhandledRejection', onUnhandled);
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    process.off('unhandledRejection', onUnhandled);
    follower?.stop();
    const stats = relay.stats();
    await relay.close();
    await history.flush();
    say({ type: 'stopped', at: new Date().toISOString(), requests: stats.requests, cacheHits: stats.cacheHits });
    return EXIT.ok;
}

/** Where the chain came from, in the locale's words (a chain from an older peer: its text). */
function sourceText(e: { source: string; sourceMessage?: Message }, locale: Locale): string {
  return e.sourceMessage ? render(locale, e.sourceMessage) : e.source;
}

/** --json: the event's texts in the command's language, the messages next to them. */
function inLanguage(e: RelayEvent | StoppedEvent, locale: Locale): RelayEvent | StoppedEvent {
  if ((e.type === 'listening' || e.type === 'chain') && e.sourceMessage) return { ...e, source: sourceText(e, locale) };
  if (e.type === 'error' && e.messageMessage) return { ...e, message: render(locale, e.messageMessage) };
  return e;
}

function human(e: RelayEvent | StoppedEvent, locale: Locale): string | null {
  const say = (message: Message): string => render(locale, message);
  switch (e.type) {
    case 'listening':
      return say(msg('relay.cli.listening', { url: e.url, chain: e.chain, source: sourceText(e, locale) }));
    case 'chain':
      return e.error ? `${e.at} ${say(msg('relay.cli.chain-error', { error: e.error }))}` : null;
    case 'request':
      return `${e.at} ${e.status} ${e.path} ${e.cache === 'hit' ? say(msg('relay.cli.from-cache')) : e.servedBy ? `← ${e.servedBy}` : ''} ${e.ms} ms`.replace(/\s+/g, ' ');
    case 'upstream':
    case 'cached':
      return null;
    case 'cool-down':
      return `${e.at} ${say(msg('relay.cli.cool-down', { upstream: e.upstream, until: e.until, error: e.error }))}`;
    case 'recovered':
      return `${e.at} ${say(msg('relay.cli.recovered', { upstream: e.upstream }))}`;
    case 'error':
      return `${e.at} ${e.messageMessage ? say(e.messageMessage) : e.message}`;
    case 'stopped':
      return say(msg('relay.cli.stopped', { requests: msg(e.requests === 1 ? 'relay.cli.requests.one' : 'relay.cli.requests.many', { count: e.requests }), hits: e.cacheHits }));
  }
}

function parsePort(raw: unknown): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(msg('relay.cli.bad-port'));
  return port;
}

function parseSize(raw: unknown): number | null {
  if (raw === undefined) return null;
  const gb = Number(raw);
  if (!Number.isFinite(gb) || gb <= 0) throw new UsageError(msg('relay.cli.bad-cache-size'));
  return Math.round(gb * 1024 ** 3);
}
