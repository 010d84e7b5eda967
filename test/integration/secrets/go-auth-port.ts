// Small ports of go's own readers (cmd/go/internal/auth, Go 1.24), so tests check our output the
// way go reads it rather than the way we wrote it. Kept line-for-line close to the Go source.

/** go's parseUserAuth: GOAUTH command output → prefix (without "https://") → headers. Throws where go errors. */
export function parseUserAuth(data: string): Map<string, [string, string][]> {
  const credentials = new Map<string, [string, string][]>();
  let rest = data;
  const cut = (s: string): [string, string, boolean] => {
    const i = s.indexOf('\n');
    return i === -1 ? [s, '', false] : [s.slice(0, i), s.slice(i + 1), true];
  };
  while (rest !== '') {
    const urls: string[] = [];
    for (;;) {
      const [line, after, ok] = cut(rest);
      rest = after;
      if (!ok) throw new Error('invalid format: missing empty line after URLs');
      if (line === '') break;
      // url.ParseRequestURI: an absolute URL (or an absolute path) without a fragment.
      if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s#]+$/i.test(line)) throw new Error(`could not parse URL ${line}`);
      urls.push(line);
    }
    const header: [string, string][] = [];
    for (;;) {
      const [line, after, ok] = cut(rest);
      rest = after;
      if (!ok) throw new Error('invalid format: missing empty line after headers');
      if (line === '') break;
      const i = line.indexOf(': ');
      if (i === -1) throw new Error('invalid format: invalid header line');
      const name = line.slice(0, i);
      const value = line.slice(i + 2).trim();
      // validHeaderFieldName (token chars) / validHeaderFieldValue (no CTLs except tab).
      // eslint-disable-next-line no-control-regex
      if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) throw new Error('invalid format: invalid header line');
      header.push([name, value]);
    }
    for (const u of urls) credentials.set(u.replace(/^https:\/\//, ''), header);
  }
  return credentials;
}

/** go's storeCredential + loadCredential: the headers go would attach to a request for rawURL. */
export function headersGoWouldSend(credentials: Map<string, [string, string][]>, rawURL: string): [string, string][] | null {
  const cache = new Map<string, [string, string][]>();
  for (const [prefix, header] of credentials) cache.set(prefix.replace(/^https:\/\//, '').replace(/\/$/, ''), header);
  const u = new URL(rawURL);
  // Go's url.Host keeps an explicit port; WHATWG drops the default one. Tests use no explicit :443.
  let current = `${u.host}${u.pathname}`.replace(/\/$/, '');
  for (;;) {
    const h = cache.get(current);
    if (h) return h;
    const slash = current.lastIndexOf('/');
    if (slash === -1) return null;
    current = current.slice(0, slash);
  }
}

export interface GoNetrcLine {
  machine: string;
  login: string;
  password: string;
}

/** go's parseNetrc (cmd/go/internal/auth/netrc.go), including its macdef and default handling. */
export function parseNetrc(data: string): GoNetrcLine[] {
  const nrc: GoNetrcLine[] = [];
  let l: GoNetrcLine = { machine: '', login: '', password: '' };
  let inMacro = false;
  for (const line of data.split('\n')) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const f = line.split(/[\t\n\v\f\r \u0085\u00a0]+/).filter((x) => x !== '');
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      switch (f[i]) {
        case 'machine':
          l = { machine: f[i + 1]!, login: '', password: '' };
          break;
        case 'default':
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
        nrc.push(l);
        l = { machine: '', login: '', password: '' };
      }
    }
    if (i < f.length && f[i] === 'default') break;
  }
  return nrc;
}

/** go < 1.24's AddCredentials: the first netrc line whose machine equals the request's host name (no port). */
export function netrcCredentialGo123(lines: GoNetrcLine[], rawURL: string): { login: string; password: string } | null {
  const host = new URL(rawURL).hostname.replace(/^\[|\]$/g, '');
  const l = lines.find((x) => x.machine === host);
  return l ? { login: l.login, password: l.password } : null;
}
