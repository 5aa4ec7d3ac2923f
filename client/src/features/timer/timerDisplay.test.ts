import { describe, expect, it } from 'vitest';
import { computeTimer, type TimerState } from '@suishin/shared';
import { actualVsPlanned, describeTimer, formatClock } from './timerDisplay';

const start = 1_700_000_000_000;
const running = (extra: Partial<TimerState> = {}): TimerState => ({
  agendaItemId: 'a', runningSince: start, elapsedBeforeRunMs: 0, extensionMs: 0, ...extra,
});

describe('timer display', () => {
  it('formats clocks', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65_000)).toBe('01:05');
    expect(formatClock(-65_400)).toBe('01:05');
    expect(formatClock(1_000, 'up')).toBe('00:01');
    expect(formatClock(400, 'up')).toBe('00:01');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });

  it('counts down from the full timebox', () => {
    const d = describeTimer(computeTimer(running(), 10, start));
    expect(d).toMatchObject({ clock: '10:00', over: false, tone: 'normal', progress: 0 });
    expect(describeTimer(computeTimer(running(), 10, start + 1)).clock).toBe('10:00');
    expect(describeTimer(computeTimer(running(), 10, start + 1000)).clock).toBe('09:59');
  });

  it('warns in the last minute and shows the overrun', () => {
    expect(describeTimer(computeTimer(running(), 10, start + 9 * 60_000 + 1000)).tone).toBe('warning');
    expect(describeTimer(computeTimer(running(), 10, start + 10 * 60_000))).toMatchObject({ clock: '00:00', over: false });
    const over = describeTimer(computeTimer(running(), 10, start + 11 * 60_000 + 5_000));
    expect(over).toMatchObject({ clock: '01:05', over: true, tone: 'over', progress: 1 });
  });

  it('warns for the last tenth of long items', () => {
    expect(describeTimer(computeTimer(running(), 60, start + 53 * 60_000)).tone).toBe('normal');
    expect(describeTimer(computeTimer(running(), 60, start + 55 * 60_000)).tone).toBe('warning');
  });

  it('shows an extension and a pause', () => {
    const extended = computeTimer(running({ extensionMs: 5 * 60_000 }), 10, start + 11 * 60_000);
    expect(describeTimer(extended)).toMatchObject({ clock: '04:00', over: false });
    const paused = computeTimer({ ...running(), runningSince: null, elapsedBeforeRunMs: 3 * 60_000 }, 10, start + 99 * 60_000);
    expect(describeTimer(paused)).toMatchObject({ clock: '07:00', tone: 'paused' });
  });

  it('compares actual with planned', () => {
    expect(actualVsPlanned(750_000, 10)).toEqual({ actual: '12:30', planned: '10:00', over: true });
    expect(actualVsPlanned(300_000, 10).over).toBe(false);
  });
});
