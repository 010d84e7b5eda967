// The contract over Electron's preload (window.goproxyctl): the preload returns errors as data
// (contextBridge keeps only an Error's message), this client turns them back into ContractErrors,
// so the renderer sees exactly what the headless client gives it.
import { CONTRACT, CONTRACT_KEYS, type Api, type PreloadApi } from '../../shared/contract/contract.js';
import { unwrap, type Envelope } from '../../shared/contract/envelope.js';

export function createPreloadClient(preload: PreloadApi): Api {
  const api: Record<string, unknown> = {};
  for (const key of CONTRACT_KEYS) {
    const exposed = preload[key] as (...args: unknown[]) => unknown;
    if (typeof exposed !== 'function') throw new Error(`the preload does not expose "${key}": rebuild it (npm run build:preload)`);
    api[key] = CONTRACT[key].kind === 'command' ? async (request: unknown) => unwrap((await exposed(request)) as Envelope<unknown>) : exposed;
  }
  return api as Api;
}
