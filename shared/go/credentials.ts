// Which credentials go attaches to a module-proxy request, as pure rules.
//
// go 1.19 and 1.23 (cmd/go/internal/web/http.go, cmd/go/internal/auth):
//  - a URL with user:password on plain http is never fetched: "refusing to pass credentials to
//    insecure URL" (the request fails, nothing reaches the server);
//  - over https, auth.AddCredentials sets Basic auth from the first .netrc entry whose `machine`
//    matches; only then does net/http add the URL's user:password (Client.send skips it when an
//    Authorization header is already set), so .netrc wins over the URL;
//  - the `machine` go compares: go 1.19 takes req.URL.Hostname() (no port); go 1.23 takes req.Host,
//    which keeps a non-default port ("127.0.0.1:8443"). Both verified against the real go; the change
//    came with the request-interception hooks of cmd/go's test server, which 1.19 does not have,
//    so go 1.20 is taken as the first with host:port. A .netrc listing both forms works everywhere.
//  - go ≥ 1.24: GOAUTH decides (default "netrc"); "off" sends nothing; "command CMD" asks a helper.
//    https only, as before.
import { goQuote } from '../util/utf8.js';

export interface NetrcLine {
  machine: string;
  login: string;
  password: string;
}

/** cmd/go/internal/auth/netrc.go parseNetrc, token for token (same in 1.19 and 1.23). */
export function parseNetrc(data: string): NetrcLine[] {
  const out: NetrcLine[] = [];
  let l: NetrcLine = { machine: '', login: '', password: '' };
  let inMacro = false;
  for (const line of data.split('\n')) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    // go splits with strings.Fields: every Unicode space, not only ASCII ones.
    const f = line.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((t) => t !== '');
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      switch (f[i]) {
        case 'machine':
          l = { machine: f[i + 1]!, login: '', password: '' };
          break;
        case 'login':
          l.login = f[i + 1]!;
          break;
        case 'password':
          l.password = f[i + 1]!;
          break;
        case 'macdef':
          inMacro = true;
          break;
      }
      if (l.machine !== '' && l.login !== '' && l.password !== '') {
        out.push(l);
        l = { machine: '', login: '', password: '' };
      }
    }
    if (i < f.length && f[i] === 'default') break;
  }
  return out;
}

/**
 * The `machine` name go looks for, by go version (see the header): `host` is the URL's host as
 * written (with a non-default port, if any), `hostname` the same without port or brackets.
 */
export function netrcMachineFor(host: string, hostname: string, goMinor: [number, number] | null): string {
  const withPort = goMinor === null || goMinor[0] > 1 || goMinor[1] >= 20;
  return withPort ? host : hostname;
}

export type GoauthMethod = { kind: 'off' } | { kind: 'netrc' } | { kind: 'git'; dir: string } | { kind: 'command'; command: string };

/** GOAUTH's `;`-separated methods (go ≥ 1.24); an empty value is go's default, netrc. */
export function parseGoauth(value: string): { ok: true; methods: GoauthMethod[] } | { ok: false; error: string } {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: true, methods: [{ kind: 'netrc' }] };
  const methods: GoauthMethod[] = [];
  for (const part of trimmed.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const [word = '', ...rest] = part.split(/\s+/);
    const arg = rest.join(' ');
    if (word === 'off') {
      if (trimmed !== 'off') return { ok: false, error: 'GOAUTH=off cannot be combined with other authentication commands' };
      methods.push({ kind: 'off' });
    } else if (word === 'netrc') methods.push({ kind: 'netrc' });
    else if (word === 'git') {
      if (arg === '') return { ok: false, error: 'GOAUTH encountered git with no working directory' };
      methods.push({ kind: 'git', dir: arg });
    } else if (word === 'command') {
      if (arg === '') return { ok: false, error: 'GOAUTH encountered command with no arguments' };
      methods.push({ kind: 'command', command: arg });
    } else return { ok: false, error: `GOAUTH encountered unknown authentication command ${goQuote(word)}` };
  }
  return { ok: true, methods };
}

export interface CredentialSetText {
  prefixes: string[];
  headers: [string, string][];
}

/**
 * A GOAUTH command's output: sets of https:// URL lines, a blank line, header lines, a blank
 * line. Malformed output is an error, as it is for go.
 */
export function parseGoauthOutput(text: string): { ok: true; sets: CredentialSetText[] } | { ok: false; error: string } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const sets: CredentialSetText[] = [];
  let i = 0;
  while (i < lines.length) {
    const prefixes: string[] = [];
    while (i < lines.length && lines[i] !== '') {
      const line = lines[i]!.trim();
      if (!line.startsWith('https://')) return { ok: false, error: `GOAUTH command output: ${goQuote(line)} is not an https:// URL` };
      prefixes.push(line);
      i++;
    }
    if (prefixes.length === 0) return { ok: false, error: 'GOAUTH command output: a credential set has no URL' };
    i++; // the blank line after the URLs
    const headers: [string, string][] = [];
    while (i < lines.length && lines[i] !== '') {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon <= 0) return { ok: false, error: `GOAUTH command output: ${goQuote(line)} is not an HTTP header` };
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
      i++;
    }
    i++; // the blank line that ends the set
    sets.push({ prefixes, headers });
  }
  return { ok: true, sets };
}

/** user:password from "Basic <base64>", or null for any other scheme. */
export function decodeBasic(value: string, decodeBase64: (b64: string) => string): { user: string; secret: string } | null {
  const m = /^Basic\s+(\S+)$/i.exec(value.trim());
  if (!m) return null;
  const plain = decodeBase64(m[1]!);
  const colon = plain.indexOf(':');
  return colon < 0 ? null : { user: plain.slice(0, colon), secret: plain.slice(colon + 1) };
}
