// Credentials of profile subscriptions (https://user:password@host/profiles.json): kept in the OS
// keychain like proxy credentials, never in profiles.json. A separate keychain service from the
// proxy credentials ("goproxyctl-subscriptions"), so a subscription's password is never handed
// to go by the GOAUTH helper, and one item per subscription URL (without its credential), so two
// subscriptions on one server keep their own. The item's secret is the same small JSON document
// as a proxy credential's (encodeItemPayload).
import type * as Keyring from '@napi-rs/keyring';
import { decodeItemPayload, encodeItemPayload, guardKeychain, keychainEntry } from './keychain-store.js';
import { validateCredentialSecret, validateCredentialUser } from './credential-input.js';
import { KeychainError } from './errors.js';
import type { StoredCredential } from './secret-store.js';
import { msg } from '../../../shared/i18n/message.js';

export const SUBSCRIPTION_KEYCHAIN_SERVICE = 'goproxyctl-subscriptions';

export interface SubscriptionSecrets {
  set(source: string, credential: StoredCredential): Promise<void>;
  get(source: string): Promise<StoredCredential | null>;
  /** false when there was none. */
  remove(source: string): Promise<boolean>;
}

export class KeychainSubscriptionSecrets implements SubscriptionSecrets {
  constructor(readonly service: string = SUBSCRIPTION_KEYCHAIN_SERVICE) {}

  async set(source: string, credential: StoredCredential): Promise<void> {
    validateCredentialUser(credential.user);
    validateCredentialSecret(credential.secret);
    const payload = encodeItemPayload(credential);
    await this.keychain(async () => (await this.entry(source)).setPassword(payload), [credential.secret, payload]);
  }

  async get(source: string): Promise<StoredCredential | null> {
    const text = await this.keychain(async () => (await this.entry(source)).getPassword(), []);
    if (text === null) return null;
    const item = decodeItemPayload(text);
    if (!item) throw new KeychainError('foreign-item', msg('ops.keychain.foreign-subscription', { source, service: this.service }));
    return item;
  }

  remove(source: string): Promise<boolean> {
    return this.keychain(async () => (await this.entry(source)).deleteCredential(), []);
  }

  private entry(source: string): Promise<Keyring.AsyncEntry> {
    return keychainEntry(this.service, source);
  }

  private keychain<T>(op: () => Promise<T>, secrets: string[]): Promise<T> {
    return guardKeychain(op, secrets);
  }
}
