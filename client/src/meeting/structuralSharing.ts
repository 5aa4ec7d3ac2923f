/**
 * Keeps the previous object for every record whose fields did not change, and the previous array
 * when nothing changed at all. The typed model returns fresh objects on each read; with this, a
 * remote edit to one agenda item re-renders one memoized row, not a hundred.
 */
export function shareUnchanged<T extends { id: string }>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (!previous) return next;
  const byId = new Map(previous.map((record) => [record.id, record]));
  let same = previous.length === next.length;
  const shared = next.map((record, index) => {
    const old = byId.get(record.id);
    const keep = old !== undefined && shallowEqual(old, record) ? old : record;
    if (keep !== previous[index]) same = false;
    return keep;
  });
  return same ? previous : shared;
}

function shallowEqual(a: object, b: object): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    return Object.is(x, y) || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => Object.is(v, y[i])));
  });
}
