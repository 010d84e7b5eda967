// Editing a profile in the Profiles view: reordering entries (drag or keyboard), choosing the
// separator after each entry, a blank profile to start from, and the "does this module path
// match?" tester, which asks go's own matcher.
import { matchPrefixPatterns } from '../go/match.js';
import { PROFILE_SCHEMA, type Profile, type ProxyEntry, type Separator } from '../profile/types.js';

/** The entries with `from` moved to index `to` (clamped); separators travel with their entry, and the last has none. */
export function moveEntry(entries: readonly ProxyEntry[], from: number, to: number): ProxyEntry[] {
  if (from < 0 || from >= entries.length) return [...entries];
  const target = Math.max(0, Math.min(entries.length - 1, to));
  const list = entries.map((e) => ({ url: e.url, separator: e.separator ?? ',' }));
  const [moved] = list.splice(from, 1);
  list.splice(target, 0, moved!);
  return withLastBare(list);
}

export function setSeparator(entries: readonly ProxyEntry[], index: number, separator: Separator): ProxyEntry[] {
  return withLastBare(entries.map((e, i) => (i === index ? { url: e.url, separator } : { ...e })));
}

export function addEntry(entries: readonly ProxyEntry[], url: string): ProxyEntry[] {
  return withLastBare([...entries.map((e) => ({ url: e.url, separator: e.separator ?? ',' })), { url: url.trim() }]);
}

export function removeEntry(entries: readonly ProxyEntry[], index: number): ProxyEntry[] {
  return withLastBare(entries.filter((_, i) => i !== index).map((e) => ({ ...e })));
}

export function replaceEntryUrl(entries: readonly ProxyEntry[], index: number, url: string): ProxyEntry[] {
  return withLastBare(entries.map((e, i) => (i === index ? { ...e, url } : { ...e })));
}

/** Every entry but the last carries a separator (',' by default); the last carries none. */
function withLastBare(list: ProxyEntry[]): ProxyEntry[] {
  return list.map((e, i) => (i === list.length - 1 ? { url: e.url } : { url: e.url, separator: e.separator ?? ',' }));
}

/** What go does after an entry, by its separator: the Profiles editor shows it next to the choice. */
export function separatorMeaning(separator: Separator): 'not-found' | 'any-error' {
  return separator === '|' ? 'any-error' : 'not-found';
}

export function blankProfile(id: string, name: string): Profile {
  return {
    schema: PROFILE_SCHEMA,
    id,
    name,
    goproxy: [{ url: 'https://proxy.golang.org', separator: ',' }, { url: 'direct' }],
    gosumdb: null,
    goprivate: '',
    gonoproxy: null,
    gonosumdb: null,
    goinsecure: '',
    credentials: [],
    targets: { goEnv: true, shells: null },
  };
}

export type PatternVerdict = { kind: 'empty' } | { kind: 'match'; pattern: string } | { kind: 'no-match' };

/** Whether go treats `modulePath` as private under `patterns` (GOPRIVATE syntax), and the first pattern that says so. */
export function testPrivatePatterns(patterns: string, modulePath: string): PatternVerdict {
  const target = modulePath.trim();
  if (target === '' || patterns.trim() === '') return { kind: 'empty' };
  if (!matchPrefixPatterns(patterns, target)) return { kind: 'no-match' };
  const pattern = patterns.split(',').find((p) => p.trim() !== '' && matchPrefixPatterns(p, target)) ?? patterns;
  return { kind: 'match', pattern: pattern.trim() };
}

/** The https origins of the profile's proxies that need credentials: the private proxies the credentials panel lists. */
export function credentialOrigins(profile: Pick<Profile, 'credentials'>): string[] {
  return [...new Set(profile.credentials.map((c) => c.origin))];
}

/** A free id for a copy: "<id>-copy", "<id>-copy-2", ... */
export function freeProfileId(base: string, taken: readonly string[]): string {
  return freeId(`${base.slice(0, 50)}-copy`, taken);
}

/** A free id for a new profile: "my-profile", "my-profile-2", ... */
export function newProfileId(taken: readonly string[]): string {
  return freeId('my-profile', taken);
}

function freeId(stem: string, taken: readonly string[]): string {
  if (!taken.includes(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.includes(`${stem}-${n}`)) return `${stem}-${n}`;
}
