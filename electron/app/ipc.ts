// Registers exactly one IPC endpoint per contract key, on its derived channel (channelOf), and
// nothing else. Commands and the state are `ipcMain.handle`; the stream is a subscription per
// webContents, fed by the service's hub. Untrusted senders are dropped (see sender-trust.ts).
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { CONTRACT, CONTRACT_KEYS, channelOf, type Unsubscribe } from '../../shared/contract/contract.js';
import type { Service } from '../core/service/service.js';
import type { SenderEvent } from './sender-trust.js';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;
type StreamSender = Pick<WebContents, 'id' | 'send' | 'isDestroyed' | 'once'>;

export const UNTRUSTED_SENDER = 'IPC message from a sender this app did not create: dropped';

/** Returns a function that removes every registration. */
export function registerContractIpc(ipcMain: IpcMainLike, service: Pick<Service, 'dispatch' | 'state' | 'subscribe'>, isTrusted: (event: SenderEvent) => boolean): () => void {
  const disposers: (() => void)[] = [];
  for (const key of CONTRACT_KEYS) {
    const channel = channelOf(key);
    const kind = CONTRACT[key].kind;
    if (kind === 'command' || kind === 'state') {
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown) => {
        if (!isTrusted(event)) throw new Error(UNTRUSTED_SENDER);
        return kind === 'state' ? service.state() : service.dispatch(key, request);
      });
      disposers.push(() => ipcMain.removeHandler(channel));
      continue;
    }
    const subscriptions = new Map<number, Unsubscribe>();
    const watched = new Set<number>(); // windows whose 'destroyed' we already listen to
    const end = (id: number) => {
      subscriptions.get(id)?.();
      subscriptions.delete(id);
    };
    const onStream = (event: IpcMainEvent, control: unknown) => {
      if (!isTrusted(event)) return;
      const sender = event.sender as StreamSender;
      end(sender.id); // a reload subscribes again: one subscription per window, never two
      if (control !== 'subscribe') return;
      subscriptions.set(
        sender.id,
        service.subscribe((message) => {
          if (!sender.isDestroyed()) sender.send(channel, message);
        }),
      );
      // Once per window, not per subscription: reloads must not pile up listeners.
      if (watched.has(sender.id)) return;
      watched.add(sender.id);
      sender.once('destroyed', () => {
        end(sender.id);
        watched.delete(sender.id);
      });
    };
    ipcMain.on(channel, onStream);
    disposers.push(() => {
      ipcMain.removeListener(channel, onStream);
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
  }
  return () => disposers.forEach((d) => d());
}
