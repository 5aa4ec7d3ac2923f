import type { Language } from '../../i18n/language';
import { localeOf } from '../../i18n/format';

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** An ISO date (YYYY-MM-DD) as a calendar date in the UI's language: "2026年3月10日" / "Mar 10, 2026". */
export function formatIsoDate(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  let format = dateFormats.get(language);
  if (!format) dateFormats.set(language, (format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium' })));
  // A calendar date, not an instant: build it in local time so no time zone moves it a day.
  return format.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
