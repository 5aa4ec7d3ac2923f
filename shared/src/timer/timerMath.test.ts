import { describe, expect, it } from 'vitest';
import type { TimerState } from '../schema/records';
import { computeMeetingTime, computeTimer, estimateClockOffset } from './timerMath';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

function timer(partial: Partial<TimerState> = {}): TimerState {
  return { agendaItemId: 'a', runningSince: T0, elapsedBeforeRunMs: 0, extensionMs: 0, ...partial };
}

describe('computeTimer', () => {
  it('counts down from the timebox while running', () => {
    const r = computeTimer(timer(), 10, T0 + 3 * MIN);
    expect(r).toEqual({ elapsedMs: 3 * MIN, plannedMs: 10 * MIN, remainingMs: 7 * MIN, overrunMs: 0, running: true });
  });

  it('freezes while paused and continues from the accumulated time', () => {
    const paused = timer({ runningSince: null, elapsedBeforeRunMs: 4 * MIN });
    expect(computeTimer(paused, 10, T0 + 60 * MIN).remainingMs).toBe(6 * MIN);
    const resumed = timer({ runningSince: T0 + 60 * MIN, elapsedBeforeRunMs: 4 * MIN });
    expect(computeTimer(resumed, 10, T0 + 62 * MIN).remainingMs).toBe(4 * MIN);
  });

  it('adds extensions to the plan', () => {
    const r = computeTimer(timer({ extensionMs: 5 * MIN }), 10, T0 + 12 * MIN);
    expect(r.plannedMs).toBe(15 * MIN);
    expect(r.remainingMs).toBe(3 * MIN);
    expect(r.overrunMs).toBe(0);
  });

  it('reports overrun past the plan', () => {
    const r = computeTimer(timer(), 10, T0 + 13 * MIN + 30_000);
    expect(r.remainingMs).toBe(-(3 * MIN + 30_000));
    expect(r.overrunMs).toBe(3 * MIN + 30_000);
  });

  it('never counts negative time when a clock is behind the start stamp', () => {
    expect(computeTimer(timer(), 10, T0 - 5_000).elapsedMs).toBe(0);
  });

  it('gives two clients with skewed clocks the same reading once corrected by their offsets', () => {
    const serverNow = T0 + 5 * MIN;
    // Client A's clock is 90 s fast, client B's 40 s slow; each measured its offset.
    const clientA = { local: serverNow + 90_000, samples: [{ sentAt: serverNow + 90_000 - 20, serverTime: serverNow - 10, receivedAt: serverNow + 90_000 }] };
    const clientB = { local: serverNow - 40_000, samples: [{ sentAt: serverNow - 40_000 - 40, serverTime: serverNow - 20, receivedAt: serverNow - 40_000 }] };
    const readA = computeTimer(timer(), 10, clientA.local + estimateClockOffset(clientA.samples));
    const readB = computeTimer(timer(), 10, clientB.local + estimateClockOffset(clientB.samples));
    expect(Math.abs(readA.remainingMs - readB.remainingMs)).toBeLessThan(1000);
    expect(Math.abs(readA.remainingMs - 5 * MIN)).toBeLessThan(1000);
    // Uncorrected, they would disagree by more than two minutes.
    expect(Math.abs(computeTimer(timer(), 10, clientA.local).remainingMs - computeTimer(timer(), 10, clientB.local).remainingMs)).toBe(130_000);
  });
});

describe('estimateClockOffset', () => {
  it('uses the sample with the shortest round trip', () => {
    const offset = estimateClockOffset([
      { sentAt: 1000, serverTime: 6000, receivedAt: 1400 }, // rtt 400: offset 4800 ± 200
      { sentAt: 2000, serverTime: 7010, receivedAt: 2020 }, // rtt 20: offset 5000 ± 10
    ]);
    expect(offset).toBe(5000);
  });

  it('is zero without usable samples', () => {
    expect(estimateClockOffset([])).toBe(0);
    expect(estimateClockOffset([{ sentAt: 10, serverTime: 5, receivedAt: 5 }])).toBe(0);
  });
});

describe('computeMeetingTime', () => {
  const items = [
    { timeboxMinutes: 10, actualSeconds: 720 },
    { timeboxMinutes: 20, actualSeconds: 0 },
  ];
  it('sums planned time and measures elapsed wall time', () => {
    expect(computeMeetingTime({ startedAt: T0, endedAt: null }, items, T0 + 15 * MIN)).toEqual({
      plannedMs: 30 * MIN,
      elapsedMs: 15 * MIN,
      recordedMs: 12 * MIN,
    });
  });
  it('stops at the end and is zero before the start', () => {
    expect(computeMeetingTime({ startedAt: T0, endedAt: T0 + MIN }, items, T0 + 99 * MIN).elapsedMs).toBe(MIN);
    expect(computeMeetingTime({ startedAt: null, endedAt: null }, items, T0).elapsedMs).toBe(0);
  });
});
