// Validation of the user name and secret before anything is stored. Pure. Messages name the
// problem and the fix but never include the secret.
import { SecretStoreInputError } from './errors.js';
import { msg } from '../../../shared/i18n/message.js';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export function validateCredentialUser(user: string): void {
  if (user === '') throw new SecretStoreInputError(msg('ops.secrets.user-empty'));
  if (user.includes(':')) throw new SecretStoreInputError(msg('ops.secrets.user-colon'));
  if (CONTROL_CHARS.test(user)) throw new SecretStoreInputError(msg('ops.secrets.user-control'));
}

export function validateCredentialSecret(secret: string): void {
  if (secret === '') throw new SecretStoreInputError(msg('ops.secrets.secret-empty'));
  if (secret.includes('\u0000')) throw new SecretStoreInputError(msg('ops.secrets.secret-nul'));
}

/**
 * A credential is only worth storing for an origin go would send it to. go adds credentials
 * (netrc, GOAUTH) to https requests only (cmd/go/internal/web/http.go calls auth.AddCredentials
 * for https URLs), so a plain-http proxy would keep answering 401 whatever is stored, loopback
 * included. `origin` is already normalized (normalizeCredentialOrigin).
 */
export function validateCredentialOriginForGo(origin: string): void {
  if (origin.startsWith('http://')) {
    throw new SecretStoreInputError(msg('ops.secrets.origin-http', { origin }));
  }
}
