import type { NextMeetingNote } from '../model/closingNotes';
import { isIsoDay, scheduledInstant, timeOfDayIn, zonedIso } from '../time/workspaceTime';

export interface NextSchedule {
  /** ISO date-time, a bare day while the time is not fixed, or null. */
  scheduledStart: string | null;
  place: string;
}

/**
 * When and where the next meeting of a series is, from what the last one noted under 次回予定:
 * its date (a day only: at the last meeting's usual time of day, when it had one), and its place
 * (else the last meeting's place). Later the body's cadence will fill a missing date.
 */
export function nextMeetingSchedule(
  note: NextMeetingNote | null,
  last: { scheduledStart: string | null; place: string } | null,
  timeZone: string,
): NextSchedule {
  const place = note?.place.trim() || last?.place || '';
  const date = note?.date ?? null;
  if (date === null || !isIsoDay(date)) return { scheduledStart: date, place };
  const lastStart = last?.scheduledStart && !isIsoDay(last.scheduledStart) ? scheduledInstant(last.scheduledStart, timeZone) : null;
  const atUsualTime = lastStart === null ? null : zonedIso(date, timeOfDayIn(lastStart, timeZone), timeZone);
  return { scheduledStart: atUsualTime ?? date, place };
}
