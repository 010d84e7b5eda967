// The preload's whole job: one method per contract key, each forwarding to its own IPC channel
// (channelOf), and nothing else: no generic send/invoke, no ipcRenderer, no event objects reach
// the page. Written against a minimal IPC interface so it is tested without Electron.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CONTRACT, CONTRACT_KEYS, channelOf, type PreloadApi, type StreamListener } from '../../shared/contract/contract.js';
import { isStreamMessage } from '../../shared/contract/stream.js';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;

/** Messages the renderer sends on a stream channel. */
export type StreamControl = 'subscribe' | 'unsubscribe';

export function createPreloadApi(ipc: PreloadIpc): PreloadApi {
  const api: Record<string, unknown> = {};
  for (const key of CONTRACT_KEYS) {
    const channel = channelOf(key);
    const kind = CONTRACT[key].kind;
    if (kind === 'command') api[key] = (request: unknown) => ipc.invoke(channel, request);
    else if (kind === 'state') api[key] = () => ipc.invoke(channel);
    else
      api[key] = (listener: StreamListener) => {
        const forward = (_event: IpcRendererEvent, message: unknown) => {
          if (isStreamMessage(message)) listener(message);
        };
        ipc.on(channel, forward);
        ipc.send(channel, 'subscribe' satisfies StreamControl);
        return () => {
          ipc.removeListener(channel, forward);
          ipc.send(channel, 'unsubscribe' satisfies StreamControl);
        };
      };
  }
  return api as PreloadApi;
}
