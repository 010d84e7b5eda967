// Which transport this page has: the preload bridge inside Electron, else the headless server
// that served the page (its token arrives in the URL fragment, which the page then removes from
// the address bar and keeps only for this tab's session).
import { BRIDGE_GLOBAL, type Api, type PreloadApi } from '../../shared/contract/contract.js';
import { createHeadlessClient, type StreamStatus } from './headless-client.js';
import { createPreloadClient } from './preload-client.js';

const TOKEN_KEY = 'goproxyctl.token';

export type Connection = { ok: true; api: Api; transport: 'electron' | 'headless' } | { ok: false; reason: 'no-token' };

export function connect(onStreamStatus: (status: StreamStatus) => void): Connection {
  const preload = (window as unknown as Record<string, PreloadApi | undefined>)[BRIDGE_GLOBAL];
  if (preload !== undefined) return { ok: true, api: createPreloadClient(preload), transport: 'electron' };
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return { ok: false, reason: 'no-token' };
  return { ok: true, api: createHeadlessClient({ origin: window.location.origin, token, onStreamStatus }), transport: 'headless' };
}
