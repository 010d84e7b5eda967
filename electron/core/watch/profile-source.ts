// The profile store as the watch engine sees it (WatchProfileSource): the one adapter for
// `goproxyctl watch` and the service's embedded watcher. Templates with placeholders (e.g.
// corporate's <PRIVATE_PROXY_URL>) cannot be switched to, so they are not offered.
import { profileGoproxy, profileToGoEnv } from '../../../shared/profile/to-go-env.js';
import { applyBlockers } from '../../../shared/profile/validate.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import type { WatchProfileSource } from './engine.js';

/** `store` is asked for a store per use, so a store file changed by another process is re-read. */
export function profileStoreSource(store: () => ProfileStore): WatchProfileSource {
  return {
    list: async () => (await store().list()).filter((l) => applyBlockers(l.profile).length === 0).map((l) => ({ id: l.profile.id, goproxy: profileGoproxy(l.profile) })),
    active: () => store().active(),
    goVars: async (id) => profileToGoEnv(await store().get(id)),
    setActive: (id) => store().setActive(id),
  };
}
