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

/**
 * Labels for a time axis (ticks in Unix seconds), in the locale: times of day for a span of up
 * to two days, with the date under the first tick and under the first tick of each new day;
 * dates for longer spans, with the time where two ticks fall on the same day. uPlot's own labels
 * are US English ("8pm", "11/27/26") whatever the page's language.
 */
export function timeAxisLabels(locale: UiLocale, ticksS: readonly number[], spanS: number): string[] {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const date = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const dayOf = (s: number) => new Date(s * 1000).toDateString();
  return ticksS.map((s, i) => {
    const at = new Date(s * 1000);
    const newDay = i === 0 || dayOf(ticksS[i - 1]!) !== dayOf(s);
    if (spanS <= 2 * 86_400) return newDay ? `${time.format(at)}\n${date.format(at)}` : time.format(at);
    return newDay ? date.format(at) : time.format(at);
  });
}
