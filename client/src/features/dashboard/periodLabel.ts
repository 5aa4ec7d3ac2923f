import type { DashboardPeriod } from '@suishin/shared/protocol';
import { localeOf } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { formatDay } from '../series/day';

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A period on a chart's axis (short: the week's Monday "3/2", the month "Mar" with its year only
 * on the first bar and on January, "Q2 2026") or in a table (long: "Mar 2026" / "2026年3月").
 */
export function periodLabel(p: { key: string; start: string }, period: DashboardPeriod, language: Language, style: 'short' | 'long' = 'short', first = false): string {
  if (period === 'week') return formatDay(p.start, language, style === 'short' ? 'short' : 'medium');
  if (period === 'quarter') {
    const [year, quarter] = p.key.split('-') as [string, string];
    return language === 'ja' ? `${year}年${quarter}` : `${quarter} ${year}`;
  }
  const withYear = style === 'long' || first || p.key.endsWith('-01');
  const key = `${language}/${style}/${withYear}`;
  let format = monthFormats.get(key);
  if (!format) {
    const year = withYear ? (style === 'short' ? '2-digit' : 'numeric') : undefined;
    monthFormats.set(key, (format = new Intl.DateTimeFormat(localeOf(language), { ...(year ? { year } : {}), month: 'short', timeZone: 'UTC' })));
  }
  return format.format(Date.parse(`${p.key}-01T00:00:00Z`));
}
