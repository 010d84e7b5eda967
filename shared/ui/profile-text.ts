// The words of the built-in profiles in the user's language, from the one catalogue
// (shared/i18n/parts/apply.ts, whose English the profiles themselves carry): the UI, the tray and
// the CLI show these. Pure.
import { render } from '../i18n/catalog.js';
import { msg, type Locale, type Message } from '../i18n/message.js';
import { BUILTIN_IDS } from '../profile/builtins.js';
import { RECOMMENDED_PROFILE_ID } from '../profile/recommended.js';
import { applyEn } from '../i18n/parts/apply.js';

interface ProfileWords {
  name: string;
  description: string;
}

type BuiltinWordsId = 'china' | 'global' | 'corporate' | 'offline' | 'recommended';

/**
 * A profile's name and description as messages, for the profiles whose words goproxyctl wrote
 * (the built-ins, and the benchmark's "recommended" while it keeps the name it was given); null
 * keeps the profile's own words (a name the user or a team chose is shown as written).
 */
export function builtinProfileMessages(id: string, origin: 'builtin' | 'user' | 'subscription', name?: string): { name: Message; description: Message } | null {
  let key: BuiltinWordsId | null = null;
  if (origin === 'builtin' && BUILTIN_IDS.includes(id)) key = id as BuiltinWordsId;
  else if (origin === 'user' && id === RECOMMENDED_PROFILE_ID && name === applyEn['apply.builtin.recommended.name']) key = 'recommended';
  if (key === null) return null;
  return { name: msg(`apply.builtin.${key}.name`), description: msg(`apply.builtin.${key}.description`) };
}

/** The same words rendered in a locale; null in English (the profile's own words are the catalogue's English) or for the user's own words. */
export function builtinProfileWords(id: string, origin: 'builtin' | 'user' | 'subscription', locale: Locale, name?: string): ProfileWords | null {
  if (locale !== 'zh-CN') return null;
  const words = builtinProfileMessages(id, origin, name);
  return words && { name: render(locale, words.name), description: render(locale, words.description) };
}

/** A profile's name in a locale (the CLI has no origin at hand: a built-in id with its built-in name is goproxyctl's words). */
export function profileNameIn(locale: Locale, profile: { id: string; name: string }): string {
  const origin = BUILTIN_IDS.includes(profile.id) && applyEn[`apply.builtin.${profile.id as 'china'}.name`] === profile.name ? 'builtin' : 'user';
  const words = builtinProfileMessages(profile.id, origin, profile.name);
  return words ? render(locale, words.name) : profile.name;
}
