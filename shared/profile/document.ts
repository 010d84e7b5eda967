// Profile documents as exchanged in files and subscriptions: either one profile, or a bundle
// {"schema": 1, "profiles": [...]} (what a team publishes). Parsing is all-or-nothing: one bad
// profile rejects the whole document, so nothing half-valid ever replaces what the user has.
import { msg, type Message } from '../i18n/message.js';
import { validateProfile } from './validate.js';
import { PROFILE_SCHEMA, type Profile } from './types.js';

export type DocumentParse = { ok: true; profiles: Profile[] } | { ok: false; errors: Message[] };

export function parseProfileDocument(text: string, source: string): DocumentParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const place = jsonErrorPlace(text, (err as Error).message);
    return { ok: false, errors: [msg('apply.document.not-json', { source, place: place ?? msg('apply.empty') })] };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'profiles' in value) {
    const bundle = value as Record<string, unknown>;
    const extra = Object.keys(bundle).filter((k) => k !== 'profiles' && k !== 'schema');
    const inSource = (problem: Message): Message => msg('apply.document.in', { source, problem });
    if (bundle.schema !== PROFILE_SCHEMA) return { ok: false, errors: [inSource(msg('apply.document.schema', { schema: PROFILE_SCHEMA }))] };
    if (extra.length > 0) return { ok: false, errors: [inSource(msg('apply.document.bundle-field', { field: extra[0]! }))] };
    if (!Array.isArray(bundle.profiles) || bundle.profiles.length === 0) return { ok: false, errors: [inSource(msg('apply.document.no-profiles'))] };
    const profiles: Profile[] = [];
    const errors: Message[] = [];
    bundle.profiles.forEach((p: unknown, i) => {
      const checked = validateProfile(p, `profiles[${i}]`);
      if (checked.ok) profiles.push(checked.profile);
      else errors.push(...checked.errors);
    });
    const seen = new Set<string>();
    for (const p of profiles) {
      if (seen.has(p.id)) errors.push(msg('apply.document.duplicate-id', { id: p.id }));
      seen.add(p.id);
    }
    return errors.length > 0 ? { ok: false, errors: errors.map(inSource) } : { ok: true, profiles };
  }
  const checked = validateProfile(value);
  return checked.ok ? { ok: true, profiles: [checked.profile] } : { ok: false, errors: checked.errors.map((problem) => msg('apply.document.in', { source, problem })) };
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
function jsonErrorPlace(text: string, engineMessage: string): Message | null {
  if (/Unexpected end of JSON input/i.test(engineMessage)) return msg('apply.document.ends-early');
  const position = /position (\d+)/.exec(engineMessage);
  // "Unexpected token" carries no position; it is the first character when the text is not JSON at all.
  const offset = position ? Number(position[1]) : /^Unexpected token/.test(engineMessage) && !/^\s*[[{"\d-]/.test(text) ? firstNonSpace(text) : null;
  if (offset === null) return null;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return msg('apply.document.at', { line, column });
}

function firstNonSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}
