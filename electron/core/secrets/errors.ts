// Errors of the secrets layer. Every message is one sentence that names the fix, and none ever
// contains a secret: messages are built from fixed text and from non-secret values only (origins,
// user names, paths); a keychain library message is quoted only when no secret occurs in it.

/** Bad input from the user (CLI exit code 2): an invalid origin, a user name Basic auth cannot carry... */
export class SecretStoreInputError extends Error {
  override name = 'SecretStoreInputError';
}

/** Why the OS keychain could not be used. */
export type KeychainProblem = 'unavailable' | 'locked' | 'no-collection' | 'foreign-item' | 'failed';

/** The OS keychain is missing, locked or refused: never answered with a plaintext fallback. */
export class KeychainError extends Error {
  override name = 'KeychainError';
  constructor(
    readonly problem: KeychainProblem,
    message: string,
  ) {
    super(message);
  }
}

/** A netrc file goproxyctl will not write (unsafe permissions, a value netrc cannot represent...). */
export class NetrcError extends Error {
  override name = 'NetrcError';
}

export const NO_KEYCHAIN_SENTENCE =
  'no OS keychain is available: start a Secret Service such as gnome-keyring (with a D-Bus session), or run inside a desktop session; goproxyctl never stores credentials in plain text';

/**
 * Maps a failure of @napi-rs/keyring (keyring-rs underneath) to one clear sentence. Pure, so the
 * wording is decided in one place. The patterns are keyring-rs' messages on Linux (D-Bus, Secret
 * Service), macOS (Security framework) and Windows (Credential Manager). The library's own text is
 * quoted only for unrecognised failures, and only when it contains none of the secrets the
 * operation handled (redacting could not work for short secrets: it would mangle the text).
 */
export function classifyKeychainFailure(libraryMessage: string, secrets: readonly string[] = []): KeychainError {
  const m = libraryMessage;
  if (/D-?Bus error|Failed to connect|autolaunch|ServiceUnknown|no platform|platform secure storage is not available/i.test(m)) {
    return new KeychainError('unavailable', NO_KEYCHAIN_SENTENCE);
  }
  if (/prompt was dismissed|is locked|locked collection|User interaction is not allowed|user canceled/i.test(m)) {
    return new KeychainError('locked', 'the OS keychain is locked: unlock it (log in to the desktop session, or unlock the "login" keyring) and try again');
  }
  if (/no result found/i.test(m)) {
    return new KeychainError('no-collection', 'the OS keychain has no default collection to store secrets in: create a "login" keyring (for example with Seahorse) and try again');
  }
  const detail = m.replace(/\s+/g, ' ').trim().replace(/[.]$/, '');
  const quotable = detail !== '' && secrets.every((s) => s === '' || !detail.includes(s));
  return new KeychainError('failed', `the OS keychain refused the operation${quotable ? ` (${detail})` : ''}: check that it is unlocked and try again`);
}
