// GOPROXY parsing: a port of proxyList() and newProxyRepo()'s URL checks from
// cmd/go/internal/modfetch/proxy.go (same logic in go 1.19 and 1.23), plus the
// warnings a doctor wants about what go silently ignores.
import { goURLRedacted, parseGoURL, type GoURL } from './neturl.js';

export type ChainEntry =
  | { kind: 'proxy'; url: string; fallBackOnError: boolean; raw: string; hasCredentials: boolean }
  | { kind: 'direct'; fallBackOnError: boolean }
  | { kind: 'off'; fallBackOnError: boolean };

export type GoproxyWarningCode = 'ignored-after-terminal' | 'empty-entry' | 'credentials-in-url' | 'insecure-http' | 'space-in-entry';

export interface GoproxyWarning {
  code: GoproxyWarningCode;
  message: string;
  entry?: string;
}

export interface ParsedGoproxy {
  entries: ChainEntry[];
  warnings: GoproxyWarning[];
}

export type GoproxyParse = { ok: true; value: ParsedGoproxy } | { ok: false; error: string };

export const EMPTY_GOPROXY_LIST_ERROR = 'GOPROXY list is not the empty string, but contains no entries';

/**
 * Parses GOPROXY as go does. The error text is go's own. The empty string gives the
 * empty-list error too (go itself never sees "": an empty setting means "use the default").
 */
export function parseGoproxy(value: string): GoproxyParse {
  const entries: ChainEntry[] = [];
  const warnings: GoproxyWarning[] = [];
  let rest = value;
  let terminal: string | null = null;
  while (rest !== '') {
    const { entry: untrimmed, fallBackOnError, rest: after } = nextEntry(rest);
    rest = after;
    const entry = untrimmed.trim();
    if (terminal !== null) {
      if (entry !== '') {
        warnings.push({
          code: 'ignored-after-terminal',
          entry,
          message: `"${entry}" comes after "${terminal}", which ends the list, so go ignores it.`,
        });
      }
      continue;
    }
    if (entry === '') {
      warnings.push({ code: 'empty-entry', message: 'An empty entry (two separators in a row, or a separator at an end) is skipped by go.' });
      continue;
    }
    if (entry !== untrimmed) {
      warnings.push({
        code: 'space-in-entry',
        entry,
        message: `"${untrimmed}" has spaces around it; go trims them, but other tools reading GOPROXY may not.`,
      });
    }
    if (entry === 'off' || entry === 'direct') {
      entries.push({ kind: entry, fallBackOnError: false });
      terminal = entry;
      continue;
    }
    const raw = withDefaultScheme(entry);
    const checked = checkProxyURL(raw);
    if (!checked.ok) return { ok: false, error: checked.error };
    const url = checked.url;
    if (/\s/.test(entry)) {
      warnings.push({ code: 'space-in-entry', entry, message: `"${entry}" contains a space inside the URL; go keeps it, which is almost certainly a typo.` });
    }
    const hasCredentials = url.user !== null;
    if (hasCredentials) {
      warnings.push({
        code: 'credentials-in-url',
        entry: goURLRedacted(url),
        message: `${goURLRedacted(url)} carries credentials in the URL, which end up in plain text in the go env file and in process listings; use the keychain (GOAUTH) or netrc instead.`,
      });
    }
    if (url.scheme === 'http' && !isLoopbackHost(url.host)) {
      warnings.push({
        code: 'insecure-http',
        entry: goURLRedacted(url),
        message: `${goURLRedacted(url)} uses plain http, so modules${hasCredentials ? ' and credentials' : ''} travel unencrypted; use https.`,
      });
    }
    entries.push({ kind: 'proxy', url: normalizedFromParsed(url), fallBackOnError, raw, hasCredentials });
  }
  if (entries.length === 0) return { ok: false, error: EMPTY_GOPROXY_LIST_ERROR };
  return { ok: true, value: { entries, warnings } };
}

/** Entries back to a GOPROXY string; the separator after an entry is "|" when it falls back on any error. */
export function formatGoproxy(entries: readonly ChainEntry[]): string {
  let out = '';
  entries.forEach((entry, i) => {
    out += entry.kind === 'proxy' ? (entry.raw !== '' ? entry.raw : entry.url) : entry.kind;
    if (i < entries.length - 1) out += entry.fallBackOnError ? '|' : ',';
  });
  return out;
}

/**
 * The base URL go fetches from, for display and comparison: scheme://host[:port]/path
 * without credentials, query or fragment, and without the one trailing "/" go drops
 * before appending the module path. Applies go's default "https://" first. An input
 * go would reject comes back trimmed, without a trailing "/".
 */
export function normalizeProxyUrl(url: string): string {
  const trimmed = url.trim();
  const parsed = parseGoURL(withDefaultScheme(trimmed));
  if (!parsed.ok) return trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed;
  return normalizedFromParsed(parsed.url);
}

/** Go adds "https://" to an entry that has one of ".:/" but no ":/" and is not an absolute path. */
export function withDefaultScheme(entry: string): string {
  if (/[.:/]/.test(entry) && !entry.includes(':/') && !entry.startsWith('/')) return 'https://' + entry;
  return entry;
}

function nextEntry(list: string): { entry: string; fallBackOnError: boolean; rest: string } {
  const i = list.search(/[,|]/);
  if (i < 0) return { entry: list, fallBackOnError: false, rest: '' };
  return { entry: list.slice(0, i), fallBackOnError: list[i] === '|', rest: list.slice(i + 1) };
}

/** newProxyRepo's checks, with its error texts (URLs shown redacted, as go does). */
function checkProxyURL(raw: string): { ok: true; url: GoURL } | { ok: false; error: string } {
  const parsed = parseGoURL(raw);
  if (!parsed.ok) return parsed;
  const url = parsed.url;
  switch (url.scheme) {
    case 'http':
    case 'https':
      return { ok: true, url };
    case 'file': {
      const onlyPath =
        url.opaque === '' && url.user === null && url.host === '' && !url.omitHost && !url.forceQuery &&
        url.rawQuery === '' && url.fragment === '' && url.rawFragment === '';
      if (!onlyPath) return { ok: false, error: `invalid file:// proxy URL with non-path elements: ${goURLRedacted(url)}` };
      return { ok: true, url };
    }
    case '':
      return { ok: false, error: `invalid proxy URL missing scheme: ${goURLRedacted(url)}` };
    default:
      return { ok: false, error: `invalid proxy URL scheme (must be https, http, file): ${goURLRedacted(url)}` };
  }
}

function normalizedFromParsed(url: GoURL): string {
  const path = url.rawPath !== '' ? url.rawPath : url.path;
  const base = `${url.scheme}://${url.host}${path}`;
  return base.endsWith('/') && path !== '' ? base.slice(0, -1) : base;
}

function isLoopbackHost(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(1, host.lastIndexOf(']')) : host.replace(/:\d*$/, '');
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}
