// Every IPC message's sender is checked: it must be the main frame of a webContents this app
// created, showing our own dashboard (app://ui/). Anything else (a frame we did not create, a
// page that somehow navigated elsewhere) is dropped before the service sees it.
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol.js';

export type SenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export interface SenderTrust {
  /** Called for each window the app creates; forgotten when its webContents is destroyed. */
  trust(contents: Pick<WebContents, 'id' | 'once'>): void;
  isTrusted(event: SenderEvent): boolean;
}

export function createSenderTrust(appOrigin: string = APP_ORIGIN): SenderTrust {
  const trusted = new Set<number>();
  return {
    trust(contents) {
      const id = contents.id;
      trusted.add(id);
      contents.once('destroyed', () => trusted.delete(id));
    },
    isTrusted(event) {
      const frame = event.senderFrame;
      if (!trusted.has(event.sender.id) || frame === null || frame === undefined) return false;
      if (frame !== event.sender.mainFrame) return false;
      return frame.url.startsWith(`${appOrigin}/`);
    },
  };
}
