import { describe, expect, it } from 'vitest';
import { addDays, dayIn, isTimeZone, scheduledDay, scheduledInstant, timeOfDayIn, timeZoneName, zonedInstant, zonedIso } from './workspaceTime';

describe('workspace time', () => {
  it('knows time zones from typos', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Tokio')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('reads the day and time of an instant in the zone, not the machine', () => {
    const instant = Date.parse('2026-12-12T23:44:00Z');
    expect(dayIn(instant, 'Asia/Tokyo')).toBe('2026-12-13');
    expect(timeOfDayIn(instant, 'Asia/Tokyo')).toBe('08:44');
    expect(dayIn(instant, 'UTC')).toBe('2026-12-12');
    expect(dayIn(instant, 'America/New_York')).toBe('2026-12-12');
  });

  it('turns a wall-clock day and time in the zone into the instant and an ISO string with its offset', () => {
    expect(zonedIso('2026-12-13', '10:00', 'Asia/Tokyo')).toBe('2026-12-13T10:00:00+09:00');
    expect(zonedInstant('2026-12-13', '10:00', 'Asia/Tokyo')).toBe(Date.parse('2026-12-13T01:00:00Z'));
    // Daylight saving: summer and winter offsets, and a time skipped by the change.
    expect(zonedIso('2026-07-01', '09:30', 'America/New_York')).toBe('2026-07-01T09:30:00-04:00');
    expect(zonedIso('2026-01-15', '09:30', 'America/New_York')).toBe('2026-01-15T09:30:00-05:00');
    expect(zonedIso('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    expect(zonedIso('2026-02-30', '10:00', 'Asia/Tokyo')).toBeNull();
    expect(zonedIso('2026-12-13', '24:00', 'Asia/Tokyo')).toBeNull();
  });

  it('reads a scheduled start that is a bare day as the start of that day in the zone', () => {
    expect(scheduledInstant('2026-12-13', 'America/New_York')).toBe(Date.parse('2026-12-13T05:00:00Z'));
    expect(scheduledDay('2026-12-13', 'America/New_York')).toBe('2026-12-13');
    expect(scheduledDay('2026-12-13T00:30:00+09:00', 'Asia/Tokyo')).toBe('2026-12-13');
    expect(scheduledDay('2026-12-13T00:30:00+09:00', 'UTC')).toBe('2026-12-12');
    expect(scheduledInstant('not a date', 'UTC')).toBeNull();
    expect(addDays('2026-12-30', 7)).toBe('2027-01-06');
  });

  it('names the zone in the reader\'s language', () => {
    expect(timeZoneName('Asia/Tokyo', 'ja-JP')).toBe('日本標準時');
    expect(timeZoneName('Asia/Tokyo', 'en-US')).toBe('Japan Standard Time');
    expect(timeZoneName('America/New_York', 'en-US', Date.parse('2026-07-01T12:00:00Z'))).toBe('Eastern Daylight Time');
  });
});
