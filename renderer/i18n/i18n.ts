// The dashboard's one catalogue and its one translator. The strings live in parts by area
// (messages.ts: the shell; dashboard.ts: Overview, Benchmark, Profiles, Settings; views.ts: Chain,
// History), merged here into one key space: a key is defined once, in English, and a key missing
// in Chinese is a compile error in its part. One Locale type (shared/ui/appearance.ts decides
// which one is in effect), one interpolation (shared/ui/interpolate.ts), and the translator
// reached through React context (useTranslate) or built for a locale (translate).
import { createContext, useContext } from 'react';
import { ENGINE_EN, ENGINE_ZH, render } from '../../shared/i18n/catalog.js';
import type { Message } from '../../shared/i18n/message.js';
import { localeFromLanguages, type UiLocale } from '../../shared/ui/appearance.js';
import { interpolate } from '../../shared/ui/interpolate.js';
import { dashboardEn, dashboardZh } from './dashboard.js';
import { shellEn, shellZh } from './messages.js';
import { viewsEn, viewsZh } from './views.js';

export { LOCALES } from '../../shared/i18n/message.js';
export type Locale = UiLocale;

// The engines' messages (shared/i18n: explain steps, benchmark reasons…) are part of the key space.
const EN = { ...ENGINE_EN, ...shellEn, ...dashboardEn, ...viewsEn };
export type MessageKey = keyof typeof EN;
const CATALOG: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: EN, 'zh-CN': { ...ENGINE_ZH, ...shellZh, ...dashboardZh, ...viewsZh } };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(locale: Locale): Translate {
  const catalog = CATALOG[locale];
  return (key, params) => interpolate(catalog[key], params);
}

/** For ids that come from the engine (a rule id, a label's form): whether the catalogue words it. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(EN, key);
}

/** The first of the user's languages the dashboard has, else English. */
export function pickLocale(languages: readonly string[]): Locale {
  return localeFromLanguages(languages);
}

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translate('en') });
export const I18nProvider = I18nContext.Provider;

/** The translator of the language in effect (App provides it). */
export function useTranslate(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

/** Renders an engine's message (an id with values, nested messages too) in the language in effect. */
export function useRenderMessage(): (message: Message) => string {
  const { locale } = useContext(I18nContext);
  return (message) => render(locale, message);
}
