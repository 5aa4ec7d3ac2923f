import { describe, expect, it } from 'vitest';
import { periodLabel } from './periodLabel';

describe('period labels', () => {
  it('name weeks by their Monday, months and quarters in the UI language', () => {
    expect(periodLabel({ key: '2026-W10', start: '2026-03-02' }, 'week', 'en')).toBe('3/2');
    expect(periodLabel({ key: '2026-03', start: '2026-03-01' }, 'month', 'ja', 'long')).toBe('2026年3月');
    expect(periodLabel({ key: '2026-03', start: '2026-03-01' }, 'month', 'en', 'long')).toBe('Mar 2026');
    expect(periodLabel({ key: '2026-Q2', start: '2026-04-01' }, 'quarter', 'ja')).toBe('2026年Q2');
    expect(periodLabel({ key: '2026-03', start: '2026-03-01' }, 'month', 'en')).toBe('Mar');
    expect(periodLabel({ key: '2026-03', start: '2026-03-01' }, 'month', 'en', 'short', true)).toBe('Mar 26');
    expect(periodLabel({ key: '2027-01', start: '2027-01-01' }, 'month', 'ja')).toBe('27年1月');
    expect(periodLabel({ key: '2026-Q2', start: '2026-04-01' }, 'quarter', 'en')).toBe('Q2 2026');
  });
});
