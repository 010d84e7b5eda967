// `goproxyctl profiles set <id> KEY=VALUE...`: a profile changed by the names the user knows (the
// go variables, plus name and description), then validated as a whole like any profile file.
// Pure. An empty value unsets what can be unset (GOSUMDB, GONOPROXY, GONOSUMDB fall back to go's
// defaults or to GOPRIVATE; GOPRIVATE/GOINSECURE become ""; GOFLAGS "" means "unset GOFLAGS").
import { parseGoproxy } from '../go/goproxy.js';
import { msg, type Message } from '../i18n/message.js';
import { structuredCloneProfile } from './builtins.js';
import type { Profile, ProxyEntry } from './types.js';
import { validateProfile } from './validate.js';

export const ASSIGNABLE_KEYS = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOFLAGS', 'name', 'description'] as const;
export type AssignableKey = (typeof ASSIGNABLE_KEYS)[number];

export type AssignResult = { ok: true; profile: Profile; changed: AssignableKey[] } | { ok: false; errors: Message[] };

/** A GOPROXY value as profile entries (the separator after each entry, none after the last). */
export function goproxyEntries(value: string): { ok: true; entries: ProxyEntry[] } | { ok: false; error: string } {
  const parsed = parseGoproxy(value);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const list = parsed.value.entries;
  const entries = list.map((e, i): ProxyEntry => {
    const url = e.kind === 'proxy' ? e.url : e.kind;
    return i === list.length - 1 ? { url } : { url, separator: e.fallBackOnError ? '|' : ',' };
  });
  return { ok: true, entries };
}

export function assignProfile(base: Profile, assignments: readonly string[]): AssignResult {
  const errors: Message[] = [];
  const changed: AssignableKey[] = [];
  const next = structuredCloneProfile(base);
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const key = eq < 0 ? assignment : assignment.slice(0, eq);
    const known = ASSIGNABLE_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
    if (eq < 0 || !known) {
      errors.push(msg('apply.set.not-assignment', { assignment, keys: ASSIGNABLE_KEYS.join(', ') }));
      continue;
    }
    const value = assignment.slice(eq + 1);
    changed.push(known);
    switch (known) {
      case 'GOPROXY': {
        const entries = goproxyEntries(value);
        if (entries.ok) next.goproxy = entries.entries;
        else errors.push(msg('apply.profile.field', { field: 'GOPROXY', problem: entries.error }));
        break;
      }
      case 'GOSUMDB':
        next.gosumdb = value === '' ? null : value;
        break;
      case 'GONOPROXY':
        next.gonoproxy = value === '' ? null : value;
        break;
      case 'GONOSUMDB':
        next.gonosumdb = value === '' ? null : value;
        break;
      case 'GOPRIVATE':
        next.goprivate = value;
        break;
      case 'GOINSECURE':
        next.goinsecure = value;
        break;
      case 'GOFLAGS':
        next.goflags = value;
        break;
      case 'name':
        next.name = value;
        break;
      case 'description':
        next.description = value;
        break;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const checked = validateProfile(next);
  return checked.ok ? { ok: true, profile: checked.profile, changed } : { ok: false, errors: checked.errors };
}
