// Profile documents as exchanged in files and subscriptions: either one profile, or a bundle
// {"schema": 1, "profiles": [...]} (what a team publishes). Parsing is all-or-nothing: one bad
// profile rejects the whole document, so nothing half-valid ever replaces what the user has.
import { validateProfile } from './validate.js';
import { PROFILE_SCHEMA, type Profile } from './types.js';

export type DocumentParse = { ok: true; profiles: Profile[] } | { ok: false; errors: string[] };

export function parseProfileDocument(text: string, source: string): DocumentParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`${source} is not valid JSON (${(err as Error).message}); fix the syntax or export the profile again`] };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'profiles' in value) {
    const bundle = value as Record<string, unknown>;
    const extra = Object.keys(bundle).filter((k) => k !== 'profiles' && k !== 'schema');
    if (bundle.schema !== PROFILE_SCHEMA) return { ok: false, errors: [`${source}: "schema" must be ${PROFILE_SCHEMA}`] };
    if (extra.length > 0) return { ok: false, errors: [`${source}: unknown field "${extra[0]}" in the bundle; a bundle has only "schema" and "profiles"`] };
    if (!Array.isArray(bundle.profiles) || bundle.profiles.length === 0) return { ok: false, errors: [`${source}: "profiles" must be a non-empty list of profiles`] };
    const profiles: Profile[] = [];
    const errors: string[] = [];
    bundle.profiles.forEach((p: unknown, i) => {
      const checked = validateProfile(p, `profiles[${i}]`);
      if (checked.ok) profiles.push(checked.profile);
      else errors.push(...checked.errors);
    });
    const seen = new Set<string>();
    for (const p of profiles) {
      if (seen.has(p.id)) errors.push(`${source}: the id "${p.id}" appears twice; give each profile its own id`);
      seen.add(p.id);
    }
    return errors.length > 0 ? { ok: false, errors: errors.map((e) => `${source}: ${e}`) } : { ok: true, profiles };
  }
  const checked = validateProfile(value);
  return checked.ok ? { ok: true, profiles: [checked.profile] } : { ok: false, errors: checked.errors.map((e) => `${source}: ${e}`) };
}

export function serializeProfile(profile: Profile): string {
  return JSON.stringify(profile, null, 2) + '\n';
}

export function serializeBundle(profiles: readonly Profile[]): string {
  return JSON.stringify({ schema: PROFILE_SCHEMA, profiles }, null, 2) + '\n';
}
