// Credentials for private proxies from the secret store (electron/core/secrets). The non-secret
// index says which origins have one, so the keychain (and its native addon) is touched only for
// those: a benchmark of public proxies never needs an unlocked keychain.
import { defaultCredentialIndexPath, readCredentialIndex } from '../secrets/credential-index.js';
import { createKeychainSecretStore, normalizeCredentialOrigin, type SecretStore } from '../secrets/index.js';
import type { Credentials } from '../probe/index.js';
import { msg, type Message } from '../../../shared/i18n/message.js';

export interface CredentialLookup {
  /** The credential stored for the candidate's origin, or null when none is stored. */
  credentialsFor(candidateUrl: string): Promise<Credentials | null>;
  /** Sentences about credentials that exist but could not be read (the keychain was locked...). */
  readonly warnings: Message[];
}

export interface StoredCredentialOptions {
  indexPath?: string;
  store?: SecretStore;
}

function originOf(candidateUrl: string): string | null {
  try {
    return normalizeCredentialOrigin(candidateUrl);
  } catch {
    // Userinfo in the URL, or a scheme no credential can be stored for: nothing to look up.
    return null;
  }
}

export function storedCredentials(opts: StoredCredentialOptions = {}): CredentialLookup {
  const warnings: Message[] = [];
  let indexed: Promise<Set<string>> | undefined;
  let store: SecretStore | undefined = opts.store;
  const origins = (): Promise<Set<string>> => {
    indexed ??= readCredentialIndex(opts.indexPath ?? defaultCredentialIndexPath())
      .then((refs) => new Set(refs.map((r) => r.origin)))
      .catch((err: unknown) => {
        warnings.push(msg('bench.warning.credentialIndexUnreadable', { error: (err as Error).message }));
        return new Set<string>();
      });
    return indexed;
  };
  return {
    warnings,
    async credentialsFor(candidateUrl) {
      if (candidateUrl === 'direct') return null;
      const origin = originOf(candidateUrl);
      if (!origin || !(await origins()).has(origin)) return null;
      try {
        store ??= createKeychainSecretStore();
        const stored = await store.get(origin);
        return stored ? { user: stored.user, secret: stored.secret } : null;
      } catch (err) {
        // Never the secret in a message: the store's errors are written to name only the fix.
        warnings.push(msg('bench.warning.credentialUnreadable', { origin, error: (err as Error).message }));
        return null;
      }
    },
  };
}
