// Validation of the user name and secret before anything is stored. Pure. Messages name the
// problem and the fix but never include the secret.
import { SecretStoreInputError } from './errors.js';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export function validateCredentialUser(user: string): void {
  if (user === '') throw new SecretStoreInputError('the user name is empty: give the user name the proxy expects');
  if (user.includes(':')) throw new SecretStoreInputError('the user name contains ":", which HTTP Basic authentication cannot carry: use the user name without it');
  if (CONTROL_CHARS.test(user)) throw new SecretStoreInputError('the user name contains a control character (a newline or tab?): give the user name on its own');
}

export function validateCredentialSecret(secret: string): void {
  if (secret === '') throw new SecretStoreInputError('the secret is empty: give the password or token on stdin');
  if (secret.includes('\u0000')) throw new SecretStoreInputError('the secret contains a NUL byte: give the password or token as text');
}

/**
 * A credential is only worth storing for an origin go would send it to. go adds credentials
 * (netrc, GOAUTH) to https requests only (cmd/go/internal/web/http.go calls auth.AddCredentials
 * for https URLs), so a plain-http proxy would keep answering 401 whatever is stored, loopback
 * included. `origin` is already normalized (normalizeCredentialOrigin).
 */
export function validateCredentialOriginForGo(origin: string): void {
  if (origin.startsWith('http://')) {
    throw new SecretStoreInputError(
      `${origin} is plain http, and go never sends credentials over http (only to https URLs), so the proxy would still answer 401: serve it over https and store the credential for its https:// URL`,
    );
  }
}
