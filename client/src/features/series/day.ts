import type { Language } from '../../i18n/language';
import { localeOf } from '../../i18n/format';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day ("YYYY-MM-DD") in the UI language: "2025年4月3日" / "Apr 3, 2025". */
export function formatDay(day: string | null, language: Language, style: 'medium' | 'short' = 'medium'): string {
  if (!day) return '—';
  const key = `${language}/${style}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), style === 'short' ? { month: 'numeric', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(time) ? format.format(time) : day;
}
