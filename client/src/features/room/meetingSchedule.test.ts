import { describe, expect, it } from 'vitest';
import { scheduleParts, scheduledStartOf } from './meetingSchedule';

describe('a meeting\'s schedule as the details form edits it', () => {
  it('splits a start into the day and time of the workspace\'s zone, and back', () => {
    expect(scheduleParts('2026-12-13T01:00:00Z', 'Asia/Tokyo')).toEqual({ day: '2026-12-13', time: '10:00' });
    expect(scheduleParts('2026-12-13', 'Asia/Tokyo')).toEqual({ day: '2026-12-13', time: null });
    expect(scheduleParts(null, 'Asia/Tokyo')).toEqual({ day: null, time: null });
    expect(scheduledStartOf({ day: '2026-12-13', time: '10:00' }, 'Asia/Tokyo')).toBe('2026-12-13T10:00:00+09:00');
    expect(scheduledStartOf({ day: '2026-12-13', time: '10:00' }, 'America/New_York')).toBe('2026-12-13T10:00:00-05:00');
    expect(scheduledStartOf({ day: '2026-12-13', time: null }, 'Asia/Tokyo')).toBe('2026-12-13');
    expect(scheduledStartOf({ day: null, time: null }, 'Asia/Tokyo')).toBeNull();
    expect(scheduledStartOf({ day: null, time: '10:00' }, 'Asia/Tokyo')).toBe('time-needs-day');
  });
});
