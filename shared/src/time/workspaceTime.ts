/**
 * The workspace's one clock: every time the app shows or writes (the screen, minutes, CSV, ICS,
 * the "since last time" brief) is in one IANA time zone, the workspace's (the server's
 * WORKSPACE_TIME_ZONE, Asia/Tokyo by default). Language never decides it.
 *
 * Pure functions over Intl, so browsers and Node compute the same days and instants.
 */

export const DEFAULT_WORKSPACE_TIME_ZONE = 'Asia/Tokyo';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MINUTE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a time zone Intl knows (an IANA name such as "Asia/Tokyo", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsIn(epochMs: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(epochMs)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD": the calendar day of an instant in the zone. */
export function dayIn(epochMs: number, timeZone: string): string {
  const p = partsIn(epochMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "HH:MM" (24-hour): the time of day of an instant in the zone. */
export function timeOfDayIn(epochMs: number, timeZone: string): string {
  const p = partsIn(epochMs, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The zone's offset from UTC at an instant, in ms (Asia/Tokyo: +9 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = partsIn(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant of a wall-clock day and time in the zone, epoch ms; null when the day or time is
 * not real. A time skipped by a daylight-saving change resolves to the moment after the gap.
 */
export function zonedInstant(day: string, time: string, timeZone: string): number | null {
  const d = ISO_DAY.exec(day);
  const t = HOUR_MINUTE.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (dayIn(wall, 'UTC') !== day) return null;
  // The offsets half a day either side cover a daylight-saving change on that day: the instant is
  // the one whose wall clock reads `time` (the earlier, when a change repeats the hour). In a gap
  // none does; the offset from before the change then lands just after the gap.
  const before = wall - offsetAt(wall - 43_200_000, timeZone);
  const after = wall - offsetAt(wall + 43_200_000, timeZone);
  const reads = (instant: number) => timeOfDayIn(instant, timeZone) === time && dayIn(instant, timeZone) === day;
  const matches = [before, after].filter(reads).sort((a, b) => a - b);
  return matches[0] ?? before;
}

/**
 * An ISO 8601 date-time with the zone's offset ("2026-12-13T10:00:00+09:00") for a wall-clock
 * day and time in the zone; null when either is not real.
 */
export function zonedIso(day: string, time: string, timeZone: string): string | null {
  const instant = zonedInstant(day, time, timeZone);
  if (instant === null) return null;
  const offsetMinutes = Math.round(offsetAt(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${dayIn(instant, timeZone)}T${timeOfDayIn(instant, timeZone)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * When a scheduled start is: an ISO date-time is that instant; a bare day ("YYYY-MM-DD", the time
 * not fixed yet) is the start of that day in the zone. Null when it reads as neither.
 */
export function scheduledInstant(scheduledStart: string | null, timeZone: string): number | null {
  if (!scheduledStart) return null;
  if (ISO_DAY.test(scheduledStart)) return zonedInstant(scheduledStart, '00:00', timeZone);
  const ms = Date.parse(scheduledStart);
  return Number.isFinite(ms) ? ms : null;
}

/** The calendar day of a scheduled start in the zone (a bare day is its own day). */
export function scheduledDay(scheduledStart: string | null, timeZone: string): string | null {
  if (!scheduledStart) return null;
  if (ISO_DAY.test(scheduledStart)) return scheduledStart;
  const ms = scheduledInstant(scheduledStart, timeZone);
  return ms === null ? null : dayIn(ms, timeZone);
}

/** True for a bare calendar day ("YYYY-MM-DD"). */
export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value);
}

/** "HH:MM" in 24-hour form. */
export function isHourMinute(value: string): boolean {
  return HOUR_MINUTE.test(value);
}

/** "YYYY-MM-DD" a number of days after (or before) a day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The zone's name as people read it, at an instant: "日本標準時" / "Japan Standard Time"
 * ("Eastern Daylight Time" in a New York summer); the IANA name when Intl has none.
 */
export function timeZoneName(timeZone: string, locale: string, at: number = Date.now()): string {
  const key = `${locale}|${timeZone}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' });
    nameFormats.set(key, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return name && !/^GMT[+-]/.test(name) ? name : timeZone;
}

/** When a meeting is held: when it started, else when it is scheduled (epoch ms), else null. */
export function heldAt(meta: { startedAt: number | null; scheduledStart: string | null }, timeZone: string): number | null {
  return meta.startedAt ?? scheduledInstant(meta.scheduledStart, timeZone);
}

/** The calendar day a meeting is held on, in the zone ("YYYY-MM-DD"), else null. */
export function heldOn(meta: { startedAt: number | null; scheduledStart: string | null }, timeZone: string): string | null {
  if (meta.startedAt !== null) return dayIn(meta.startedAt, timeZone);
  return scheduledDay(meta.scheduledStart, timeZone);
}
