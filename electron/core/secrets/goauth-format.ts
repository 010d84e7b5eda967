// The GOAUTH "command" protocol (Go 1.24+, `go help goauth`; go-semantics.md §4), as pure functions.
// go runs the command with no argument before its first https fetch, and again with the URL as
// argument (and the failed response on stdin) after a 4xx. The command prints credential sets:
//
//   Response      = { CredentialSet } .
//   CredentialSet = URLLine { URLLine } BlankLine { HeaderLine } BlankLine .
//   URLLine       = /* URL that starts with "https://" */ '\n' .
//   HeaderLine    = /* HTTP request header */ '\n' .
//   BlankLine     = '\n' .
//
// go keys each set by the URL without "https://" and without a trailing slash, and picks for a
// request the longest key that equals host+path or a '/'-bounded ancestor of it
// (cmd/go/internal/auth: storeCredential, loadCredential). https only: go never calls GOAUTH for
// plain http.

export interface GoauthCredentialSet {
  /** https:// URL prefixes the headers apply to. */
  prefixes: string[];
  /** Header name and value pairs, in order. */
  headers: [string, string][];
}

export function basicAuthorization(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

export function basicCredentialSet(prefix: string, user: string, secret: string): GoauthCredentialSet {
  return { prefixes: [prefix], headers: [['Authorization', basicAuthorization(user, secret)]] };
}

/** Text for go to read. Sets without an https prefix or without headers are left out (go would ignore or reject them). */
export function formatGoauthCredentialSets(sets: readonly GoauthCredentialSet[]): string {
  let out = '';
  for (const set of sets) {
    const prefixes = set.prefixes.filter((p) => p.startsWith('https://'));
    if (prefixes.length === 0 || set.headers.length === 0) continue;
    out += prefixes.map((p) => `${p}\n`).join('') + '\n';
    out += set.headers.map(([name, value]) => `${name}: ${value}\n`).join('') + '\n';
  }
  return out;
}

/** go's cache key for a prefix URL: without "https://" and without a trailing slash. */
export function goauthPrefixKey(prefix: string): string {
  return prefix.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/**
 * The set go would use for a request URL, reduced to the matching prefix, or null: walk from
 * host+path up through its '/'-separated ancestors and stop at the first (so longest) key found.
 * A key is only ever a whole path segment boundary, so https://a.example never matches
 * https://a.example.evil.
 */
export function selectCredentialSetForUrl(sets: readonly GoauthCredentialSet[], requestUrl: string): GoauthCredentialSet | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const byKey = new Map<string, { prefix: string; set: GoauthCredentialSet }>();
  for (const set of sets) {
    for (const prefix of set.prefixes) {
      const key = goauthPrefixKey(prefix);
      if (prefix.startsWith('https://') && !byKey.has(key)) byKey.set(key, { prefix, set });
    }
  }
  let current = `${url.host}${url.pathname}`.replace(/\/$/, '');
  for (;;) {
    const hit = byKey.get(current);
    if (hit) return { prefixes: [hit.prefix], headers: hit.set.headers };
    const slash = current.lastIndexOf('/');
    if (slash === -1) return null;
    current = current.slice(0, slash);
  }
}
