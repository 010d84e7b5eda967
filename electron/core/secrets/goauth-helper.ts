// The GOAUTH helper: what `goproxyctl auth helper [URL]` prints when go runs it as
// GOAUTH='command goproxyctl auth helper'. Secrets are read from the keychain at fetch time, so
// nothing is stored in a file (go-semantics.md §4). Formatting is pure (goauth-format.ts); this
// file only reads the store.
import { SecretStoreInputError } from './errors.js';
import { basicCredentialSet, formatGoauthCredentialSets, selectCredentialSetForUrl, type GoauthCredentialSet } from './goauth-format.js';
import { isHttpsOrigin } from './origin.js';
import type { SecretStore } from './secret-store.js';
import { msg } from '../../../shared/i18n/message.js';

/** One Basic-auth credential set per stored https origin (plain-http lab origins are skipped: go never asks for them). */
export async function storedCredentialSets(store: SecretStore): Promise<GoauthCredentialSet[]> {
  const sets: GoauthCredentialSet[] = [];
  for (const { origin } of await store.list()) {
    if (!isHttpsOrigin(origin)) continue;
    const credential = await store.get(origin);
    if (credential) sets.push(basicCredentialSet(origin, credential.user, credential.secret));
  }
  return sets;
}

/**
 * The helper's stdout for go's arguments: none → every stored https credential set; one URL (the
 * retry after a 4xx) → only the set whose prefix matches it, longest first, or nothing.
 * `_stdin` carries the failed response's status line and headers; it does not change the answer
 * (the keychain holds one credential per origin, so there is nothing else to offer), but the
 * caller must still read it so go can write it.
 */
export async function goauthHelperOutput(store: SecretStore, args: readonly string[], _stdin: string): Promise<string> {
  if (args.length > 1) throw new SecretStoreInputError(msg('ops.secrets.helper-args'));
  const sets = await storedCredentialSets(store);
  const url = args[0];
  if (url === undefined) return formatGoauthCredentialSets(sets);
  const match = selectCredentialSetForUrl(sets, url);
  return match ? formatGoauthCredentialSets([match]) : '';
}
