import { isIsoDay, scheduledDay, scheduledInstant, timeOfDayIn, zonedIso } from '@suishin/shared/time';

/** A scheduled start as the details form edits it: a day and, when fixed, a time ("HH:MM"), in the workspace's zone. */
export interface ScheduleParts {
  day: string | null;
  time: string | null;
}

export function scheduleParts(scheduledStart: string | null, timeZone: string): ScheduleParts {
  const day = scheduledDay(scheduledStart, timeZone);
  if (!scheduledStart || !day) return { day: null, time: null };
  if (isIsoDay(scheduledStart)) return { day, time: null };
  const instant = scheduledInstant(scheduledStart, timeZone);
  return { day, time: instant === null ? null : timeOfDayIn(instant, timeZone) };
}

/**
 * The scheduled start the parts stand for: a date-time with the zone's offset, the bare day while
 * no time is set, or null without a day. A time without a day is refused (`'time-needs-day'`).
 */
export function scheduledStartOf(parts: ScheduleParts, timeZone: string): string | null | 'time-needs-day' {
  if (!parts.day) return parts.time ? 'time-needs-day' : null;
  if (!parts.time) return parts.day;
  return zonedIso(parts.day, parts.time, timeZone) ?? parts.day;
}
