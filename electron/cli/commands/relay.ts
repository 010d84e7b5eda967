// `goproxyctl relay`: the local Go module proxy with deadlines, hedging and a cache, in front of
// the chain (electron/core/relay). Runs until Ctrl+C / SIGTERM.
import { parseGoproxy } from '../../../shared/go/goproxy.js';
import { defaultHistoryDir } from '../../core/history/index.js';
import { readGoConfig } from '../../core/goenv/read-config.js';
import { storedCredentials } from '../../core/bench/credentials.js';
import { defaultRelayCacheDir, followActiveChain, Relay, TrafficHistory, type ChainFollower, type RelayChain, type RelayEvent } from '../../core/relay/index.js';
import path from 'node:path';
import { EXIT, UsageError, type CliCommand, type CliIo, type ParsedArgs } from '../command.js';

type Lang = 'en' | 'zh';

const MESSAGES = {
  en: {
    listening: (url: string, chain: string, source: string) => `goproxyctl relay: serving on ${url} (Ctrl+C to stop)\n  chain (${source}): ${chain}\n  use it: GOPROXY=${url}|${chain}`,
    chain: (chain: string, source: string) => `chain changed (${source}): ${chain}`,
    chainError: (error: string) => `the chain is not a valid GOPROXY: ${error}; fix it with \`goproxyctl use\` or --chain`,
    coolDown: (upstream: string, until: string, error: string) => `${upstream} failed (${error}); skipped until ${until}, re-probed then`,
    recovered: (upstream: string) => `${upstream} answers again`,
    stopped: (requests: number, hits: number) => `relay stopped after ${requests} requests (${hits} from the cache)`,
    portInUse: (port: number) => `port ${port} on 127.0.0.1 is already in use; pick another with --port or stop the program using it`,
  },
  zh: {
    listening: (url: string, chain: string, source: string) => `goproxyctl relay：已在 ${url} 提供服务（按 Ctrl+C 停止）\n  代理链（${source}）：${chain}\n  使用方法：GOPROXY=${url}|${chain}`,
    chain: (chain: string, source: string) => `代理链已更改（${source}）：${chain}`,
    chainError: (error: string) => `代理链不是有效的 GOPROXY：${error}；请用 \`goproxyctl use\` 或 --chain 修正`,
    coolDown: (upstream: string, until: string, error: string) => `${upstream} 失败（${error}）；在 ${until} 之前跳过，届时重新探测`,
    recovered: (upstream: string) => `${upstream} 已恢复响应`,
    stopped: (requests: number, hits: number) => `中继已停止，共处理 ${requests} 个请求（${hits} 个来自缓存）`,
    portInUse: (port: number) => `127.0.0.1 上的端口 ${port} 已被占用；请用 --port 换一个端口，或停止占用它的程序`,
  },
} satisfies Record<Lang, Record<string, (...a: never[]) => string>>;

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
      io.stdout.write(JSON.stringify({ type: 'error', at: new Date().toISOString(), message: err.message }) + '\n');
      return EXIT.usage;
    }
  },
};

async function runRelay(args: ParsedArgs, io: CliIo): Promise<number> {
    const json = Boolean(args.values.json);
    const lang = io.lang ?? 'en';
    const msg = MESSAGES[lang];
    let port = parsePort(args.values.port);
    const capBytes = parseSize(args.values['cache-size']);
    const cacheDir = typeof args.values.cache === 'string' ? path.resolve(io.cwd, args.values.cache) : defaultRelayCacheDir(io.env);
    const say = (event: RelayEvent | { type: 'stopped'; at: string; requests: number; cacheHits: number }): void => {
      if (json) return void io.stdout.write(JSON.stringify(event) + '\n');
      const line = human(event, msg);
      if (line !== null) io.stdout.write(line + '\n');
    };
    const fail = (message: string, code: number): number => {
      if (json) io.stdout.write(JSON.stringify({ type: 'error', at: new Date().toISOString(), message }) + '\n');
      else io.stderr.write(`goproxyctl relay: ${message}.\n`);
      return code;
    };

    let chain: RelayChain;
    let follower: ChainFollower | null = null;
    let relay: Relay | null = null;
    if (typeof args.values.chain === 'string') {
      const parsed = parseGoproxy(args.values.chain);
      if (!parsed.ok) return fail(`--chain is not a valid GOPROXY value (${parsed.error}); give entries separated by ',' or '|', e.g. https://goproxy.cn|https://proxy.golang.org,direct`, EXIT.usage);
      const config = await readGoConfig(io.env);
      chain = { goproxy: args.values.chain, gonoproxy: config.effective.GONOPROXY.value, source: '--chain' };
    } else {
      follower = await followActiveChain({
        env: io.env,
        onChange: (next) => relay?.setChain(next),
        onError: (message) => say({ type: 'error', at: new Date().toISOString(), message }),
      });
      chain = follower.initial;
      // The port `use` wrote into GOPROXY for a profile through the relay: where go looks for it.
      if (args.values.port === undefined && follower.initial.relayPort !== null) port = follower.initial.relayPort;
    }
    const history = new TrafficHistory(defaultHistoryDir(), (message) => say({ type: 'error', at: new Date().toISOString(), message }));
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
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') return fail(msg.portInUse(port), EXIT.failed);
      throw err;
    }
    // A daemon: a bug in one request's handling is reported, never the end of the process.
    const onUnhandled = (reason: unknown): void => say({ type: 'error', at: new Date().toISOString(), message: `internal error: ${(reason as Error)?.message ?? String(reason)}` });
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

function human(e: RelayEvent | { type: 'stopped'; at: string; requests: number; cacheHits: number }, msg: (typeof MESSAGES)[Lang]): string | null {
  switch (e.type) {
    case 'listening':
      return msg.listening(e.url, e.chain, e.source);
    case 'chain':
      return e.error ? `${e.at} ${msg.chainError(e.error)}` : null;
    case 'request':
      return `${e.at} ${e.status} ${e.path} ${e.cache === 'hit' ? '(cache)' : e.servedBy ? `← ${e.servedBy}` : ''} ${e.ms} ms`.replace(/\s+/g, ' ');
    case 'upstream':
    case 'cached':
      return null;
    case 'cool-down':
      return `${e.at} ${msg.coolDown(e.upstream, e.until, e.error)}`;
    case 'recovered':
      return `${e.at} ${msg.recovered(e.upstream)}`;
    case 'error':
      return `${e.at} ${e.message}`;
    case 'stopped':
      return msg.stopped(e.requests, e.cacheHits);
  }
}

function parsePort(raw: unknown): number {
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('--port takes a port number between 1 and 65535');
  return port;
}

function parseSize(raw: unknown): number | null {
  if (raw === undefined) return null;
  const gb = Number(raw);
  if (!Number.isFinite(gb) || gb <= 0) throw new UsageError('--cache-size takes a size in GB greater than 0, e.g. 4 or 0.5');
  return Math.round(gb * 1024 ** 3);
}
