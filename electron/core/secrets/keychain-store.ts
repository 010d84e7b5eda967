// SecretStore on the OS keychain through @napi-rs/keyring (keyring-rs): macOS Keychain, Windows
// Credential Manager, and on Linux the Secret Service (gnome-keyring, KWallet, KeePassXC).
//
// One keychain item per origin: service "goproxyctl", account = the normalized origin, and the
// item's secret a small JSON document {user, secret}, so get() needs nothing but the keychain.
// On Linux the entry is pinned to the Secret Service: the library's default silently falls back
// to the kernel keyutils keyring, which forgets everything at reboot; pinned, an unreachable
// Secret Service is an error (a KeychainError naming the fix), never a fallback, and never
// plaintext on disk.
import type * as Keyring from '@napi-rs/keyring';
import type { AsyncEntry } from '@napi-rs/keyring';
import { defaultCredentialIndexPath, readCredentialIndex, sortRefs, updateCredentialIndex } from './credential-index.js';
import { validateCredentialSecret, validateCredentialUser } from './credential-input.js';
import { KeychainError, classifyKeychainFailure } from './errors.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { normalizeCredentialOrigin, type CredentialOrigin } from './origin.js';
import type { CredentialRef, SecretStore, SecretStoreStatus, StoredCredential } from './secret-store.js';

export const DEFAULT_KEYCHAIN_SERVICE = 'goproxyctl';

export interface KeychainSecretStoreOptions {
  /** Keychain service name; tests may isolate themselves with another. */
  service?: string;
  /** Where the non-secret index lives; default under the product's config directory. */
  indexPath?: string;
}

type KeyringModule = typeof Keyring;
let keyringModule: Promise<KeyringModule> | undefined;
/** Loaded on first use, so commands that never touch credentials do not load the native addon. */
function loadKeyring(): Promise<KeyringModule> {
  keyringModule ??= import('@napi-rs/keyring');
  return keyringModule;
}

/**
 * The keychain item (service, account), pinned to the Secret Service on Linux: never the kernel
 * keyring, whose items vanish at logout. Shared by proxy and subscription credentials.
 */
export async function keychainEntry(service: string, account: string): Promise<AsyncEntry> {
  const { AsyncEntry } = await loadKeyring();
  return new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
}

/** Runs a keychain operation, turning any library failure into a KeychainError without secrets. */
export async function guardKeychain<T>(op: () => Promise<T>, secrets: string[]): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (err instanceof KeychainError) throw err;
    throw classifyKeychainFailure(err instanceof Error ? err.message : String(err), secrets);
  }
}

const STATUS_PROBE_ACCOUNT = 'goproxyctl:status-probe';

/** The keychain's name as a message, for sentences in the user's language. */
export function keychainBackendWords(platform: NodeJS.Platform = process.platform): Message {
  if (platform === 'darwin') return msg('ops.keychain.backend.macos');
  if (platform === 'win32') return msg('ops.keychain.backend.windows');
  return msg('ops.keychain.backend.secret-service');
}

export function keychainBackendName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service';
}

interface ItemPayload {
  user: string;
  secret: string;
}

export function encodeItemPayload(c: ItemPayload): string {
  return JSON.stringify({ v: 1, user: c.user, secret: c.secret });
}

/** The item's secret as written by encodeItemPayload, or null for anything else. */
export function decodeItemPayload(text: string): ItemPayload | null {
  try {
    const d = JSON.parse(text) as { v?: unknown; user?: unknown; secret?: unknown };
    if (d.v === 1 && typeof d.user === 'string' && typeof d.secret === 'string') return { user: d.user, secret: d.secret };
  } catch {
    // not ours
  }
  return null;
}

export class KeychainSecretStore implements SecretStore {
  readonly service: string;
  readonly indexPath: string;

  constructor(options: KeychainSecretStoreOptions = {}) {
    this.service = options.service ?? DEFAULT_KEYCHAIN_SERVICE;
    this.indexPath = options.indexPath ?? defaultCredentialIndexPath();
  }

