// The language the app declares on its root (<div lang>), for a component whose props carry a
// translator of another catalog but not the locale (a chain graph node, the profile editor).
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { LOCALES, type Locale } from '../i18n/messages.js';

export function useDeclaredLocale<E extends HTMLElement>(): [RefObject<E | null>, Locale] {
  const ref = useRef<E>(null);
  const [locale, setLocale] = useState<Locale>('en');
  useLayoutEffect(() => {
    const lang = ref.current?.closest('[lang]')?.getAttribute('lang') ?? 'en';
    const next = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : 'en';
    if (next !== locale) setLocale(next);
  });
  return [ref, locale];
}
