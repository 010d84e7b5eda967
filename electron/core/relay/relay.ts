// The local relay: a Go module proxy on 127.0.0.1 in front of the user's GOPROXY chain. It walks
// the chain with go's own rules (cmd/go/internal/modfetch/proxy.go, TryProxies) and adds what go
// lacks: deadlines, hedging inside '|' runs, a cool-down for an upstream that just failed, and a
// disk cache of immutable files. See docs/relay.md for the design and its guarantees.
import { createReadStream } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FailureKind } from '../../../shared/bench/types.js';
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { matchPrefixPatterns } from '../../../shared/go/match.js';
import { planChain, planUpstreams, type ChainPlan, type PlannedProxy } from './chain-plan.js';
import { decideHedge, type MemberState } from './hedge.js';
import { ModuleCache } from './module-cache.js';
import { parseRelayTarget, type RelayRoute } from './route.js';
import type { TrafficSample } from './traffic-history.js';
import { UpstreamClient, type FetchResult } from './upstream-client.js';
import { DEFAULT_DEADLINES, UpstreamHealth, type DeadlinePolicy, type HealthSnapshot } from './upstream-health.js';
import { MAX_ZIP_BYTES, checkModuleZipBuffer, checkModuleZipFile } from './zip-check.js';

/** The chain the relay walks, and the private patterns it refuses to forward. */
export interface RelayChain {
  goproxy: string;
  /** The effective GONOPROXY (GOPRIVATE when GONOPROXY is unset). */
  gonoproxy: string;
  /** Where the chain came from, for people: "--chain", "profile china", "go env". */
  source: string;
  /** The same as a message (relay.source.*), which a front end renders in its user's language. */
  sourceMessage?: Message;
}

export interface RelayOptions {
  chain: RelayChain;
  cacheDir: string;
  cacheCapBytes?: number;
  port?: number;
  env?: NodeJS.ProcessEnv;
  deadlines?: Partial<DeadlinePolicy>;
  /** How long list and @latest answers (and .info of a query such as "master") are reused. */
  shortTtlMs?: number;
  onEvent?: (event: RelayEvent) => void;
  /** Answers up to this size are held in memory, larger ones spooled to the cache's disk (default 16 MB). */
  inMemoryBytes?: number;
  /** Passive measurement sink (see traffic-history.ts); none in tests that do not look at it. */
  onTraffic?: (sample: TrafficSample) => void;
  /** Credentials for an upstream from the keychain (Authorization header value), if any. */
  credentialsFor?: (upstreamUrl: string) => Promise<string | null>;
}

export type RelayEvent =
  | { type: 'listening'; at: string; url: string; cacheDir: string; chain: string; source: string; sourceMessage?: Message }
  | { type: 'chain'; at: string; chain: string; source: string; sourceMessage?: Message; error: string | null }
  | { type: 'request'; at: string; path: string; status: number; servedBy: string | null; cache: 'hit' | 'miss' | 'none'; ms: number }
  | { type: 'upstream'; at: string; upstream: string; path: string; outcome: 'ok' | 'not-found' | 'error' | 'cancelled'; status: number | null; ms: number; error: string | null }
  | { type: 'cool-down'; at: string; upstream: string; until: string; error: string }
  | { type: 'recovered'; at: string; upstream: string }
  /** An immutable file was stored (or, with stored false, could not be) after it was served. */
  | { type: 'cached'; at: string; path: string; bytes: number; stored: boolean }
  /** message in English (logs); messageMessage for a front end that renders it in its user's language. */
  | { type: 'error'; at: string; message: string; messageMessage?: Message };

export interface RelayStats {
  url: string;
  chain: string;
  source: string;
  requests: number;
  cacheHits: number;
  cacheBytes: number;
  cacheEntries: number;
  upstreams: HealthSnapshot[];
}

type Attempt =
  | { kind: 'ok'; upstream: PlannedProxy; status: 200; body: Buffer | null; file: string | null; size: number; contentType: string | null }
  | { kind: 'notFound'; upstream: PlannedProxy; status: number; message: string }
  | { kind: 'error'; upstream: PlannedProxy; status: number | null; message: string; errorKind: FailureKind }
  | { kind: 'cancelled'; upstream: PlannedProxy };

