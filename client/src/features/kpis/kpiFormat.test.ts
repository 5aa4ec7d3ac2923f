import { describe, expect, it } from 'vitest';
import { parseKpiNumber } from '@suishin/shared';
import { deltaArrow, deltaTone, formatDelta, formatForEdit, formatKpiValue } from './kpiFormat';

describe('KPI formatting', () => {
  it('formats values with their unit per locale', () => {
    expect(formatKpiValue(1234.5, '', 'en')).toBe('1,234.5');
    expect(formatKpiValue(1234.5, '', 'ja')).toBe('1,234.5');
    expect(formatKpiValue(12.5, '%', 'en')).toBe('12.5%');
    expect(formatKpiValue(1200, '¥', 'ja')).toBe('¥1,200');
    expect(formatKpiValue(-1200, '¥', 'ja')).toBe('-¥1,200');
    expect(formatKpiValue(1200, '件', 'ja')).toBe('1,200件');
    expect(formatKpiValue(98, '百万円', 'ja')).toBe('98百万円');
    expect(formatKpiValue(3.5, 'h', 'en')).toBe('3.5 h');
    expect(formatKpiValue(null, '%', 'en')).toBe('—');
  });

  it('keeps every digit for editing, in a form the parser reads back', () => {
    for (const value of [1234567.125, 0.0015, -42]) {
      const text = formatForEdit(value, 'ja');
      const parsed = parseKpiNumber(text);
      expect(parsed.ok && parsed.value).toBe(value);
    }
    expect(formatForEdit(null, 'en')).toBe('');
  });

  it('signs a change and judges it by the good direction', () => {
    expect(formatDelta(12, '', 'en')).toBe('+12');
    expect(formatDelta(-3.5, '%', 'en')).toBe('−3.5%');
    expect(formatDelta(0, '', 'en')).toBe('±0');
    expect(deltaTone(5, 'higher_is_better')).toBe('good');
    expect(deltaTone(5, 'lower_is_better')).toBe('bad');
    expect(deltaTone(-5, 'lower_is_better')).toBe('good');
    expect(deltaTone(0, 'lower_is_better')).toBe('flat');
    expect([deltaArrow(1), deltaArrow(-1), deltaArrow(0)]).toEqual(['↑', '↓', '→']);
  });
});
