// Dates, times and numbers in the user's chosen language, through Intl (never the runtime's
// default locale, which is the OS's and may not be the one the user picked in Settings).
import type { UiLocale } from './appearance.js';

type Instant = number | string;

const toDate = (at: Instant): Date => new Date(typeof at === 'number' ? at : Date.parse(at));

export function formatDateTime(locale: UiLocale, at: Instant): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(toDate(at));
}

export function formatTime(locale: UiLocale, at: Instant): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(toDate(at));
}

export function formatNumber(locale: UiLocale, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** What a person reads for a value that may be empty: a word, never a pair of quotes. */
export function displayValue(value: string, emptyWord: string): string {
  return value === '' ? emptyWord : value;
}
