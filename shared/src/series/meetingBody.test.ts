import { describe, expect, it } from 'vitest';
import { nextDueDay, parentProblem } from './meetingBody';

describe('nextDueDay', () => {
  const weeklyMon = { every: 'week', weekday: 1, time: '09:30' } as const;
  it('weekly on a fixed day: the first such day after the last meeting, even one held a day late', () => {
    expect(nextDueDay(weeklyMon, '2026-12-07', '2026-12-07')).toBe('2026-12-14'); // held on the Monday
    expect(nextDueDay(weeklyMon, '2026-12-08', '2026-12-08')).toBe('2026-12-14'); // held on the Tuesday
    expect(nextDueDay({ ...weeklyMon, every: 'twoWeeks' }, '2026-12-07', '2026-12-07')).toBe('2026-12-21');
  });
  it('no meeting yet: the next fixed day from today; overdue: today; as needed: none', () => {
    expect(nextDueDay(weeklyMon, null, '2026-12-09')).toBe('2026-12-14');
    expect(nextDueDay({ every: 'week', weekday: null, time: null }, '2026-11-01', '2026-12-09')).toBe('2026-12-09');
    expect(nextDueDay({ every: 'asNeeded', weekday: null, time: null }, '2026-12-01', '2026-12-09')).toBeNull();
  });
  it('monthly and quarterly by calendar, then to the fixed day', () => {
    expect(nextDueDay({ every: 'month', weekday: null, time: null }, '2026-12-08', '2026-12-08')).toBe('2027-01-08');
    expect(nextDueDay({ every: 'month', weekday: 2, time: null }, '2026-12-08', '2026-12-08')).toBe('2027-01-12');
    expect(nextDueDay({ every: 'quarter', weekday: null, time: null }, '2026-12-08', '2026-12-08')).toBe('2027-03-08');
  });
});

describe('parentProblem', () => {
  const parentOf = new Map<string, string | null>([['top', null], ['mid', 'top'], ['low', 'mid']]);
  it('refuses an unknown parent, the body itself, and any body below it', () => {
    expect(parentProblem('top', 'nope', parentOf)).toBe('unknown');
    expect(parentProblem('mid', 'mid', parentOf)).toBe('self');
    expect(parentProblem('top', 'low', parentOf)).toBe('cycle');
    expect(parentProblem('low', 'top', parentOf)).toBeNull();
    expect(parentProblem(null, 'low', parentOf)).toBeNull();
    expect(parentProblem('top', null, parentOf)).toBeNull();
  });
});
