// A benchmark's recommendation as a profile, so applying it goes through the use engine like any
// switch (one undoable apply, verified with the real go). Pure.
import type { Recommendation } from '../bench/recommend.js';
import { renderer } from '../i18n/catalog.js';
import { applyEn } from '../i18n/parts/apply.js';
import { goproxyEntries } from './assign.js';
import { structuredCloneProfile, type Profile } from './index.js';

export const RECOMMENDED_PROFILE_ID = 'recommended';

/**
 * The base profile (the active one, so private settings survive) with the recommended chain, under
 * `id` (default "recommended": the dashboard's Apply; `bench --save-profile <id>` names its own).
 */
export function recommendedProfile(base: Profile, rec: Recommendation, id: string = RECOMMENDED_PROFILE_ID, name: string = applyEn['apply.builtin.recommended.name']): Profile {
  const parsed = goproxyEntries(rec.goproxy);
  if (!parsed.ok) throw new Error(`the recommended GOPROXY is not valid (${parsed.error})`);
  const goproxy = parsed.entries;
  const copy = structuredCloneProfile(base);
  return {
    ...copy,
    id,
    name,
    // The profile file is data: its description is in English, whatever the language of the screen.
    description: rec.reasons.map(renderer('en')).join(' '),
    goproxy,
    gosumdb: rec.gosumdb ?? copy.gosumdb,
  };
}
