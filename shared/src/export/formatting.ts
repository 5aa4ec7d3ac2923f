/**
 * Dates, times, durations and numbers as the minutes and descriptions print them, through Intl
 * (available in browsers and Node alike). Every function is pure: the time zone is an argument,
 * never the machine's.
 */

import { timeZoneName } from '../time/workspaceTime';

export type ExportLanguage = 'ja' | 'en';

const LOCALES: Record<ExportLanguage, string> = { ja: 'ja-JP', en: 'en-US' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" as UTC midnight epoch ms, or null when it is not a real date. */
export function parseIsoDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return ms;
}

/** "2025年7月31日(木)" / "Thu, Jul 31, 2025". Falls back to the raw text if it is not a date. */
export function formatDate(isoDate: string, language: ExportLanguage): string {
  const ms = parseIsoDate(isoDate);
  if (ms === null) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(ms);
}

/** "2025年7月1日(火) 10:00" / "Tue, Jul 1, 2025, 10:00", in the zone (the minutes name the zone once, in their header). */
export function formatDateTime(value: number | string, language: ExportLanguage, timeZone: string): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return String(value);
  return dateTimeFormat(language, timeZone).format(ms);
}

/** A date-time that stands on its own (a tracker issue, a CSV row): "2025年7月1日(火) 10:00 日本標準時". */
export function formatDateTimeWithZone(value: number | string, language: ExportLanguage, timeZone: string): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return String(value);
  return `${formatDateTime(ms, language, timeZone)} ${timeZoneName(timeZone, LOCALES[language], ms)}`;
}

/** "日本標準時 (Asia/Tokyo)" / "Japan Standard Time (Asia/Tokyo)": the zone as the minutes name it. */
export function describeTimeZone(timeZone: string, language: ExportLanguage, at: number = Date.now()): string {
  const name = timeZoneName(timeZone, LOCALES[language], at);
  return name === timeZone ? timeZone : `${name} (${timeZone})`;
}

/** A span such as "2025年7月1日(火) 10:00〜11:05"; the date is printed once when both ends share it. */
export function formatTimeRange(start: number, end: number, language: ExportLanguage, timeZone: string): string {
  const dash = language === 'ja' ? '〜' : ' – ';
  const sameDay = dayFormat(timeZone).format(start) === dayFormat(timeZone).format(end);
  const endText = sameDay ? timeFormat(language, timeZone).format(end) : dateTimeFormat(language, timeZone).format(end);
  return dateTimeFormat(language, timeZone).format(start) + dash + endText;
}

function dateTimeFormat(language: ExportLanguage, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
}
function timeFormat(language: ExportLanguage, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
}
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
}

/** Epoch ms as an ISO 8601 UTC string, or null. */
export function isoOrNull(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

/** 750 → "12分30秒" / "12 min 30 s"; whole minutes print without seconds. */
export function formatDuration(totalSeconds: number, language: ExportLanguage): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (language === 'ja') return rest === 0 ? `${minutes}分` : `${minutes}分${rest}秒`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function formatNumber(value: number, language: ExportLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(value);
}

/** A value with its unit: "95%", "120件" (ja), "120 deals" (en). Null prints as "—". */
export function formatQuantity(value: number | null, unit: string, language: ExportLanguage): string {
  if (value === null) return '—';
  const number = formatNumber(value, language);
  if (!unit) return number;
  return unit === '%' || language === 'ja' ? `${number}${unit}` : `${number} ${unit}`;
}

/** A change with an explicit sign: "+12", "−3.5" (U+2212), "±0". */
export function formatSignedQuantity(value: number | null, unit: string, language: ExportLanguage): string {
  if (value === null) return '—';
  if (value === 0) return `±${formatQuantity(0, unit, language)}`;
  const magnitude = formatQuantity(Math.abs(value), unit, language);
  return value > 0 ? `+${magnitude}` : `\u2212${magnitude}`;
}
