import type { Language } from './language';
import { workspaceTimeZone } from './timeZone';

/**
 * Locale-aware formatting through Intl; every date, time and number in the UI goes through here.
 * Times are shown in the workspace's zone (timeZone.ts), as the minutes and files print them.
 */
const locales: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };

/**
 * Intl formatters are costly to create (tens of microseconds each): a 100-item agenda would spend
 * most of a render building them. One per language and kind, made on first use.
 */
function cached<F>(make: (language: Language) => F): (language: Language) => F {
  const byLanguage = new Map<Language, F>();
  return (language) => {
    let formatter = byLanguage.get(language);
    if (!formatter) byLanguage.set(language, (formatter = make(language)));
    return formatter;
  };
}

const dayOnlyFormat = cached((language) => new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }));
const dateTimeFormat = cached((language) => new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: workspaceTimeZone() }));
const timeFormat = cached((language) => new Intl.DateTimeFormat(locales[language], { timeStyle: 'short', timeZone: workspaceTimeZone() }));
const minutesFormat = cached(
  (language) => new Intl.NumberFormat(locales[language], { style: 'unit', unit: 'minute', unitDisplay: language === 'ja' ? 'long' : 'short' }),
);
const percentFormat = cached((language) => new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 1 }));
const relativeFormat = cached((language) => new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto' }));

/** A date and time; a bare day ("YYYY-MM-DD", a meeting whose time is not fixed yet) prints as the day alone. */
export function formatDateTime(value: string | number | Date, language: Language): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayOnlyFormat(language).format(Date.parse(`${value}T00:00:00Z`));
  return dateTimeFormat(language).format(new Date(value));
}

export function formatMinutes(minutes: number, language: Language): string {
  return minutesFormat(language).format(minutes);
}

/** A fraction as a percentage: 0.1 → "10%". */
export function formatPercent(fraction: number, language: Language): string {
  return percentFormat(language).format(fraction);
}

/** "3 hours ago", "yesterday"… relative to `now`. */
export function formatRelative(value: string | number | Date, language: Language, now: number = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const format = relativeFormat(language);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return formatDateTime(value, language);
}

/** Time of day ("15:42" / "3:42 PM"). */
export function formatTime(value: string | number | Date, language: Language): string {
  return timeFormat(language).format(new Date(value));
}

/** The BCP 47 locale for a UI language (for react-aria's I18nProvider and Intl). */
export function localeOf(language: Language): string {
  return locales[language];
}

const countFormat = cached((language) => new Intl.NumberFormat(locales[language]));

/** A count that may have stopped at a cap: "1,234", or "10,000+" when there are at least that many. */
export function formatCount(count: { count: number; capped: boolean }, language: Language): string {
  return `${countFormat(language).format(count.count)}${count.capped ? '+' : ''}`;
}
