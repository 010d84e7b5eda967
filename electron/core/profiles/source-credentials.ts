// A subscription URL may carry a credential (https://user:password@host/profiles.json). The
// credential goes to the OS keychain (subscription-secrets.ts); the store, the output and every
// error message only ever see the URL without it.

export interface SplitSource {
  /** The URL without user and password: what profiles.json stores and what is shown. */
  source: string;
  credential: { user: string; secret: string } | null;
}

/** Splits the credential off an http(s) URL; other sources come back unchanged. */
export function splitSourceCredentials(source: string): SplitSource {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return { source, credential: null };
  }
  if (url.username === '' && url.password === '') return { source, credential: null };
  const credential = { user: safeDecode(url.username), secret: safeDecode(url.password) };
  url.username = '';
  url.password = '';
  return { source: url.href, credential };
}

/** The URL with any user and password shown as ***, for messages; anything unparsable is hidden whole after an '@'. */
export function redactUrlCredentials(text: string): string {
  try {
    const url = new URL(text);
    if (url.username === '' && url.password === '') return text;
    url.username = '***';
    url.password = '';
    return url.href;
  } catch {
    return text.replace(/\/\/[^/@\s]*@/g, '//***@');
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
