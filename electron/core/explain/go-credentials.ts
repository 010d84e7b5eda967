// The credentials go would attach to a module-proxy request, for `explain` (the rules are in
// shared/go/credentials.ts): the .netrc file go reads ($NETRC, else $HOME/.netrc), user:password
// in the GOPROXY URL, and for go ≥ 1.24 the GOAUTH methods, including a `command` helper such as
// goproxyctl's own keychain-backed `auth helper`, run exactly as go runs it (once, no arguments).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeBasic, netrcMachineFor, parseGoauth, parseGoauthOutput, parseNetrc, type NetrcLine } from '../../../shared/go/credentials.js';
import { ERR_INSECURE_CREDENTIALS } from '../../../shared/go/chain.js';
import { goAtLeast, parseGoVersion } from '../../../shared/go/version.js';
import { selectCredentialSetForUrl } from '../secrets/goauth-format.js';

export interface CredentialContext {
  /** `go version` of the go that will run ("go1.23.4"), or null when unknown (taken as current). */
  goVersion: string | null;
  /** The effective GOAUTH (only go ≥ 1.24 reads it). */
  goauth: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export type RequestCredentials =
  | { kind: 'none'; note: string | null }
  /** go does not send the request at all. */
  | { kind: 'refused'; message: string }
  | { kind: 'basic'; user: string; secret: string; source: string };

const GOAUTH_COMMAND_TIMEOUT_MS = 30_000;

export class GoCredentials {
  private netrc: Promise<{ path: string; lines: NetrcLine[] }> | null = null;
  private goauthSets: Promise<ReturnType<typeof parseGoauthOutput>> | null = null;
  private readonly minor: [number, number] | null;

  constructor(private readonly ctx: CredentialContext) {
    const version = parseGoVersion(ctx.goVersion);
    this.minor = version ? [version.major, version.minor] : null;
  }

  /** What go attaches to a GET of `requestUrl` for the GOPROXY entry written as `rawEntry`. */
  async forRequest(rawEntry: string, requestUrl: string): Promise<RequestCredentials> {
    const entry = safeUrl(rawEntry);
    const target = safeUrl(requestUrl);
    if (!entry || !target) return { kind: 'none', note: null };
    const userinfo = entry.username !== '' || entry.password !== '';
    if (target.protocol === 'http:') {
      if (userinfo) return { kind: 'refused', message: `${ERR_INSECURE_CREDENTIALS}: ${redacted(entry, target)}` };
      return { kind: 'none', note: null };
    }
    if (target.protocol !== 'https:') return { kind: 'none', note: null };
    const fromAuth = await this.httpsCredentials(target);
    if (fromAuth.kind === 'basic') return fromAuth;
    if (userinfo) {
      return { kind: 'basic', user: decodeURIComponent(entry.username), secret: decodeURIComponent(entry.password), source: 'the user:password in the GOPROXY URL' };
    }
    return fromAuth;
  }

  /** For a 401: the .netrc machine go looked for, and the entries that name the same host another way. */
  async netrcMismatch(requestUrl: string): Promise<{ wanted: string; present: string[]; file: string } | null> {
    const target = safeUrl(requestUrl);
    if (!target || target.protocol !== 'https:') return null;
    const { path: file, lines } = await this.readNetrc();
    const wanted = netrcMachineFor(target.host, unbracket(target.hostname), this.minor);
    const names = new Set([target.host, unbracket(target.hostname)]);
    const present = [...new Set(lines.filter((l) => names.has(l.machine) && l.machine !== wanted).map((l) => l.machine))];
    return { wanted, present, file };
  }

  private async httpsCredentials(target: URL): Promise<RequestCredentials> {
    if (!goAtLeast(this.ctx.goVersion, 1, 24)) return this.fromNetrc(target);
    const parsed = parseGoauth(this.ctx.goauth);
    if (!parsed.ok) return { kind: 'none', note: parsed.error };
    for (const method of parsed.methods) {
      if (method.kind === 'off') return { kind: 'none', note: 'GOAUTH=off: go sends no credentials' };
      if (method.kind === 'netrc') {
        const hit = await this.fromNetrc(target);
        if (hit.kind === 'basic') return hit;
      } else if (method.kind === 'command') {
        const hit = await this.fromCommand(method.command, target);
        if (hit.kind === 'basic' || (hit.kind === 'none' && hit.note)) return hit;
      } else {
        return { kind: 'none', note: `GOAUTH "git ${method.dir}" asks git for credentials, which explain does not do` };
      }
    }
    return { kind: 'none', note: null };
  }

  private async fromNetrc(target: URL): Promise<RequestCredentials> {
    const { path: file, lines } = await this.readNetrc();
    const machine = netrcMachineFor(target.host, unbracket(target.hostname), this.minor);
    const line = lines.find((l) => l.machine === machine);
    if (!line) return { kind: 'none', note: null };
    return { kind: 'basic', user: line.login, secret: line.password, source: `${file} (machine ${machine})` };
  }

  private async fromCommand(command: string, target: URL): Promise<RequestCredentials> {
    this.goauthSets ??= runGoauthCommand(command, this.ctx.env, this.ctx.signal);
    const out = await this.goauthSets;
    if (!out.ok) return { kind: 'none', note: out.error };
    const set = selectCredentialSetForUrl(out.sets, target.href);
    const authorization = set?.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    if (!authorization) return { kind: 'none', note: null };
    const basic = decodeBasic(authorization, (b64) => Buffer.from(b64, 'base64').toString('utf8'));
    if (!basic) return { kind: 'none', note: 'the GOAUTH command gives a non-Basic Authorization header, which explain cannot replay' };
    return { kind: 'basic', ...basic, source: `GOAUTH command (${command.split(/\s+/)[0]})` };
  }

  private readNetrc(): Promise<{ path: string; lines: NetrcLine[] }> {
    this.netrc ??= (async () => {
      const file = netrcPath(this.ctx.env);
      const text = await readFile(file, 'utf8').catch(() => '');
      return { path: file, lines: parseNetrc(text) };
    })();
    return this.netrc;
  }
}

/** cmd/go/internal/auth netrcPath: $NETRC, else the home directory's .netrc (_netrc on Windows). */
export function netrcPath(env: NodeJS.ProcessEnv): string {
  if (env.NETRC) return env.NETRC;
  const home = (process.platform === 'win32' ? env.USERPROFILE : env.HOME) || os.homedir();
  return path.join(home, process.platform === 'win32' ? '_netrc' : '.netrc');
}

function runGoauthCommand(command: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ReturnType<typeof parseGoauthOutput>> {
  const [bin = '', ...args] = command.split(/\s+/).filter((w) => w !== '');
  return new Promise((resolve) => {
    execFile(bin, args, { env, timeout: GOAUTH_COMMAND_TIMEOUT_MS, signal, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) resolve({ ok: false, error: `the GOAUTH command ${bin} failed (${(err as NodeJS.ErrnoException).code ?? 'exit status'}): go would fail the same way` });
      else resolve(parseGoauthOutput(String(stdout)));
    });
  });
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function unbracket(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}

/** net/url's Redacted: the password becomes "xxxxx", the user name stays. */
function redacted(entry: URL, target: URL): string {
  const user = entry.username + (entry.password !== '' ? ':xxxxx' : '');
  return `${target.protocol}//${user}@${target.host}${target.pathname}${target.search}`;
}
