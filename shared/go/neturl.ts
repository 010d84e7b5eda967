// The part of Go's net/url (src/net/url/url.go, same logic in go 1.19 and 1.23) that
// cmd/go uses to validate GOPROXY and GOSUMDB URLs: Parse, String and Redacted, with
// Go's exact error texts. Strings are handled as byte strings (see util/utf8.ts)
// because Go escapes and compares bytes.
import { fromByteString, goQuoteBytes, toByteString } from '../util/utf8.js';

export interface GoURL {
  scheme: string;
  opaque: string;
  user: { username: string; password: string | null } | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

export type GoURLParse = { ok: true; url: GoURL } | { ok: false; error: string };

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

class UrlError extends Error {}

/** Go's url.Parse. Input and output fields are normal JS strings. */
export function parseGoURL(raw: string): GoURLParse {
  const rawBytes = toByteString(raw);
  const hash = rawBytes.indexOf('#');
  const u = hash < 0 ? rawBytes : rawBytes.slice(0, hash);
  const frag = hash < 0 ? '' : rawBytes.slice(hash + 1);
  let url: GoURL;
  try {
    url = parse(u);
  } catch (e) {
    if (e instanceof UrlError) return { ok: false, error: `parse ${goQuoteBytes(u)}: ${e.message}` };
    throw e;
  }
  if (frag !== '') {
    try {
      setFragment(url, frag);
    } catch (e) {
      if (e instanceof UrlError) return { ok: false, error: `parse ${goQuoteBytes(rawBytes)}: ${e.message}` };
      throw e;
    }
  }
  return { ok: true, url: decodeFields(url) };
}

/** Go's (*url.URL).String(). */
export function goURLString(url: GoURL): string {
  return fromByteString(stringBytes(encodeFields(url)));
}

/** Go's (*url.URL).Redacted(): String with any password replaced by "xxxxx". */
export function goURLRedacted(url: GoURL): string {
  const redacted = url.user !== null && url.user.password !== null ? { ...url, user: { username: url.user.username, password: 'xxxxx' } } : url;
  return goURLString(redacted);
}

function mapFields(url: GoURL, f: (s: string) => string): GoURL {
  return {
    ...url,
    scheme: f(url.scheme),
    opaque: f(url.opaque),
    user: url.user === null ? null : { username: f(url.user.username), password: url.user.password === null ? null : f(url.user.password) },
    host: f(url.host),
    path: f(url.path),
    rawPath: f(url.rawPath),
    rawQuery: f(url.rawQuery),
    fragment: f(url.fragment),
    rawFragment: f(url.rawFragment),
  };
}
const decodeFields = (url: GoURL): GoURL => mapFields(url, fromByteString);
const encodeFields = (url: GoURL): GoURL => mapFields(url, toByteString);

function parse(rawURL: string): GoURL {
  if (containsCtlByte(rawURL)) throw new UrlError('net/url: invalid control character in URL');
  const url: GoURL = {
    scheme: '', opaque: '', user: null, host: '', path: '', rawPath: '', omitHost: false,
    forceQuery: false, rawQuery: '', fragment: '', rawFragment: '',
  };
  if (rawURL === '*') {
    url.path = '*';
    return url;
  }
  const [scheme, afterScheme] = getScheme(rawURL);
  let rest = afterScheme;
  url.scheme = scheme.toLowerCase();

  if (rest.endsWith('?') && count(rest, '?') === 1) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }

  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      // A scheme followed by a non-slash is an opaque URL ("mailto:x").
      url.opaque = rest;
      return url;
    }
    const segment = rest.split('/')[0] ?? '';
    if (segment.includes(':')) throw new UrlError('first path segment in URL cannot contain colon');
  }

  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const parsed = parseAuthority(authority);
    url.user = parsed.user;
    url.host = parsed.host;
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  setPath(url, rest);
  return url;
}

function getScheme(rawURL: string): [string, string] {
  for (let i = 0; i < rawURL.length; i++) {
    const c = rawURL[i] ?? '';
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', rawURL];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new UrlError('missing protocol scheme');
      return [rawURL.slice(0, i), rawURL.slice(i + 1)];
    }
    return ['', rawURL];
  }
  return ['', rawURL];
}

function parseAuthority(authority: string): { user: GoURL['user']; host: string } {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return { user: null, host };
  const userinfo = authority.slice(0, at);
  if (!validUserinfo(userinfo)) throw new UrlError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { user: { username: unescape(userinfo, 'userPassword'), password: null }, host };
  return {
    user: { username: unescape(userinfo.slice(0, colon), 'userPassword'), password: unescape(userinfo.slice(colon + 1), 'userPassword') },
    host,
  };
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    // IPv6 literal, possibly with a %25 zone.
    const close = host.lastIndexOf(']');
    if (close < 0) throw new UrlError("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuoteBytes(colonPort)} after host`);
    const zone = host.slice(0, close).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, close), 'zone') + unescape(host.slice(close), 'host');
    }
  } else {
    const colon = host.lastIndexOf(':');
    if (colon !== -1) {
      const colonPort = host.slice(colon);
      if (!validOptionalPort(colonPort)) throw new UrlError(`invalid port ${goQuoteBytes(colonPort)} after host`);
    }
  }
  return unescape(host, 'host');
}