type Walk =
  | Extract<Attempt, { kind: 'ok' }>
  | { kind: 'notFound'; message: string }
  | { kind: 'error'; status: number; message: string }
  | { kind: 'end'; keyword: 'direct' | 'off'; message: string };

// Size limits per file, as go applies them (golang.org/x/mod: MaxGoMod 16 MB, MaxZipFile 500 MB).
const MAX_SMALL = 16 << 20;
/** Memory for list, @latest and query answers kept for their short TTL. */
const SHORT_CACHE_BYTES = 32 << 20;

interface ShortEntry {
  until: number;
  body: Buffer;
  contentType: string;
  upstream: string;
}
const CONTENT_TYPE: Record<string, string> = {
  list: 'text/plain; charset=utf-8',
  latest: 'application/json',
  info: 'application/json',
  mod: 'text/plain; charset=utf-8',
  zip: 'application/zip',
};

export class Relay {
  private readonly server: http.Server;
  private readonly client: UpstreamClient;
  private readonly policy: DeadlinePolicy;
  private readonly health = new Map<string, UpstreamHealth>();
  private readonly reprobes = new Map<string, NodeJS.Timeout>();
  private readonly shortCache = new Map<string, ShortEntry>();
  private shortCacheBytes = 0;
  private readonly credentials = new Map<string, Promise<string | null>>();
  private readonly inflight = new Map<string, Promise<void>>();
  /** Cache writes under way: close() lets them finish, so a clean stop leaves no temp file. */
  private readonly writes = new Set<Promise<boolean>>();
  private readonly closing = new AbortController();
  private chainValue: RelayChain;
  private plan: ChainPlan;
  private requests = 0;
  private cacheHits = 0;
  private baseUrl = '';

  private constructor(private readonly opts: RelayOptions, private readonly cache: ModuleCache) {
    this.policy = { ...DEFAULT_DEADLINES, ...opts.deadlines };
    this.chainValue = opts.chain;
    this.plan = { ok: false, error: 'not planned yet' };
    this.client = new UpstreamClient(opts.env ?? process.env, (origin, ms) => {
      for (const [url, h] of this.health) if (url.startsWith(origin)) h.recordConnect(ms);
    });
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('clientError', (_err, socket) => socket.destroy());
  }

  static async start(opts: RelayOptions): Promise<Relay> {
    const cache = await ModuleCache.open(opts.cacheDir, {
      ...(opts.cacheCapBytes !== undefined ? { capBytes: opts.cacheCapBytes } : {}),
      onError: (said) => opts.onEvent?.(errorEvent(said)),
    });
    const relay = new Relay(opts, cache);
    await new Promise<void>((resolve, reject) => {
      relay.server.once('error', reject);
      // Loopback only: the relay serves whatever the user's upstreams serve, to anyone who can connect.
      relay.server.listen(opts.port ?? 0, '127.0.0.1', () => {
        relay.server.off('error', reject);
        resolve();
      });
    });
    relay.baseUrl = `http://127.0.0.1:${(relay.server.address() as AddressInfo).port}`;
    relay.replan();
    relay.emit({ type: 'listening', at: iso(), url: relay.baseUrl, cacheDir: opts.cacheDir, chain: relay.chainValue.goproxy, source: relay.chainValue.source, ...sourceOf(relay.chainValue) });
    return relay;
  }

  get url(): string {
    return this.baseUrl;
  }

  get chain(): RelayChain {
    return this.chainValue;
  }

  /** Switches to another chain (the active profile changed); requests under way finish on the old one. */
  setChain(chain: RelayChain): void {
    if (chain.goproxy === this.chainValue.goproxy && chain.gonoproxy === this.chainValue.gonoproxy) return;
    this.chainValue = chain;
    this.shortCache.clear();
    this.shortCacheBytes = 0;
    this.replan();
  }

  stats(): RelayStats {
    const now = Date.now();
    return {
      url: this.baseUrl,
      chain: this.chainValue.goproxy,
      source: this.chainValue.source,
      requests: this.requests,
      cacheHits: this.cacheHits,
      cacheBytes: this.cache.totalBytes,
      cacheEntries: this.cache.entries,
      upstreams: planUpstreams(this.plan).map((u) => this.healthOf(u.url).snapshot(now)),
    };
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    for (const t of this.reprobes.values()) clearTimeout(t);
    this.reprobes.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.allSettled([...this.writes]);
    await this.client.close();
  }

