// Fans the store out to every subscriber (IPC windows, headless SSE clients): a snapshot on
// subscribe, then one patch per tick however many commits happened in it, and events in order
// with the patches (a pending patch is flushed before an event, so an event never describes a
// state the subscriber has not seen yet).
import { diffState, type AppEvent, type StreamMessage } from '../../../shared/contract/stream.js';
import type { StreamListener, Unsubscribe } from '../../../shared/contract/contract.js';
import type { AppStore } from './store.js';

export interface StreamHub {
  subscribe(listener: StreamListener): Unsubscribe;
  emit(event: AppEvent): void;
  close(): void;
}

export function createStreamHub(store: AppStore): StreamHub {
  const listeners = new Set<StreamListener>();
  let flushed = store.getState();
  let scheduled: NodeJS.Immediate | null = null;

  const send = (message: StreamMessage): void => {
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch {
        // One broken subscriber (a closed socket, a destroyed window) must not starve the others.
      }
    }
  };
  const flush = (): void => {
    if (scheduled !== null) clearImmediate(scheduled);
    scheduled = null;
    const next = store.getState();
    if (next.revision === flushed.revision) return;
    const message: StreamMessage = { type: 'patch', base: flushed.revision, revision: next.revision, changes: diffState(flushed, next) };
    flushed = next;
    send(message);
  };
  const stopWatching = store.subscribe(() => {
    scheduled ??= setImmediate(flush);
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      listener({ type: 'snapshot', state: store.getState() });
      return () => void listeners.delete(listener);
    },
    emit(event) {
      flush();
      send({ type: 'event', event });
    },
    close() {
      stopWatching();
      if (scheduled !== null) clearImmediate(scheduled);
      scheduled = null;
      listeners.clear();
    },
  };
}
