// Credentials for private proxies (electron/core/secrets): the secret arrives in a request body
// and goes straight to the OS keychain; it is never logged, never in the state, never returned.
import type { CommandHandlers } from '../../../shared/contract/contract.js';
import { ContractError } from '../../../shared/contract/envelope.js';
import type { CredentialsView } from '../../../shared/contract/responses.js';
import type { KeychainStatusView } from '../../../shared/contract/state.js';
import { KeychainError, keychainBackendWords, normalizeCredentialOrigin, SecretStoreInputError, type SecretStoreStatus } from '../secrets/index.js';
import { validateCredentialOriginForGo } from '../secrets/credential-input.js';
import type { CommandContext, ServiceContext } from './context.js';
import { commit } from './store.js';

export function toKeychainStatusView(status: SecretStoreStatus): KeychainStatusView {
  return status.available
    ? { available: true, backend: status.backend, problem: null, backendMessage: keychainBackendWords() }
    : { available: false, backend: null, problem: status.reason, problemId: status.problem, problemMessage: status.detail };
}

/** The engine's errors already keep secrets out of their messages (secrets/errors.ts). */
function asContractError(err: unknown): ContractError {
  if (err instanceof SecretStoreInputError) return new ContractError('bad-request', err.message);
  if (err instanceof KeychainError) return new ContractError('failed', err.message);
  return new ContractError('failed', 'the keychain could not be used');
}

export function createCredentialHandlers(ctx: ServiceContext): Pick<CommandHandlers<CommandContext>, 'refreshCredentials' | 'setCredential' | 'removeCredential'> {
  const { store } = ctx;

  async function reload(): Promise<CredentialsView> {
    const secrets = ctx.secrets();
    const status = toKeychainStatusView(await secrets.status());
    if (!status.available) {
      commit(store, { credentials: { list: [], status, error: status.problem } });
      return { list: [], status };
    }
    try {
      const list = (await secrets.list()).map((c) => ({ origin: c.origin, user: c.user }));
      commit(store, { credentials: { list, status, error: null } });
      return { list, status };
    } catch (err) {
      const e = asContractError(err);
      commit(store, { credentials: { ...store.getState().credentials, status, error: e.message } });
      throw e;
    }
  }

  return {
    refreshCredentials: () => reload(),
    async setCredential(request) {
      let origin: string;
      try {
        origin = normalizeCredentialOrigin(request.origin);
        validateCredentialOriginForGo(origin);
        await ctx.secrets().set(origin, request.user, request.secret);
      } catch (err) {
        throw asContractError(err);
      }
      await reload();
      return { origin, user: request.user };
    },
    async removeCredential(request) {
      let removed: boolean;
      try {
        removed = await ctx.secrets().remove(request.origin);
      } catch (err) {
        throw asContractError(err);
      }
      await reload();
      return { removed };
    },
  };
}
