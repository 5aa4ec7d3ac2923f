import { describe, expect, it } from 'vitest';
import { parseKpiNumber } from './kpiNumber';

const value = (text: string) => {
  const result = parseKpiNumber(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
};
const unit = (text: string) => {
  const result = parseKpiNumber(text);
  return result.ok ? result.unit : `error:${result.reason}`;
};
const reason = (text: string) => {
  const result = parseKpiNumber(text);
  return result.ok ? null : result.reason;
};

describe('parseKpiNumber', () => {
  it('reads plain and grouped numbers', () => {
    expect(value('1234')).toBe(1234);
    expect(value('1,234')).toBe(1234);
    expect(value('1,234,567.25')).toBe(1234567.25);
    expect(value('0.5')).toBe(0.5);
    expect(value('.5')).toBe(0.5);
    expect(value('  42  ')).toBe(42);
  });

  it('reads full-width digits, separators and signs', () => {
    expect(value('１２３')).toBe(123);
    expect(value('１，２３４．５')).toBe(1234.5);
    expect(value('－５')).toBe(-5);
    expect(value('＋５')).toBe(5);
    expect(value('１２．５％')).toBe(12.5);
  });

  it('reads percentages and keeps % as the unit hint', () => {
    expect(value('12.5%')).toBe(12.5);
    expect(unit('12.5%')).toBe('%');
    expect(unit('12.5 %')).toBe('%');
  });

  it('reads yen in both widths, before or after the digits', () => {
    expect(value('¥1,200')).toBe(1200);
    expect(value('￥1,200')).toBe(1200);
    expect(unit('￥1,200')).toBe('¥');
    expect(value('1,200円')).toBe(1200);
    expect(unit('1,200円')).toBe('円');
    expect(value('$3.50')).toBe(3.5);
  });

  it('reads negatives: minus signs, ▲ / △ and accounting parentheses', () => {
    expect(value('-5')).toBe(-5);
    expect(value('−5')).toBe(-5);
    expect(value('▲5')).toBe(-5);
    expect(value('△1,200')).toBe(-1200);
    expect(value('▲ 3.5%')).toBe(-3.5);
    expect(value('(1,234)')).toBe(-1234);
    expect(value('-¥1,200')).toBe(-1200);
    expect(value('¥-1,200')).toBe(-1200);
    expect(Object.is(value('-0'), 0)).toBe(true);
  });

  it('applies the Japanese multipliers 千, 万, 百万, 千万, 億', () => {
    expect(value('3千')).toBe(3000);
    expect(value('1.2万')).toBe(12000);
    expect(value('1.1万')).toBe(11000);
    expect(value('35百万円')).toBe(35_000_000);
    expect(unit('35百万円')).toBe('円');
    expect(value('2千万')).toBe(20_000_000);
    expect(value('1.5億')).toBe(150_000_000);
    expect(value('▲2万')).toBe(-20000);
  });

  it('takes a unit word after the number as a hint', () => {
    expect(value('120件')).toBe(120);
    expect(unit('120件')).toBe('件');
    expect(unit('3.5 h')).toBe('h');
    expect(unit('42')).toBeNull();
  });

  it('reads empty cells and "no value" markers as null', () => {
    for (const empty of ['', '   ', '-', '—', '―', 'N/A', 'n/a', 'なし']) expect(value(empty)).toBeNull();
  });

  it('refuses what is not a number, and names spreadsheet errors', () => {
    expect(reason('abc')).toBe('not_a_number');
    expect(reason('1,23')).toBe('not_a_number');
    expect(reason('12,5')).toBe('not_a_number');
    expect(reason('1.2.3')).toBe('not_a_number');
    expect(reason('12 34')).toBe('not_a_number');
    expect(reason('¥12$')).toBe('not_a_number');
    expect(reason('TBD')).toBe('not_a_number');
    expect(reason('#DIV/0!')).toBe('spreadsheet_error');
    expect(reason('#N/A')).toBe('spreadsheet_error');
    expect(reason('#REF!')).toBe('spreadsheet_error');
    expect(reason('#VALUE!')).toBe('spreadsheet_error');
    expect(reason('#NAME?')).toBe('spreadsheet_error');
  });
});
