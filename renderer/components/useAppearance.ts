// The theme and language in effect: the settings override the OS (shared/ui/appearance.ts); the
// theme is set on <html data-theme>, which every stylesheet keys its colours on.
import { useEffect, useState } from 'react';
import { resolveLocale, resolveTheme, type LanguageSetting, type ThemeSetting } from '../../shared/ui/appearance.js';
import { type Locale } from '../i18n/i18n.js';

function useOsDark(): boolean {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (query === null) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark;
}

export function useAppearance(language: LanguageSetting | null, theme: ThemeSetting | null, fallback: Locale): { locale: Locale; theme: 'light' | 'dark' } {
  const osDark = useOsDark();
  const locale = language === null ? fallback : resolveLocale(language, navigator.languages);
  const resolved = resolveTheme(theme ?? 'system', osDark);
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    document.documentElement.lang = locale;
  }, [resolved, locale]);
  return { locale, theme: resolved };
}
