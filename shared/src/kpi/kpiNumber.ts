/**
 * Reading one number as people write it in a Japanese or English spreadsheet cell or field.
 *
 * Accepted (after Unicode NFKC, so full-width "１，２３４．５" and "￥" read as their ASCII forms):
 * - plain and grouped digits: "1234", "1,234", "1,234.5", ".5"; grouping must be by threes
 *   ("1,23" is refused, so a European "12,5" is never read as 125);
 * - signs: "+5", "-5", "−5" (U+2212), and the accounting negatives "▲5" / "△5" (the Japanese
 *   convention for a minus) and "(1,234)";
 * - a currency sign before the digits ("¥1,200", "$3.5") and a unit after them ("12.5%", "1,200円",
 *   "120件", "3.5 h"): the number is what is returned; the sign or unit comes back as a hint so a
 *   KPI without a unit can take it;
 * - Japanese multipliers after the digits: 千 (×1,000), 万 (×10,000), 百万 (×10⁶), 千万 (×10⁷),
 *   億 (×10⁸), e.g. "1.2万" → 12000, "35百万円" → 35000000 with the unit 円;
 * - "no value" markers, which read as null: an empty cell, "-", "—", "―", "n/a", "なし".
 * Refused: anything else, with a reason: `spreadsheet_error` for Excel's error values such as
 * "#DIV/0!", "#N/A" or "#REF!", `not_a_number` for the rest.
 */
export type KpiNumberResult =
  | { ok: true; value: number | null; unit: string | null }
  | { ok: false; reason: 'not_a_number' | 'spreadsheet_error' };

const EMPTY_MARKERS = new Set(['', '-', '--', '−', '–', '—', '―', 'ー', 'n/a', 'na', 'なし', '該当なし']);
const MINUS_SIGNS = new Set(['-', '−', '‐', '‑', '–', '▲', '△', '▼']);
const CURRENCIES = new Set(['¥', '$', '€', '£']);
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  // Longest first: "千万" before "千", "百万" before any single character.
  ['千万', 1e7],
  ['百万', 1e6],
  ['億', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];
const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;
/** A unit after the number: letters, kana, kanji or %, no digits; at most 12 characters. */
const UNIT = /^[^\d\s.,+\-()]{1,12}$/u;
const SPREADSHEET_ERROR = /^#(?:[a-z/0!?]+[!?]?|n\/a)$/i;

export function parseKpiNumber(raw: string): KpiNumberResult {
  let text = raw.normalize('NFKC').trim();
  if (EMPTY_MARKERS.has(text.toLowerCase())) return { ok: true, value: null, unit: null };
  if (SPREADSHEET_ERROR.test(text)) return { ok: false, reason: 'spreadsheet_error' };

  let negative = false;
  let unit: string | null = null;
  const takeSign = () => {
    const first = text[0];
    if (first !== undefined && (MINUS_SIGNS.has(first) || first === '+')) {
      if (first !== '+') negative = !negative;
      text = text.slice(1).trimStart();
      return true;
    }
    return false;
  };
  const takeCurrency = () => {
    const first = text[0];
    if (first !== undefined && CURRENCIES.has(first)) {
      unit = first;
      text = text.slice(1).trimStart();
      return true;
    }
    return false;
  };

  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  // "-¥1,200" and "¥-1,200" are both written.
  takeSign();
  if (takeCurrency()) takeSign();

  const match = /^[\d.,]+/.exec(text);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const digits = match[0];
  if (!DIGITS.test(digits)) return { ok: false, reason: 'not_a_number' };
  let rest = text.slice(digits.length).trim();

  let multiplier = 1;
  for (const [word, factor] of MULTIPLIERS) {
    if (rest.startsWith(word)) {
      multiplier = factor;
      rest = rest.slice(word.length).trim();
      break;
    }
  }
  if (rest !== '') {
    if (!UNIT.test(rest) || unit !== null) return { ok: false, reason: 'not_a_number' };
    unit = rest;
  }

  const magnitude = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(magnitude)) return { ok: false, reason: 'not_a_number' };
  // 1.1 × 10000 is 11000.000000000002 in binary; 15 significant digits is what a spreadsheet shows.
  const value = Number((magnitude * multiplier).toPrecision(15));
  return { ok: true, value: negative && value !== 0 ? -value : value, unit };
}
