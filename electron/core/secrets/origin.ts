// Which server a stored credential belongs to: an origin, normalized so that the same proxy typed
// two ways ("HTTPS://Proxy.Corp:443/go/" and "https://proxy.corp") maps to one keychain item.
// Pure: no I/O, safe to call on untrusted input.
import { SecretStoreInputError } from './errors.js';
import { msg } from '../../../shared/i18n/message.js';

/** scheme://host[:port], lowercase host, default port dropped, no path. */
export type CredentialOrigin = string;

/** Loopback names: the only hosts for which a plain-http origin may hold a credential (lab proxies). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Normalizes what a user typed as a proxy URL into the origin credentials are stored under.
 * Accepts a bare host ("proxy.corp:8443"), which gets https:// like a GOPROXY entry does.
 * Throws SecretStoreInputError (one sentence with the fix) for anything else. The input is never
 * echoed when it could hold a password (an '@'), so a pasted "https://user:pass@host" cannot leak
 * into an error message or a log.
 */
export function normalizeCredentialOrigin(input: string): CredentialOrigin {
  const trimmed = input.trim();
  const shown = trimmed.includes('@') ? msg('ops.secrets.given-url') : JSON.stringify(trimmed);
  if (trimmed === '') throw new SecretStoreInputError(msg('ops.secrets.url-empty'));
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SecretStoreInputError(msg('ops.secrets.url-invalid', { url: shown }));
  }
  if (url.username !== '' || url.password !== '' || trimmed.includes('@')) {
    throw new SecretStoreInputError(msg('ops.secrets.url-userinfo'));
  }
  if (url.hostname === '') throw new SecretStoreInputError(msg('ops.secrets.url-no-host', { url: shown }));
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new SecretStoreInputError(msg('ops.secrets.url-http', { url: shown }));
    }
  } else if (url.protocol !== 'https:') {
    throw new SecretStoreInputError(msg('ops.secrets.url-scheme', { url: shown }));
  }
  // URL already lowercases the host, punycodes IDNs and drops the scheme's default port.
  return `${url.protocol}//${url.host}`;
}

/** True for origins go would ever send credentials to (GOAUTH and netrc are https-only). */
export function isHttpsOrigin(origin: CredentialOrigin): boolean {
  return origin.startsWith('https://');
}
