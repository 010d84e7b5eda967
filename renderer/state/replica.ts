// The renderer's read-only replica of the main process's state: fed only by the stream
// (snapshot, then patches), resynchronised with a fresh snapshot when a patch was missed.
// The UI reads it; it never writes the app state itself, it calls commands.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/contract/contract.js';
import type { AppState } from '../../shared/contract/state.js';
import { applyStreamMessage, type AppEvent } from '../../shared/contract/stream.js';

export type NoticeEvent = Extract<AppEvent, { type: 'notice' }>;

export interface Notice {
  id: number;
  event: NoticeEvent;
}

/** Progress and watcher events (benchmark rows, probes, repairs): passed on, never stored here. */
export type ActivityListener = (event: Exclude<AppEvent, NoticeEvent>) => void;

export interface ReplicaState {
  app: AppState | null;
  notices: Notice[];
}

export interface Replica {
  store: StoreApi<ReplicaState>;
  dismiss: (id: number) => void;
  /** Subscribes to the events that are not notices (a view listens while it is shown). */
  onActivity(listener: ActivityListener): () => void;
  stop(): void;
}

const MAX_NOTICES = 5;

export function startReplica(api: Api): Replica {
  const store = createStore<ReplicaState>()(() => ({ app: null, notices: [] }));
  let nextId = 1;
  const activity = new Set<ActivityListener>();
  const resync = () =>
    void api.state().then(
      (state) => {
        const current = store.getState().app;
        if (current === null || state.revision >= current.revision) store.setState({ app: state });
      },
      () => {}, // the stream reconnects and starts with a snapshot anyway
    );
  const stop = api.stream((message) => {
    const step = applyStreamMessage(store.getState().app, message);
    if (step.kind === 'replace') store.setState({ app: step.state });
    else if (step.kind === 'resync') resync();
    else if (step.kind === 'event') {
      const event = step.event;
      // A notice supersedes the earlier one of its kind: "GOPROXY changed: a → b" then "b → c"
      // leaves only the second, which is what is true now.
      if (event.type === 'notice') store.setState((s) => ({ notices: [...s.notices.filter((n) => n.event.code !== event.code), { id: nextId++, event }].slice(-MAX_NOTICES) }));
      else for (const listener of [...activity]) listener(event);
    }
  });
  return {
    store,
    dismiss: (id) => store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    onActivity(listener) {
      activity.add(listener);
      return () => void activity.delete(listener);
    },
    stop,
  };
}
