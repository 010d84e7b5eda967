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
    return { ok: false, errors: [`${source} is not valid JSON${jsonErrorPlace(text, (err as Error).message)}; fix the syntax or export the profile again`] };
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

/**
 * Where JSON.parse stopped, as "(line L, column C)", never the text itself: the engine's own
 * message quotes the first bytes of the input, and the input may be anything (a binary file, a
 * terminal escape sequence, a secret), so it must not be echoed.
 */
function jsonErrorPlace(text: string, engineMessage: string): string {
  if (/Unexpected end of JSON input/i.test(engineMessage)) return ' (it ends too early)';
  const position = /position (\d+)/.exec(engineMessage);
  // "Unexpected token" carries no position; it is the first character when the text is not JSON at all.
  const offset = position ? Number(position[1]) : /^Unexpected token/.test(engineMessage) && !/^\s*[[{"\d-]/.test(text) ? firstNonSpace(text) : null;
  if (offset === null) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}

function firstNonSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}
