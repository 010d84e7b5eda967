// The credential store the rest of the product codes against. One implementation ships
// (keychain-store.ts, the OS keychain); the interface keeps profiles, apply and the CLI
// independent of the keychain library.
import type { CredentialOrigin } from './origin.js';
import type { Message } from '../../../shared/i18n/message.js';

/** What list() reveals: never the secret. */
export interface CredentialRef {
  origin: CredentialOrigin;
  user: string;
}

export interface StoredCredential {
  user: string;
  secret: string;
}

export type SecretStoreStatus =
  | { available: true; backend: string }
  /** reason: the sentence in English; detail: the same as a message, for the user's language. */
  | { available: false; problem: string; reason: string; detail: Message };

export interface SecretStore {
  /**
   * Stores (or replaces) the credential for a proxy. `origin` may be any URL of the proxy; it is
   * normalized (normalizeCredentialOrigin). Throws SecretStoreInputError for bad input and
   * KeychainError when the keychain cannot be used (nothing is written anywhere then).
   */
  set(origin: string, user: string, secret: string): Promise<void>;
  /** The credential for a proxy, or null when none is stored. */
  get(origin: string): Promise<StoredCredential | null>;
  /** Removes the credential; false when there was none. */
  remove(origin: string): Promise<boolean>;
  /** Every stored origin with its user, sorted by origin; never secrets. */
  list(): Promise<CredentialRef[]>;
  /** Whether the keychain can be used right now, and if not, the sentence that names the fix. */
  status(): Promise<SecretStoreStatus>;
}