  async set(origin: string, user: string, secret: string): Promise<void> {
    const key = normalizeCredentialOrigin(origin);
    validateCredentialUser(user);
    validateCredentialSecret(secret);
    const payload = encodeItemPayload({ user, secret });
    await this.keychain(async () => (await this.entry(key)).setPassword(payload), [secret, payload]);
    // Only after the keychain accepted it: the index never names a credential that is not stored.
    await updateCredentialIndex(this.indexPath, (refs) => [...refs.filter((r) => r.origin !== key), { origin: key, user }]);
  }

  async get(origin: string): Promise<StoredCredential | null> {
    return this.read(normalizeCredentialOrigin(origin));
  }

  async remove(origin: string): Promise<boolean> {
    const key = normalizeCredentialOrigin(origin);
    const deleted = await this.keychain(async () => (await this.entry(key)).deleteCredential(), []);
    const refs = await readCredentialIndex(this.indexPath);
    if (refs.some((r) => r.origin === key)) await updateCredentialIndex(this.indexPath, (current) => current.filter((r) => r.origin !== key));
    return deleted;
  }

  /**
   * The index reconciled with the keychain: entries whose item is gone are dropped, users come
   * from the items, and items of this service that the index misses (a lost or older index) are
   * added back when the library can enumerate them. The index file is updated to match.
   */
  async list(): Promise<CredentialRef[]> {
    // Probe first: with nothing indexed no other call would notice a missing keychain, and an
    // empty list must mean "none stored", not "could not look".
    await this.probe();
    const indexed = await readCredentialIndex(this.indexPath);
    const verified: CredentialRef[] = [];
    for (const ref of indexed) {
      const item = await this.read(ref.origin);
      if (item) verified.push({ origin: ref.origin, user: item.user });
    }
    const discovered = (await this.enumerate()).filter((d) => !verified.some((v) => v.origin === d.origin));
    const result = sortRefs([...verified, ...discovered]);
    const same = result.length === indexed.length && result.every((r, i) => r.origin === indexed[i]?.origin && r.user === indexed[i]?.user);
    if (!same) {
      const stale = new Set(indexed.filter((i) => !verified.some((v) => v.origin === i.origin)).map((i) => i.origin));
      await updateCredentialIndex(this.indexPath, (current) => {
        const kept = current.filter((c) => !stale.has(c.origin) && !result.some((r) => r.origin === c.origin));
        return [...kept, ...result];
      });
    }
    return result;
  }

  async status(): Promise<SecretStoreStatus> {
    try {
      await this.probe();
      return { available: true, backend: keychainBackendName() };
    } catch (err) {
      if (err instanceof KeychainError) return { available: false, problem: err.problem, reason: err.message, detail: err.detail };
      throw err;
    }
  }

  /** Reads an item that never exists: fails exactly when the keychain cannot be used. */
  private async probe(): Promise<void> {
    await this.keychain(async () => (await this.entry(STATUS_PROBE_ACCOUNT)).getPassword(), []);
  }

  private async read(key: CredentialOrigin): Promise<StoredCredential | null> {
    const text = await this.keychain(async () => (await this.entry(key)).getPassword(), []);
    if (text === null) return null;
    const item = decodeItemPayload(text);
    if (!item) {
      throw new KeychainError('foreign-item', msg('ops.keychain.foreign-item', { origin: key, service: this.service }));
    }
    return item;
  }

  /** Items of this service the library can enumerate; best effort (the index is the primary list). */
  private async enumerate(): Promise<CredentialRef[]> {
    let found: { account: string; password: string }[];
    try {
      found = await (await loadKeyring()).findCredentialsAsync(this.service);
    } catch {
      return [];
    }
    const refs: CredentialRef[] = [];
    for (const { account, password } of found) {
      const item = decodeItemPayload(password);
      let origin: string;
      try {
        origin = normalizeCredentialOrigin(account);
      } catch {
        continue;
      }
      if (item && origin === account) refs.push({ origin, user: item.user });
    }
    return refs;
  }

  private entry(account: string): Promise<AsyncEntry> {
    return keychainEntry(this.service, account);
  }

  private keychain<T>(op: () => Promise<T>, secrets: string[]): Promise<T> {
    return guardKeychain(op, secrets);
  }
}

export function createKeychainSecretStore(options: KeychainSecretStoreOptions = {}): SecretStore {
  return new KeychainSecretStore(options);
}
