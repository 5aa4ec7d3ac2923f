import { describe, expect, it } from 'vitest';
import { kpiDelta, kpiStatus } from './kpiStatus';

describe('kpiStatus', () => {
  const higher = (target: number | null, actual: number | null) =>
    kpiStatus({ target, actual, direction: 'higher_is_better' });
  const lower = (target: number | null, actual: number | null) =>
    kpiStatus({ target, actual, direction: 'lower_is_better' });

  it('higher is better: meets target → on track, within 10 % → at risk, beyond → off track', () => {
    expect(higher(100, 100)).toBe('on_track');
    expect(higher(100, 130)).toBe('on_track');
    expect(higher(100, 95)).toBe('at_risk');
    expect(higher(100, 90)).toBe('at_risk');
    expect(higher(100, 89.9)).toBe('off_track');
  });

  it('lower is better mirrors it', () => {
    expect(lower(2, 1.5)).toBe('on_track');
    expect(lower(2, 2.2)).toBe('at_risk');
    expect(lower(2, 2.3)).toBe('off_track');
  });

  it('has no status without a target or an actual', () => {
    expect(higher(null, 5)).toBeNull();
    expect(higher(5, null)).toBeNull();
  });

  it('handles a zero target and negative targets by magnitude', () => {
    expect(lower(0, 0)).toBe('on_track');
    expect(lower(0, 0.1)).toBe('off_track');
    expect(higher(-10, -10.5)).toBe('at_risk');
    expect(higher(-10, -12)).toBe('off_track');
  });

  it('honours a configured margin', () => {
    expect(kpiStatus({ target: 100, actual: 80, direction: 'higher_is_better' }, { atRiskMargin: 0.25 })).toBe('at_risk');
  });

  it('computes the change from previous', () => {
    expect(kpiDelta({ actual: 98, previous: 110 })).toBe(-12);
    expect(kpiDelta({ actual: 98, previous: null })).toBeNull();
  });
});
