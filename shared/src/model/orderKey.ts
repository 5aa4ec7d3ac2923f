import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

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

export interface Placement {
  /** Order key for the record being placed. */
  order: string;
  /** Records that must get a new key so the placement is exact (see below). */
  rekeyed: Ordered[];
}

/**
 * Where to put a record so it lands at `index` of `sorted` (which must not contain it).
 *
 * Two clients inserting at the same spot concurrently produce equal keys, sorted by id.
 * Placing between two such records has no key strictly between them, so the records from
 * the insertion point up to the last equal key are re-keyed together with the new one.
 */
export function placeAt(sorted: readonly Ordered[], index: number): Placement {
  const at = Math.max(0, Math.min(index, sorted.length));
  const before = at > 0 ? sorted[at - 1]!.order : null;
  let end = at;
  while (end < sorted.length && before !== null && sorted[end]!.order <= before) end++;
  const after = end < sorted.length ? sorted[end]!.order : null;
  if (end === at) return { order: generateKeyBetween(before, after), rekeyed: [] };
  const keys = generateNKeysBetween(before, after, end - at + 1);
  return {
    order: keys[0]!,
    rekeyed: sorted.slice(at, end).map((record, i) => ({ id: record.id, order: keys[i + 1]! })),
  };
}
