// The profile store's listing as the state shows it. Pure.
import type { ProfileView } from '../../../shared/contract/state.js';
import { applyBlockers } from '../../../shared/profile/index.js';
import type { ListedProfile } from '../profiles/index.js';

export function toProfileView(listed: ListedProfile): ProfileView {
  const origin = listed.origin;
  return {
    profile: listed.profile,
    origin: typeof origin === 'string' ? origin : 'subscription',
    subscription: typeof origin === 'string' ? null : origin.subscription,
    active: listed.active,
    blockers: applyBlockers(listed.profile),
  };
}
