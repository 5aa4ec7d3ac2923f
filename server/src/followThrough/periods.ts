/**
 * Calendar arithmetic of the dashboards on "YYYY-MM-DD" days (UTC dates, no time zone involved:
 * the projection already put each meeting on its day). Weeks run Monday to Sunday and are named
 * by their ISO week ("2026-W05"); months "2026-03"; quarters "2026-Q2".
 */
import type { DashboardPeriod } from '@suishin/shared/protocol';

const DAY = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => dayOf(ms(day) + days * DAY);
export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY);

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const weekday = (new Date(ms(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The Sunday that ends the day's week ("due this week" runs to it). */
export const weekEnd = (day: string) => addDays(weekStart(day), 6);

function isoWeekKey(day: string): string {
  const thursday = addDays(weekStart(day), 3); // the ISO week belongs to the year of its Thursday
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a day falls in: its key and its first and last day. */
export function periodOf(day: string, period: DashboardPeriod): { key: string; start: string; end: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (period === 'week') {
    const start = weekStart(day);
    return { key: isoWeekKey(day), start, end: addDays(start, 6) };
  }
  const firstMonth = period === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const months = period === 'month' ? 1 : 3;
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next = firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + months).padStart(2, '0')}-01`;
  const key = period === 'month' ? start.slice(0, 7) : `${year}-Q${(firstMonth - 1) / 3 + 1}`;
  return { key, start, end: addDays(next, -1) };
}

/** Every period from `from` to `to`, oldest first, with start and end clipped to the range. */
export function periodsOf(from: string, to: string, period: DashboardPeriod): Array<{ key: string; start: string; end: string }> {
  const out: Array<{ key: string; start: string; end: string }> = [];
  for (let day = from; day <= to; ) {
    const p = periodOf(day, period);
    out.push({ key: p.key, start: day, end: p.end < to ? p.end : to });
    day = addDays(p.end, 1);
  }
  return out;
}

/** The default range: the 12 months up to today, from the first day of the month a year before. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const fromMonth = month === 12 ? 1 : month + 1;
  const fromYear = month === 12 ? year : year - 1;
  return { from: `${fromYear}-${String(fromMonth).padStart(2, '0')}-01`, to: today };
}
