// Theme and language: the settings override the OS; 'system' follows it.
import type { Locale } from '../i18n/message.js';

/** The dashboard's language: the one Locale of the product (shared/i18n). */
export type UiLocale = Locale;
export type ThemeSetting = 'system' | 'light' | 'dark';
export type LanguageSetting = 'system' | UiLocale;

/** The first of the user's languages the dashboard has, else English. */
export function localeFromLanguages(languages: readonly string[]): UiLocale {
  for (const lang of languages) {
    if (/^zh(-(CN|SG|Hans)\b|$)/i.test(lang)) return 'zh-CN';
    if (/^en\b/i.test(lang)) return 'en';
  }
  return 'en';
}

export function resolveLocale(setting: LanguageSetting, languages: readonly string[]): UiLocale {
  return setting === 'system' ? localeFromLanguages(languages) : setting;
}

export function resolveTheme(setting: ThemeSetting, osPrefersDark: boolean): 'light' | 'dark' {
  return setting === 'system' ? (osPrefersDark ? 'dark' : 'light') : setting;
}
