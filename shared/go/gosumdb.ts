// GOSUMDB parsing: a port of dbDial() in cmd/go/internal/modfetch/sumdb.go and of
// note.NewVerifier (golang.org/x/mod/sumdb/note), with go's error texts.
import { base64StdDecode } from '../util/base64.js';
import { sha256 } from '../util/sha256.js';
import { utf8Encode } from '../util/utf8.js';
import { goURLString, goUserinfoString, parseGoURL, type GoURL } from './neturl.js';

export type Gosumdb =
  | { kind: 'off' }
  | {
      kind: 'db';
      name: string;
      verifierKey: string;
      /** Explicit URL that bypasses proxies; null => via GOPROXY, then https://<name>. */
      url: string | null;
    };

export type GosumdbParse = { ok: true; value: Gosumdb } | { ok: false; error: string };

/** cmd/go/internal/modfetch/key.go */
export const KNOWN_GOSUMDB: Readonly<Record<string, string>> = {
  'sum.golang.org': 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
};

const ALG_ED25519 = 1;

export function parseGosumdb(value: string): GosumdbParse {
  // sum.golang.google.cn is an alias, reachable inside mainland China, for sum.golang.org.
  const gosumdb = value === 'sum.golang.google.cn' ? 'sum.golang.org https://sum.golang.google.cn' : value;
  if (gosumdb === 'off') return { ok: true, value: { kind: 'off' } };

  const fields = goFields(gosumdb);
  const first = fields[0];
  if (first === undefined) return { ok: false, error: 'missing GOSUMDB' };
  const verifierKey = KNOWN_GOSUMDB[first] ?? first;
  if (fields.length > 2) return { ok: false, error: 'invalid GOSUMDB: too many fields' };

  const verifier = checkVerifierKey(verifierKey);
  if (!verifier.ok) return { ok: false, error: `invalid GOSUMDB: ${verifier.error}` };
  const name = verifier.name;

  // No funny business in the database name.
  const direct = parseGoURL('https://' + name);
  if (!direct.ok) {
    // go 1.19-1.23 dereference the nil URL while formatting this error and crash
    // (a nil-pointer panic); we report the reason instead.
    return { ok: false, error: `invalid sumdb name (must be host[/path]): ${name} (${direct.error}; go itself crashes on this value)` };
  }
  if (name.endsWith('/') || !isHostPathOnly(direct.url) || direct.url.host === '') {
    return { ok: false, error: `invalid sumdb name (must be host[/path]): ${name} ${goStructURL(direct.url)}` };
  }

  let url: string | null = null;
  const explicit = fields[1];
  if (explicit !== undefined) {
    const parsed = parseGoURL(explicit);
    if (!parsed.ok) return { ok: false, error: `invalid GOSUMDB URL: ${parsed.error}` };
    url = goURLString(parsed.url);
  }
  return { ok: true, value: { kind: 'db', name, verifierKey, url } };
}

/**
 * note.NewVerifier's checks on "name+hash+base64key": the name, or go's error
 * ("malformed verifier id", "invalid verifier hash", "unknown verifier algorithm").
 */
export function checkVerifierKey(vkey: string): { ok: true; name: string } | { ok: false; error: string } {
  const [name, afterName] = chop(vkey, '+');
  const [hash16, key64] = chop(afterName, '+');
  const key = base64StdDecode(key64);
  if (!/^[0-9a-fA-F]{8}$/.test(hash16) || key === null || !isValidNoteName(name) || key.length === 0) {
    return { ok: false, error: 'malformed verifier id' };
  }
  if (parseInt(hash16, 16) !== noteKeyHash(name, key)) return { ok: false, error: 'invalid verifier hash' };
  if (key[0] !== ALG_ED25519) return { ok: false, error: 'unknown verifier algorithm' };
  if (key.length - 1 !== 32) return { ok: false, error: 'malformed verifier id' };
  return { ok: true, name };
}

/** note.keyHash: the first 4 bytes (big-endian) of SHA-256(name + "\n" + key). */
export function noteKeyHash(name: string, key: Uint8Array): number {
  const nameBytes = utf8Encode(name + '\n');
  const input = new Uint8Array(nameBytes.length + key.length);
  input.set(nameBytes);
  input.set(key, nameBytes.length);
  const sum = sha256(input);
  return (((sum[0] ?? 0) << 24) | ((sum[1] ?? 0) << 16) | ((sum[2] ?? 0) << 8) | (sum[3] ?? 0)) >>> 0;
}

function chop(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

// Go's unicode.IsSpace: ASCII \t\n\v\f\r and space, U+0085, U+00A0 and category Z.
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\p{Z}]/u;

function isValidNoteName(name: string): boolean {
  return name !== '' && !GO_SPACE.test(name) && !name.includes('+');
}

/** strings.Fields: split around runs of unicode.IsSpace. */
function goFields(s: string): string[] {
  return s.split(new RegExp(GO_SPACE.source + '+', 'u')).filter((f) => f !== '');
}

function isHostPathOnly(u: GoURL): boolean {
  return (
    u.scheme === 'https' && u.opaque === '' && u.user === null && u.rawPath === '' && !u.omitHost &&
    !u.forceQuery && u.rawQuery === '' && u.fragment === '' && u.rawFragment === ''
  );
}

/** How go prints a url.URL with %+v in this error (User through its String method). */
function goStructURL(u: GoURL): string {
  const user = goUserinfoString(u.user);
  return (
    `{Scheme:${u.scheme} Opaque:${u.opaque} User:${user} Host:${u.host} Path:${u.path} RawPath:${u.rawPath} ` +
    `OmitHost:${String(u.omitHost)} ForceQuery:${String(u.forceQuery)} RawQuery:${u.rawQuery} Fragment:${u.fragment} RawFragment:${u.rawFragment}}`
  );
}
