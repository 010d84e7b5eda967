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
