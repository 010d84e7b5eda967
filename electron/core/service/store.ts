// The authoritative application state: a vanilla zustand store in the main process (or the
// headless server's process). Only command handlers change it, and only through `commit`, which
// replaces the changed top-level keys and bumps the revision the stream's patches refer to.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { INITIAL_STATE, type AppState } from '../../../shared/contract/state.js';
import type { StateChanges } from '../../../shared/contract/stream.js';

export type AppStore = StoreApi<AppState>;

export function createAppStore(initial: AppState = INITIAL_STATE): AppStore {
  return createStore<AppState>()(() => initial);
}

export function commit(store: AppStore, changes: StateChanges): void {
  store.setState((s) => ({ ...changes, revision: s.revision + 1 }));
}
