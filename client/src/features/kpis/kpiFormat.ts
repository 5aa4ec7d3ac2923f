import type { KpiDirection } from '@suishin/shared';
import { localeOf } from '../../i18n/format';
import type { Language } from '../../i18n/language';

/**
 * KPI numbers in the UI's language (grouping and decimal marks from Intl), with their unit where
 * people expect it: "12.5%", "¥1,200", "1,200件", "3.5 h". Formatters are cached: a 50-KPI table
 * would otherwise build hundreds of them per render.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${language}:${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits })));
  return format;
}

const PREFIX_UNITS = new Set(['¥', '￥', '$', '€', '£']);
/** Units written right after the number, without a space: %, and Japanese units (件, 円, 百万円…). */
const TIGHT_UNIT = /^(?:%|[\u3000-\u9fff\uff00-\uffef])/u;

export function formatKpiNumber(value: number, language: Language): string {
  return numberFormat(language, Math.abs(value) >= 100 ? 1 : 2).format(value);
}

/** The value with its unit, or "—" when there is none. */
export function formatKpiValue(value: number | null, unit: string, language: Language): string {
  if (value === null) return '—';
  const number = formatKpiNumber(value, language);
  const u = unit.trim();
  if (u === '') return number;
  if (PREFIX_UNITS.has(u)) return value < 0 ? `-${u}${number.replace(/^-/, '')}` : `${u}${number}`;
  return TIGHT_UNIT.test(u) ? `${number}${u}` : `${number} ${u}`;
}

/** A number as it is edited: every digit kept, grouped for the UI's language (the parser reads it back). */
export function formatForEdit(value: number | null, language: Language): string {
  return value === null ? '' : numberFormat(language, 10).format(value);
}

export type DeltaTone = 'good' | 'bad' | 'flat';

/** Whether a change from the previous value is good news, given which direction is good. */
export function deltaTone(delta: number, direction: KpiDirection): DeltaTone {
  if (delta === 0) return 'flat';
  return (delta > 0) === (direction === 'higher_is_better') ? 'good' : 'bad';
}

/** "+12", "−3.5" (a true minus sign), "±0"; with a % unit, "+1.5 pt" would be ambiguous, so the unit stays. */
export function formatDelta(delta: number, unit: string, language: Language): string {
  if (delta === 0) return '±0';
  const sign = delta > 0 ? '+' : '−';
  return `${sign}${formatKpiValue(Math.abs(delta), unit, language)}`;
}

/** ↑ / ↓ / → for a change (never ▲/▼: in Japanese accounting ▲ means a negative number). */
export function deltaArrow(delta: number): string {
  return delta > 0 ? '↑' : delta < 0 ? '↓' : '→';
}
