/**
 * How search text is indexed and queried beside the trigram index, which cannot match queries
 * shorter than three characters (many Japanese words are two: 出展, 在庫, 予算).
 *
 * `characterPairs` turns text into the tokens of follow_search_bigram: every run of letters and
 * digits becomes its overlapping pairs plus its last character alone ("出展の準備" → "出展 展の の準
 * 準備 備"), so a two-character query is one token and a one-character query is a token prefix,
 * both answered from the index instead of a LIKE over every row.
 */

const RUN = /[\p{L}\p{N}]+/gu;

export const normalizeSearchText = (text: string) => text.normalize('NFKC').toLowerCase();

export function characterPairs(text: string): string {
  const tokens: string[] = [];
  for (const run of normalizeSearchText(text).match(RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    tokens.push(chars.at(-1)!);
  }
  return tokens.join(' ');
}

/** Which index answers a query: trigram (3+ characters), pairs (1–2 letters or digits), else a bounded scan. */
export type SearchPlan = { index: 'trigram'; match: string } | { index: 'pairs'; match: string } | { index: 'scan'; needle: string };

export function planSearch(q: string): SearchPlan {
  const chars = [...q];
  if (chars.length >= 3) return { index: 'trigram', match: `"${q.replace(/"/g, '""')}"` };
  const normal = normalizeSearchText(q);
  if (/^[\p{L}\p{N}]{2}$/u.test(normal)) return { index: 'pairs', match: `"${normal}"` };
  if (/^[\p{L}\p{N}]$/u.test(normal)) return { index: 'pairs', match: `"${normal}"*` };
  return { index: 'scan', needle: q };
}

/**
 * FTS rowids that follow the meeting's time: the meeting's sortAt in whole seconds, times 2^20,
 * plus the row's number within that second (meetings of the same second share the slot). Safe
 * integers until the year 2242; "newest first" is then rowid DESC.
 */
export const ROWS_PER_SECOND = 2 ** 20;

export function rowIdBase(sortAtMs: number): number {
  return Math.floor(Math.max(0, sortAtMs) / 1000) * ROWS_PER_SECOND;
}

/** The rowid range of meetings held from `fromMs` (inclusive) to `toMs` (exclusive). */
export function rowIdRange(fromMs: number | null, toMs: number | null): { min: number | null; max: number | null } {
  return { min: fromMs === null ? null : rowIdBase(fromMs), max: toMs === null ? null : rowIdBase(toMs) + ROWS_PER_SECOND };
}
