/**
 * The change between two versions of the minutes, word by word (Japanese has no spaces, so the
 * words come from Intl.Segmenter), for a strike-through / insert view. Uses the maintained `diff`
 * package rather than a hand-written LCS.
 */
import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

export function minutesDiff(before: string, after: string, language: 'ja' | 'en' = 'ja'): DiffPart[] {
  const intlSegmenter = new Intl.Segmenter(language, { granularity: 'word' });
  return diffWords(before, after, { intlSegmenter }).map((p) => ({
    text: p.value,
    change: p.added ? 'added' : p.removed ? 'removed' : 'same',
  }));
}
