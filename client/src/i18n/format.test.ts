import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMinutes, formatPercent, formatRelative, formatTime, localeOf } from './format';

describe('format', () => {
  it('formats minutes per locale', () => {
    expect(formatMinutes(15, 'en')).toBe('15 min');
    expect(formatMinutes(15, 'ja')).toBe('15 分');
    expect(formatPercent(0.1, 'en')).toBe('10%');
    expect(formatPercent(0.125, 'ja')).toBe('12.5%');
  });
  it('formats relative times', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(formatRelative(now - 5 * 60_000, 'en', now)).toBe('5 minutes ago');
    expect(formatRelative(now - 2 * 3_600_000, 'ja', now)).toBe('2 時間前');
  });
  it('formats times of day per locale, in the workspace\'s zone (Asia/Tokyo without a setting), not the device\'s', () => {
    const at = new Date('2026-01-10T06:42:00Z');
    expect(formatTime(at, 'ja')).toBe('15:42');
    expect(formatTime(at, 'en')).toMatch(/^3:42\sPM$/);
    expect(localeOf('ja')).toBe('ja-JP');
    // A meeting scheduled for a day whose time is not fixed: the day, not midnight UTC in Tokyo.
    expect(formatDateTime('2026-12-13', 'ja')).toBe('2026/12/13');
    expect(formatDateTime('2026-12-13', 'en')).toBe('Dec 13, 2026');
    expect(formatDateTime('2026-12-13T01:00:00Z', 'ja')).toBe('2026/12/13 10:00');
  });
});
