// A benchmark's advice saved as a profile of the user's: the one use case behind the dashboard's
// Apply (service/profile-handlers.ts, then a switch) and `goproxyctl bench --save-profile <id>`
// (then `goproxyctl use <id>`). The active profile is the base, so its private patterns,
// credentials and shells survive; saving again under the same id replaces that profile.
import type { Recommendation } from '../../../shared/bench/recommend.js';
import { builtinProfile, type Profile } from '../../../shared/profile/index.js';
import { recommendedProfile } from '../../../shared/profile/recommended.js';
import type { ProfileStore } from './profile-store.js';

export async function saveRecommendation(store: ProfileStore, recommendation: Recommendation, id: string, name?: string): Promise<Profile> {
  const activeId = await store.active();
  const active = activeId !== null && activeId !== id ? await store.get(activeId).catch(() => null) : null;
  const previous = await store.get(id).catch(() => null);
  const base = active ?? previous ?? builtinProfile('global')!;
  const profile = recommendedProfile(base, recommendation, id, name ?? previous?.name ?? undefined);
  const exists = (await store.list()).some((p) => p.profile.id === id && p.origin === 'user');
  await (exists ? store.update(profile) : store.create(profile));
  return profile;
}
