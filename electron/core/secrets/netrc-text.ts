// The managed part of a netrc file, as pure text edits. Used only when the user opts in, for Go
// older than 1.24 (no GOAUTH). The file is handled as a "byte string" (latin1: one char per byte)
// so foreign bytes, including invalid UTF-8, survive exactly; only our block is UTF-8 text.
//
// How go reads netrc (cmd/go/internal/auth/netrc.go): whitespace-separated tokens, read in pairs
// per line; `machine` starts an entry, `login` and `password` fill it, `macdef` swallows lines up
// to the next empty line, a lone `default` ends the file. No quoting and no comments: a
// "# goproxyctl ..." line is just tokens in ignored pairs, which is why our marker lines have an
// even number of tokens (an odd last token is compared with "default"). Values can therefore not
// contain whitespace.
//
// Where the block goes: at the very top. Nothing foreign precedes it, so a foreign `macdef` or
// `default` cannot swallow it, go (first match wins) and curl prefer it for the machines it
// names, and deleting it gives back the original bytes exactly.
//
// Which machines: go < 1.24 matches `machine` against the request's host name without the port;
// go >= 1.24 (GOAUTH=netrc, the default) against host[:port] and its path prefixes. An origin with
// a non-default port therefore gets both lines.
import { NetrcError } from './errors.js';
import { isHttpsOrigin, type CredentialOrigin } from './origin.js';
import { msg } from '../../../shared/i18n/message.js';

export const NETRC_BEGIN_MARKER = '# goproxyctl managed begin';
export const NETRC_END_MARKER = '# goproxyctl managed end';
const ORIGIN_LINE = '# goproxyctl origin ';
const UTF8_BOM = '\xef\xbb\xbf';

export interface NetrcCredential {
  origin: CredentialOrigin;
  user: string;
  secret: string;
}

/** The `machine` names go (old and new) looks up for an https origin. */
export function netrcMachinesForOrigin(origin: CredentialOrigin): string[] {
  const url = new URL(origin);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return url.port === '' ? [hostname] : [hostname, url.host];
}

export function validateNetrcCredential(c: NetrcCredential): void {
  if (!isHttpsOrigin(c.origin)) {
    throw new NetrcError(msg('ops.netrc.not-https', { origin: c.origin }));
  }
  if (c.user === '' || /\s/.test(c.user)) {
    throw new NetrcError(msg('ops.netrc.bad-user', { origin: c.origin }));
  }
  if (c.secret === '' || /\s/.test(c.secret)) {
    throw new NetrcError(msg('ops.netrc.bad-secret', { origin: c.origin }));
  }
}

const toBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const fromBytes = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

/** The managed block (byte string) for these credentials, sorted by origin; '' for none. */
export function renderManagedNetrcBlock(credentials: readonly NetrcCredential[]): string {
  if (credentials.length === 0) return '';
  const sorted = [...credentials].sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
  const lines = [NETRC_BEGIN_MARKER];
  for (const c of sorted) {
    validateNetrcCredential(c);
    lines.push(`${ORIGIN_LINE}${c.origin}`);
    for (const machine of netrcMachinesForOrigin(c.origin)) lines.push(`machine ${machine} login ${c.user} password ${c.secret}`);
  }
  lines.push(NETRC_END_MARKER);
  return toBytes(`${lines.join('\n')}\n`);
}

/** Byte offsets of the managed block: from the start of the begin line to after the end line's newline. */
export function findManagedNetrcBlock(bytes: string): { start: number; end: number } | null {
  const begin = findLine(bytes, NETRC_BEGIN_MARKER, bytes.startsWith(UTF8_BOM) ? UTF8_BOM.length : 0);
  if (begin === null) return null;
  const end = findLine(bytes, NETRC_END_MARKER, begin.end);
  if (end === null) throw new NetrcError(msg('ops.netrc.unclosed', { begin: NETRC_BEGIN_MARKER, end: NETRC_END_MARKER }));
  return { start: begin.start, end: end.end };
}

function findLine(bytes: string, line: string, from: number): { start: number; end: number } | null {
  let at = from;
  while (at <= bytes.length) {
    const nl = bytes.indexOf('\n', at);
    const lineEnd = nl === -1 ? bytes.length : nl;
    if (bytes.slice(at, lineEnd).replace(/\r$/, '') === line) return { start: at, end: nl === -1 ? lineEnd : nl + 1 };
    if (nl === -1) return null;
    at = nl + 1;
  }
  return null;
}

/** The credentials inside the managed block (one per origin line). */
export function parseManagedNetrcCredentials(bytes: string): NetrcCredential[] {
  const span = findManagedNetrcBlock(bytes);
  if (!span) return [];
  const out: NetrcCredential[] = [];
  let origin: string | null = null;
  for (const raw of fromBytes(bytes.slice(span.start, span.end)).split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith(ORIGIN_LINE)) {
      origin = line.slice(ORIGIN_LINE.length).trim();
      continue;
    }
    const f = line.trim().split(/\s+/);
    if (origin !== null && f.length === 6 && f[0] === 'machine' && f[2] === 'login' && f[4] === 'password') {
      out.push({ origin, user: f[3]!, secret: f[5]! });
      origin = null; // the extra host:port line of the same origin repeats the values
    }
  }
  return out;
}

/**
 * The file with its managed block replaced by one for `credentials` (or removed when there are
 * none). Foreign bytes are never changed: without an existing block, ours is inserted at the top
 * (after a UTF-8 BOM, if any), so removing it restores the original exactly.
 */
export function replaceManagedNetrcBlock(bytes: string, credentials: readonly NetrcCredential[]): string {
  const block = renderManagedNetrcBlock(credentials);
  const span = findManagedNetrcBlock(bytes);
  if (span) return bytes.slice(0, span.start) + block + bytes.slice(span.end);
  if (block === '') return bytes;
  const at = bytes.startsWith(UTF8_BOM) ? UTF8_BOM.length : 0;
  return bytes.slice(0, at) + block + bytes.slice(at);
}
