// Errors of the secrets layer. Every message is one sentence that names the fix, and none ever
// contains a secret: messages are built from fixed text and from non-secret values only (origins,
// user names, paths); a keychain library message is quoted only when no secret occurs in it.
// A KeychainError carries its sentence as a message too (`words`), so every front end says it in
// its user's language; `message` is the English.
import { render } from '../../../shared/i18n/catalog.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { MessageError } from '../../../shared/i18n/message-error.js';

/** Bad input from the user (CLI exit code 2): an invalid origin, a user name Basic auth cannot carry... */
export class SecretStoreInputError extends MessageError {
  override name = 'SecretStoreInputError';
}

/** Why the OS keychain could not be used. */
export type KeychainProblem = 'unavailable' | 'locked' | 'no-collection' | 'foreign-item' | 'failed';

/** The OS keychain is missing, locked or refused: never answered with a plaintext fallback. */
export class KeychainError extends MessageError {
  override name = 'KeychainError';
  constructor(
    readonly problem: KeychainProblem,
    detail: Message,
  ) {
    super(detail);
  }
}

/** A netrc file goproxyctl will not write (unsafe permissions, a value netrc cannot represent...). */
export class NetrcError extends MessageError {
  override name = 'NetrcError';
}

export const NO_KEYCHAIN: Message = msg('ops.keychain.unavailable');
export const NO_KEYCHAIN_SENTENCE = render('en', NO_KEYCHAIN);

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
    return new KeychainError('unavailable', NO_KEYCHAIN);
  }
  if (/prompt was dismissed|is locked|locked collection|User interaction is not allowed|user canceled/i.test(m)) {
    return new KeychainError('locked', msg('ops.keychain.locked'));
  }
  if (/no result found/i.test(m)) {
    return new KeychainError('no-collection', msg('ops.keychain.no-collection'));
  }
  const detail = m.replace(/\s+/g, ' ').trim().replace(/[.]$/, '');
  const quotable = detail !== '' && secrets.every((s) => s === '' || !detail.includes(s));
  return new KeychainError('failed', quotable ? msg('ops.keychain.failed-detail', { detail }) : msg('ops.keychain.failed'));
}
