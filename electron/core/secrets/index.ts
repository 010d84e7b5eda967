// Credentials for private proxies: the OS keychain store, the GOAUTH helper (Go 1.24+) and the
// opt-in netrc writer (older Go). A secret never appears in argv, a log, an error message or a
// file, except the netrc file the user explicitly asked for.
export type { CredentialRef, SecretStore, SecretStoreStatus, StoredCredential } from './secret-store.js';
export { KeychainSecretStore, createKeychainSecretStore, DEFAULT_KEYCHAIN_SERVICE, keychainBackendName, keychainBackendWords, type KeychainSecretStoreOptions } from './keychain-store.js';
export { defaultCredentialIndexPath } from './credential-index.js';
export { normalizeCredentialOrigin, isLoopbackHost, isHttpsOrigin, type CredentialOrigin } from './origin.js';
export { KeychainError, NetrcError, SecretStoreInputError, NO_KEYCHAIN_SENTENCE, type KeychainProblem } from './errors.js';
export { goauthHelperOutput, storedCredentialSets } from './goauth-helper.js';
export { basicAuthorization, formatGoauthCredentialSets, selectCredentialSetForUrl, type GoauthCredentialSet } from './goauth-format.js';
export { defaultNetrcPath, writeNetrcEntries, removeNetrcEntries, listNetrcEntries, type NetrcWriteOptions } from './netrc-file.js';
export { NETRC_BEGIN_MARKER, NETRC_END_MARKER, netrcMachinesForOrigin, type NetrcCredential } from './netrc-text.js';
export { KeychainSubscriptionSecrets, SUBSCRIPTION_KEYCHAIN_SERVICE, type SubscriptionSecrets } from './subscription-secrets.js';
