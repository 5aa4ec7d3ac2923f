import { generateKeyBetween } from 'fractional-indexing';

export interface Ordered {
  id: string;
  order: string;
}

/** Sort order of ordered records: by fractional key, ties (from concurrent inserts) by id. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The order key that places a record at `index` of `sorted` (which must not contain it).
 * Concurrent inserts can leave equal keys side by side; then we skip to the next distinct key
 * so a key can always be generated.
 */
export function orderKeyAt(sorted: readonly Ordered[], index: number): string {
  const at = Math.max(0, Math.min(index, sorted.length));
  const before = at > 0 ? sorted[at - 1]!.order : null;
  let after: string | null = null;
  for (let i = at; i < sorted.length; i++) {
    const key = sorted[i]!.order;
    if (before === null || key > before) {
      after = key;
      break;
    }
  }
  return generateKeyBetween(before, after);
}