  private isOwnHost(host: string | undefined): boolean {
    if (host === undefined) return false;
    const port = this.baseUrl.slice(this.baseUrl.lastIndexOf(':') + 1);
    return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
  }

  private replan(): void {
    this.plan = planChain(this.chainValue.goproxy, [this.baseUrl, this.baseUrl.replace('127.0.0.1', 'localhost')]);
    this.emit({ type: 'chain', at: iso(), chain: this.chainValue.goproxy, source: this.chainValue.source, ...sourceOf(this.chainValue), error: this.plan.ok ? null : this.plan.error });
  }

  private emit(event: RelayEvent): void {
    try {
      this.opts.onEvent?.(event);
    } catch {
      // A broken listener must not take the relay down.
    }
  }

  private healthOf(url: string): UpstreamHealth {
    let h = this.health.get(url);
    if (!h) {
      h = new UpstreamHealth(url, this.policy);
      this.health.set(url, h);
    }
    return h;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    this.requests++;
    const target = req.url ?? '/';
    let logged = false;
    const log = (status: number, servedBy: string | null, cache: 'hit' | 'miss' | 'none'): void => {
      if (logged) return;
      logged = true;
      this.emit({ type: 'request', at: iso(), path: target.slice(0, 300), status, servedBy, cache, ms: Math.round(performance.now() - started) });
    };
    // go's disconnect (Ctrl+C) cancels the walk and every upstream request under way.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    try {
      // A web page that rebinds its own host name to 127.0.0.1 could read what the relay fetches
      // with the user's credentials; go always names the relay by the address it was given.
      if (!this.isOwnHost(req.headers.host)) {
        return log(this.text(res, 421, `the relay answers only requests for ${this.baseUrl} (Host: 127.0.0.1, localhost or [::1])`), null, 'none');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return log(this.text(res, 405, 'the relay serves the Go module proxy protocol: GET only'), null, 'none');
      }
      const route = parseRelayTarget(target);
      if (route.kind === 'invalid') return log(this.text(res, 400, `bad request: ${route.reason}`), null, 'none');
      if (route.kind !== 'sumdb' && matchPrefixPatterns(this.chainValue.gonoproxy, route.module)) {
        // go never sends these here (it goes direct for them); refuse rather than leak the path.
        return log(this.text(res, 404, `${route.module} matches GOPRIVATE/GONOPROXY, so the relay never forwards it; go fetches it directly`), null, 'none');
      }
      await this.serve(route, req, res, gone.signal, log);
    } catch (err) {
      this.emit(errorEvent(msg('relay.error.request', { target: target.slice(0, 200), error: (err as Error).message })));
      if (!res.headersSent) log(this.text(res, 500, `the relay failed on this request: ${(err as Error).message}`), null, 'none');
      else res.destroy();
    }
  }

  private async serve(route: Exclude<RelayRoute, { kind: 'invalid' }>, req: http.IncomingMessage, res: http.ServerResponse, signal: AbortSignal, log: (status: number, servedBy: string | null, cache: 'hit' | 'miss' | 'none') => void): Promise<void> {
    const key = route.upstreamPath;
    const immutable = route.kind !== 'sumdb' && 'immutable' in route && route.immutable;
    const head = req.method === 'HEAD';
    if (immutable) {
      const hit = await this.cache.get(key);
      if (hit) {
        this.cacheHits++;
        await this.sendFile(res, CONTENT_TYPE[route.kind] ?? 'application/octet-stream', hit.file, hit.size, head);
        return log(200, 'cache', 'hit');
      }
      // One walk per file at a time: concurrent go processes asking for the same zip share it.
      const running = this.inflight.get(key);
      if (running) {
        await running;
        const shared = await this.cache.get(key);
        if (shared) {
          this.cacheHits++;
          await this.sendFile(res, CONTENT_TYPE[route.kind] ?? 'application/octet-stream', shared.file, shared.size, head);
          return log(200, 'cache', 'hit');
        }
      }
    } else {
      const short = this.shortCache.get(key);
      if (short && short.until > Date.now()) {
        this.cacheHits++;
        this.sendBody(res, short.contentType, short.body, head);
        return log(200, short.upstream, 'hit');
      }
    }
    let done: () => void = () => {};
    if (immutable) this.inflight.set(key, new Promise<void>((resolve) => (done = resolve)));
    try {
      const walk = route.kind === 'sumdb' ? await this.walkSumdb(route, signal) : await this.walk(route, signal);
      if (walk.kind !== 'ok') {
        const status = walk.kind === 'error' ? walk.status : 404;
        return log(this.text(res, status, walk.message), null, immutable ? 'miss' : 'none');
      }
      const contentType = route.kind === 'sumdb' ? walk.contentType ?? 'text/plain; charset=utf-8' : CONTENT_TYPE[route.kind] ?? 'application/octet-stream';
      if (immutable) {
        // go gets the answer first; the durable copy (fsync + rename) is made after it.
        if (walk.file !== null) await this.sendFile(res, contentType, walk.file, walk.size, head);
        else this.sendBody(res, contentType, walk.body ?? Buffer.alloc(0), head);
        log(200, walk.upstream.url, 'miss');
        const storing = walk.file !== null ? this.cache.putFile(key, walk.file, walk.size) : this.cache.putBuffer(key, walk.body ?? Buffer.alloc(0));
        this.writes.add(storing);
        const stored = await storing.finally(() => this.writes.delete(storing));
        if (!stored && walk.file !== null) await unlink(walk.file).catch(() => undefined);
        this.emit({ type: 'cached', at: iso(), path: key, bytes: walk.size, stored });
        return;
      } else {
        const body = walk.body ?? Buffer.alloc(0);
        if (route.kind !== 'sumdb' || route.rest.startsWith('tile/') || route.rest.startsWith('lookup/')) {
          this.remember(key, { until: Date.now() + (this.opts.shortTtlMs ?? 30_000), body, contentType, upstream: walk.upstream.url });
        }
        this.sendBody(res, contentType, body, head);
      }
      return log(200, walk.upstream.url, immutable ? 'miss' : 'none');
    } finally {
      if (immutable) {
        this.inflight.delete(key);
        done();
      }
    }
  }

  /** Keeps a short-lived answer, oldest out first, within SHORT_CACHE_BYTES. */
  private remember(key: string, entry: ShortEntry): void {
    if (entry.body.length > SHORT_CACHE_BYTES / 16) return;
    const old = this.shortCache.get(key);
    if (old) this.shortCacheBytes -= old.body.length;
    this.shortCache.delete(key);
    this.shortCache.set(key, entry);
    this.shortCacheBytes += entry.body.length;
    for (const [k, e] of this.shortCache) {
      if (this.shortCacheBytes <= SHORT_CACHE_BYTES) break;
      this.shortCache.delete(k);
      this.shortCacheBytes -= e.body.length;
    }
  }

  /** The chain walk for one file, as TryProxies does it, run by run. */
  private async walk(route: Exclude<RelayRoute, { kind: 'invalid' | 'sumdb' }>, signal: AbortSignal): Promise<Walk> {
    const plan = this.plan;
    if (!plan.ok) return { kind: 'error', status: 500, message: `the relay's chain is not a valid GOPROXY: ${plan.error}` };
    let proxyError: { status: number; message: string } | null = null;
    let notFound: string | null = null;
    for (const step of plan.steps) {
      if (step.kind !== 'run') {
        const message = step.kind === 'direct'
          ? `no proxy before "direct" has ${route.upstreamPath}; the relay does not fetch from version control, go does (list the chain after the relay: GOPROXY=${this.baseUrl}|<chain>)`
          : `no proxy before "off" has ${route.upstreamPath}, and off ends the chain`;
        return { kind: 'end', keyword: step.kind, message };
      }
      const run = await this.runHedged(step.members, route.upstreamPath, route.kind, route, signal);
      if (run.winner) return run.winner;
      const last = run.outcomes[run.outcomes.length - 1];
      for (const o of run.outcomes) {
        if (o?.kind === 'error' && proxyError === null) proxyError = { status: errorStatus(o), message: `${o.upstream.url}: ${o.message}` };
        if (o?.kind === 'notFound' && notFound === null) notFound = `${o.upstream.url}/${route.upstreamPath}: ${o.status} ${o.message}`.trim();
      }
      if (signal.aborted) return { kind: 'error', status: 499, message: 'go closed the connection' };
      // The run's last member decides, as go reaches it only after the others failed: an error
      // followed by ',' (or nothing) stops the walk right there.
      const lastMember = step.members[step.members.length - 1]!;
      if (last?.kind === 'error' && !lastMember.fallBackOnError) {
        return { kind: 'error', status: errorStatus(last), message: `${last.upstream.url} failed and is followed by ',' (or ends the chain), so go would stop here: ${last.message}` };
      }
    }
    // The chain ran out: go reports the most useful error (TryProxies: proxy errors before not-found).
    if (proxyError) return { kind: 'error', status: proxyError.status, message: proxyError.message };
    return { kind: 'notFound', message: notFound ?? `no upstream has ${route.upstreamPath}` };
  }

  /** /sumdb/<db>/...: the first upstream that proxies the database, found as go finds it. */
  private async walkSumdb(route: Extract<RelayRoute, { kind: 'sumdb' }>, signal: AbortSignal): Promise<Walk> {
    const plan = this.plan;
    if (!plan.ok) return { kind: 'error', status: 500, message: `the relay's chain is not a valid GOPROXY: ${plan.error}` };
    const supported = `sumdb/${route.db}/supported`;
    for (const step of plan.steps) {
      if (step.kind !== 'run') break;
      for (const member of step.members) {
        const cooling = this.healthOf(member.url).isCooling(Date.now());
        const probe: Attempt = cooling
          ? { kind: 'error', upstream: member, status: null, errorKind: 'connect', message: 'it failed moments ago and is cooling down' }
          : await this.attempt(member, supported, 'sumdb', null, signal);
        if (probe.kind === 'ok') {
          if (route.rest === 'supported') return probe;
          const answer = await this.attempt(member, route.upstreamPath, 'sumdb', null, signal);
          if (answer.kind === 'ok') return answer;
          if (answer.kind === 'notFound') return { kind: 'notFound', message: `${member.url}/${route.upstreamPath}: ${answer.status}` };
          return { kind: 'error', status: answer.kind === 'error' ? errorStatus(answer) : 502, message: `${member.url}: ${answer.kind === 'error' ? answer.message : 'cancelled'}` };
        }
        // modfetch/sumdb.go: 404/410 -> next entry; any other error only on a '|' entry.
        if (probe.kind !== 'notFound' && !member.fallBackOnError) {
          return { kind: 'error', status: probe.kind === 'error' ? errorStatus(probe) : 502, message: `${member.url} failed on ${supported} and is followed by ','` };
        }
      }
    }
    return { kind: 'notFound', message: `no proxy in the relay's chain serves the checksum database ${route.db}; go connects to it directly` };
  }

  /** Asks the members of one '|' run, hedged (hedge.ts). */
  private runHedged(members: readonly PlannedProxy[], upstreamPath: string, kind: string, route: RelayRoute, signal: AbortSignal): Promise<{ winner: Extract<Attempt, { kind: 'ok' }> | null; outcomes: (Attempt | undefined)[] }> {
    return new Promise((resolve) => {
      const states: MemberState[] = members.map(() => ({ phase: 'waiting' }));
      const outcomes: (Attempt | undefined)[] = members.map(() => undefined);
      const controllers = members.map(() => new AbortController());
      let timer: NodeJS.Timeout | null = null;
      let settled = false;
      const onAbort = (): void => evaluate();
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = (winner: number | null): void => {
        settled = true;
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        controllers.forEach((c, i) => {
          if (i === winner) return;
          const state = states[i];
          if (winner !== null && state?.phase === 'running' && !state.answered && this.healthOf(members[i]!.url).recordSilentLoss(Date.now())) {
            this.announceCoolDown(members[i]!, this.healthOf(members[i]!.url), 'it lost several hedges in a row without answering');
          }
          c.abort(new Error('another upstream answered first'));
        });
        const w = winner === null ? null : outcomes[winner];
        resolve({ winner: w?.kind === 'ok' ? w : null, outcomes });
      };
      const evaluate = (): void => {
        if (settled) return;
        if (signal.aborted) return settle(null);
        for (;;) {
          const now = Date.now();
          const d = decideHedge(states, now);
          if (d.action === 'finish') return settle(d.winner);
          if (d.action === 'wait') {
            if (timer) clearTimeout(timer);
            timer = d.at === null ? null : setTimeout(evaluate, Math.max(0, d.at - now));
            return;
          }
          const i = d.index;
          const member = members[i]!;
          const health = this.healthOf(member.url);
          if (health.isCooling(now)) {
            // It failed at the network level moments ago: count it as that failure again.
            states[i] = { phase: 'done', ok: false };
            outcomes[i] = { kind: 'error', upstream: member, status: null, errorKind: 'connect', message: `it failed moments ago and is cooling down until ${new Date(health.reprobeAt ?? now).toISOString()}` };
            continue;
          }
          const state: MemberState = { phase: 'running', startedAt: now, answered: false, hedgeDelayMs: health.hedgeDelayMs() };
          states[i] = state;
          void this.attempt(member, upstreamPath, kind, route, controllers[i]!.signal, (status) => {
            if (status === 200 && states[i] === state) {
              states[i] = { ...state, answered: true };
              evaluate();
            }
          }).catch((err: unknown): Attempt => ({ kind: 'error', upstream: member, status: null, errorKind: 'protocol', message: `the relay failed on this upstream: ${(err as Error).message}` }))
            .then((outcome) => {
            if (settled) {
              if (outcome.kind === 'ok' && outcome.file) void unlink(outcome.file).catch(() => undefined);
              return;
            }
            outcomes[i] = outcome;
            states[i] = { phase: 'done', ok: outcome.kind === 'ok' };
            evaluate();
          });
        }
      };
      evaluate();
    });
  }

  /** One request to one upstream, judged: a good 200, a not-found, or an error. Never rejects. */
  private async attempt(member: PlannedProxy, upstreamPath: string, kind: string, route: RelayRoute | null, signal: AbortSignal, onHead?: (status: number) => void): Promise<Attempt> {
    if (member.raw.startsWith('file:')) return this.attemptFile(member, upstreamPath, route);
    const base = new URL(member.raw);
    if ((base.username || base.password) && base.protocol !== 'https:') {
      // cmd/go/internal/web/http.go refuses the same way, for every host.
      return { kind: 'error', upstream: member, status: null, errorKind: 'auth', message: `refusing to pass credentials to insecure URL: ${member.url}` };
    }
    const health = this.healthOf(member.url);
    const { url, authorization } = await this.upstreamUrl(member, upstreamPath);
    const time = Date.now();
    const result: FetchResult = await this.client.fetch({
      url,
      authorization,
      connectDeadlineMs: health.connectDeadlineMs(),
      firstByteDeadlineMs: health.firstByteDeadlineMs(),
      bodyIdleMs: this.policy.bodyIdleMs,
      maxBytes: kind === 'zip' ? MAX_ZIP_BYTES : MAX_SMALL,
      spoolDir: kind === 'zip' ? this.cache.spoolDir() : null,
      ...(this.opts.inMemoryBytes !== undefined ? { memoryBytes: this.opts.inMemoryBytes } : {}),
      signal,
      ...(onHead ? { onHead } : {}),
    });
    const event = (outcome: 'ok' | 'not-found' | 'error' | 'cancelled', status: number | null, error: string | null): void =>
      this.emit({ type: 'upstream', at: iso(), upstream: member.url, path: upstreamPath, outcome, status, ms: Math.round(result.totalMs), error });
    if (result.kind === 'failed') {
      if (signal.aborted && !this.closing.signal.aborted) {
        event('cancelled', null, null);
        return { kind: 'cancelled', upstream: member };
      }
      if (result.network) this.coolDown(member, health, result.message);
      this.traffic({ time, upstream: member.url, ok: false, firstByteMs: result.firstByteMs, totalMs: result.totalMs, bytes: 0, errorKind: result.errorKind });
      event('error', null, result.message);
      return { kind: 'error', upstream: member, status: null, errorKind: result.errorKind, message: result.message };
    }
    const status = result.status;
    if (status !== 200) {
      const message = oneLine(result.body?.toString('utf8') ?? '');
      if (status === 404 || status === 410) {
        health.recordAnswer(result.firstByteMs);
        this.traffic({ time, upstream: member.url, ok: true, firstByteMs: result.firstByteMs, totalMs: result.totalMs, bytes: result.size, errorKind: null });
        event('not-found', status, null);
        return { kind: 'notFound', upstream: member, status, message };
      }
      health.recordHttpFailure(result.firstByteMs);
      this.traffic({ time, upstream: member.url, ok: false, firstByteMs: result.firstByteMs, totalMs: result.totalMs, bytes: result.size, errorKind: status === 401 || status === 403 ? 'auth' : 'http' });
      event('error', status, message);
      return { kind: 'error', upstream: member, status, errorKind: 'http', message: `${status} ${http.STATUS_CODES[status] ?? ''}${message ? `: ${message}` : ''}`.trim() };
    }
    health.recordAnswer(result.firstByteMs);
    const problem = await this.judgeBody(route, result);
    if (problem !== null) {
      if (result.file) await unlink(result.file).catch(() => undefined);
      this.traffic({ time, upstream: member.url, ok: false, firstByteMs: result.firstByteMs, totalMs: result.totalMs, bytes: result.size, errorKind: 'protocol' });
      event('error', 200, problem);
      return { kind: 'error', upstream: member, status: null, errorKind: 'protocol', message: `malformed answer: ${problem}` };
    }
    this.traffic({ time, upstream: member.url, ok: true, firstByteMs: result.firstByteMs, totalMs: result.totalMs, bytes: result.size, errorKind: null });
    event('ok', 200, null);
    return { kind: 'ok', upstream: member, status: 200, body: result.body, file: result.file, size: result.size, contentType: result.contentType };
  }

  /** A file:// entry: a missing file is "not found" (modfetch/proxy.go), anything else unreadable is an error. */
  private async attemptFile(member: PlannedProxy, upstreamPath: string, route: RelayRoute | null): Promise<Attempt> {
    const file = path.join(fileURLToPath(member.raw.replace(/\/+$/, '')), ...upstreamPath.split('/'));
    try {
      const body = await readFile(file);
      if (body.length > MAX_SMALL && route?.kind !== 'zip') return { kind: 'error', upstream: member, status: null, errorKind: 'too-large', message: `${file} is larger than ${MAX_SMALL} bytes` };
      const result = { kind: 'answer' as const, status: 200, contentType: null, body, file: null, size: body.length, firstByteMs: 0, totalMs: 0, finalUrl: member.raw };
      const problem = route?.kind === 'zip' ? await checkModuleZipBuffer(body, route.module, route.version) : await this.judgeBody(route, result);
      if (problem !== null) return { kind: 'error', upstream: member, status: null, errorKind: 'protocol', message: `malformed file ${file}: ${problem}` };
      return { kind: 'ok', upstream: member, status: 200, body, file: null, size: body.length, contentType: null };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'notFound', upstream: member, status: 404, message: `${file} does not exist` };
      return { kind: 'error', upstream: member, status: null, errorKind: 'protocol', message: `${file}: ${(err as Error).message}` };
    }
  }

  /** Is a 200 answer what go asked for? (A proxy's HTML error page with status 200 is not.) */
  private async judgeBody(route: RelayRoute | null, result: Extract<FetchResult, { kind: 'answer' }>): Promise<string | null> {
    if (route === null || route.kind === 'sumdb' || route.kind === 'invalid') return null;
    if (route.kind === 'zip') {
      if (result.file) return checkModuleZipFile(result.file, route.module, route.version);
      return checkModuleZipBuffer(result.body ?? Buffer.alloc(0), route.module, route.version);
    }
    const text = result.body?.toString('utf8') ?? '';
    if (route.kind === 'info' || route.kind === 'latest') {
      try {
        const v = JSON.parse(text) as { Version?: unknown };
        if (typeof v !== 'object' || v === null || typeof v.Version !== 'string') return 'the JSON has no "Version"';
      } catch {
        return 'not JSON';
      }
    }
    if (route.kind === 'mod' && !/^\s*(\/\/.*\n\s*)*module[\s(]/m.test(text)) return 'not a go.mod file (no module directive)';
    return null;
  }

  private async upstreamUrl(member: PlannedProxy, upstreamPath: string): Promise<{ url: string; authorization: string | null }> {
    const base = new URL(member.raw);
    let authorization: string | null = null;
    if (base.username || base.password) {
      authorization = `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`;
      base.username = '';
      base.password = '';
    } else if (this.opts.credentialsFor) {
      // Once per upstream: a keychain read per go request would be slow (and may prompt).
      let pending = this.credentials.get(member.url);
      if (!pending) {
        // An unreadable keychain leaves this upstream asked without credentials (as go asks when it
        // has none); the event says why it may then answer 401/403.
        pending = this.opts.credentialsFor(member.url).catch((err: unknown) => {
          this.emit({ type: 'error', at: iso(), message: `could not read the credential for ${member.url} (${(err as Error).message}); asking it without one` });
          return null;
        });
        this.credentials.set(member.url, pending);
      }
      authorization = await pending;
    }
    const prefix = base.href.replace(/\/+$/, '');
    return { url: `${prefix}/${upstreamPath}`, authorization };
  }

  private coolDown(member: PlannedProxy, health: UpstreamHealth, error: string): void {
    health.recordNetworkFailure(Date.now());
    this.announceCoolDown(member, health, error);
  }

  /** Tells the listeners and schedules the background re-probe at the end of the cool-down. */
  private announceCoolDown(member: PlannedProxy, health: UpstreamHealth, error: string): void {
    const until = health.reprobeAt;
    if (until === null || this.closing.signal.aborted) return;
    this.emit({ type: 'cool-down', at: iso(), upstream: member.url, until: new Date(until).toISOString(), error });
    const existing = this.reprobes.get(member.url);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => void this.reprobe(member, health), Math.max(0, until - Date.now()));
    timer.unref();
    this.reprobes.set(member.url, timer);
  }

  /** In the background, once the cool-down ends: any HTTP answer from the base URL means it is back. */
  private async reprobe(member: PlannedProxy, health: UpstreamHealth): Promise<void> {
    this.reprobes.delete(member.url);
    if (this.closing.signal.aborted) return;
    const { url, authorization } = await this.upstreamUrl(member, '');
    const result = await this.client.fetch({
      url,
      authorization,
      connectDeadlineMs: health.connectDeadlineMs(),
      firstByteDeadlineMs: health.firstByteDeadlineMs(),
      bodyIdleMs: this.policy.bodyIdleMs,
      maxBytes: 64 << 10,
      spoolDir: null,
      signal: this.closing.signal,
    });
    if (this.closing.signal.aborted) return;
    if (result.kind === 'answer') {
      health.recordAnswer(result.firstByteMs);
      this.emit({ type: 'recovered', at: iso(), upstream: member.url });
    } else this.coolDown(member, health, result.message);
  }

  private traffic(sample: TrafficSample): void {
    try {
      this.opts.onTraffic?.(sample);
    } catch {
      // Measurement never breaks a download.
    }
  }

  private text(res: http.ServerResponse, status: number, message: string): number {
    const body = `goproxyctl relay: ${message}\n`;
    if (!res.headersSent) {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    }
    res.end(body);
    return status;
  }

  private sendBody(res: http.ServerResponse, contentType: string, body: Buffer, head: boolean): void {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(head ? undefined : body);
  }

  private sendFile(res: http.ServerResponse, contentType: string, file: string, size: number, head: boolean): Promise<void> {
    res.writeHead(200, { 'content-type': contentType, 'content-length': size });
    if (head) {
      res.end();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  }
}

/** The status the relay answers for an upstream error: the upstream's own 4xx/5xx, 504 for a deadline, else 502. */
function errorStatus(o: Extract<Attempt, { kind: 'error' }>): number {
  if (o.status !== null && o.status >= 400 && o.status !== 404 && o.status !== 410) return o.status;
  return o.errorKind === 'timeout' ? 504 : 502;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

function iso(): string {
  return new Date().toISOString();
}

/** An error event: the message, and its English text for logs and older readers. */
export function errorEvent(said: Message): Extract<RelayEvent, { type: 'error' }> {
  return { type: 'error', at: iso(), message: render('en', said), messageMessage: said };
}

function sourceOf(chain: RelayChain): { sourceMessage?: Message } {
  return chain.sourceMessage ? { sourceMessage: chain.sourceMessage } : {};
}