function setPath(url: GoURL, p: string): void {
  const path = unescape(p, 'path');
  url.path = path;
  url.rawPath = escape(path, 'path') === p ? '' : p;
}

function setFragment(url: GoURL, f: string): void {
  const frag = unescape(f, 'fragment');
  url.fragment = frag;
  url.rawFragment = escape(frag, 'fragment') === f ? '' : f;
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function validUserinfo(s: string): boolean {
  // Go ranges over runes here; bytes >= 0x80 belong to non-ASCII runes, all invalid.
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

function containsCtlByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    if (b < 0x20 || b === 0x7f) return true;
  }
  return false;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

function unhex(c: string): number {
  return parseInt(c, 16);
}

function shouldEscape(code: number, mode: Mode): boolean {
  const c = String.fromCharCode(code);
  if (/[a-zA-Z0-9]/.test(c)) return false;
  if ((mode === 'host' || mode === 'zone') && "!$&'()*+,;=:[]<>\"".includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path': return c === '?';
      case 'pathSegment': return c === '/' || c === ';' || c === ',' || c === '?';
      case 'userPassword': return c === '@' || c === '/' || c === '?' || c === ':';
      case 'queryComponent': return true;
      case 'fragment': return false;
      default: break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

function unescape(s: string, mode: Mode): string {
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '%') {
      n++;
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
        throw new UrlError(`invalid URL escape ${goQuoteBytes(s.slice(i, i + 3))}`);
      }
      const triple = s.slice(i, i + 3);
      if (mode === 'host' && unhex(s[i + 1] ?? '') < 8 && triple !== '%25') {
        throw new UrlError(`invalid URL escape ${goQuoteBytes(triple)}`);
      }
      if (mode === 'zone') {
        const v = (unhex(s[i + 1] ?? '') << 4) | unhex(s[i + 2] ?? '');
        if (triple !== '%25' && v !== 0x20 && shouldEscape(v, 'host')) {
          throw new UrlError(`invalid URL escape ${goQuoteBytes(triple)}`);
        }
      }
      i += 3;
    } else if (c === '+') {
      hasPlus = mode === 'queryComponent';
      i++;
    } else {
      const code = s.charCodeAt(i);
      if ((mode === 'host' || mode === 'zone') && code < 0x80 && shouldEscape(code, mode)) {
        throw new UrlError(`invalid character ${goQuoteBytes(s.slice(i, i + 1))} in host name`);
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      t += String.fromCharCode((unhex(s[i + 1] ?? '') << 4) | unhex(s[i + 2] ?? ''));
      i += 2;
    } else if (c === '+') {
      t += mode === 'queryComponent' ? ' ' : '+';
    } else {
      t += c;
    }
  }
  return t;
}

function escape(s: string, mode: Mode): string {
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x20 && mode === 'queryComponent') t += '+';
    else if (shouldEscape(code, mode)) t += '%' + code.toString(16).toUpperCase().padStart(2, '0');
    else t += s[i];
  }
  return t;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if ("!$&'()*+,;=:@[]%".includes(c)) continue;
    if (shouldEscape(s.charCodeAt(i), mode)) return false;
  }
  return true;
}

function escapedPath(url: GoURL): string {
  if (url.rawPath !== '' && validEncoded(url.rawPath, 'path')) {
    try {
      if (unescape(url.rawPath, 'path') === url.path) return url.rawPath;
    } catch (e) {
      if (!(e instanceof UrlError)) throw e;
    }
  }
  if (url.path === '*') return '*';
  return escape(url.path, 'path');
}

function escapedFragment(url: GoURL): string {
  if (url.rawFragment !== '' && validEncoded(url.rawFragment, 'fragment')) {
    try {
      if (unescape(url.rawFragment, 'fragment') === url.fragment) return url.rawFragment;
    } catch (e) {
      if (!(e instanceof UrlError)) throw e;
    }
  }
  return escape(url.fragment, 'fragment');
}

function stringBytes(u: GoURL): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (!(u.omitHost && u.host === '' && u.user === null)) {
        if (u.host !== '' || u.path !== '' || u.user !== null) buf += '//';
        if (u.user !== null) {
          buf += escape(u.user.username, 'userPassword');
          if (u.user.password !== null) buf += ':' + escape(u.user.password, 'userPassword');
          buf += '@';
        }
        if (u.host !== '') buf += escape(u.host, 'host');
      }
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '') {
      const segment = path.split('/')[0] ?? '';
      if (segment.includes(':')) buf += './';
    }
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escapedFragment(u);
  return buf;
}

/** Go's (*url.Userinfo).String(): "" for nil, else the escaped "user[:password]". */
export function goUserinfoString(user: GoURL['user']): string {
  if (user === null) return '';
  let s = escape(toByteString(user.username), 'userPassword');
  if (user.password !== null) s += ':' + escape(toByteString(user.password), 'userPassword');
  return fromByteString(s);
}
