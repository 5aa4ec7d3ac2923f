import type { Language } from './language';

/** Locale-aware formatting through Intl; every date, time and number in the UI goes through here. */
const locales: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };

export function formatDateTime(value: string | number | Date, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}

export function formatMinutes(minutes: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], {
    style: 'unit',
    unit: 'minute',
    unitDisplay: language === 'ja' ? 'long' : 'short',
  }).format(minutes);
}

/** "3 hours ago", "yesterday"… relative to `now`. */
export function formatRelative(value: string | number | Date, language: Language, now: number = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return formatDateTime(value, language);
}

/** Time of day ("15:42" / "3:42 PM"). */
export function formatTime(value: string | number | Date, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { timeStyle: 'short' }).format(new Date(value));
}

/** The BCP 47 locale for a UI language (for react-aria's I18nProvider and Intl). */
export function localeOf(language: Language): string {
  return locales[language];
}
