import { describe, expect, it } from 'vitest';
import { compareOrdered, placeAt, type Ordered } from './orderKey';

function apply(sorted: Ordered[], id: string, index: number): Ordered[] {
  const { order, rekeyed } = placeAt(sorted, index);
  const next = sorted.map((r) => rekeyed.find((k) => k.id === r.id) ?? r);
  return [...next, { id, order }].sort(compareOrdered);
}

describe('placeAt', () => {
  it('places exactly at every index, even among equal keys from concurrent inserts', () => {
    const tied: Ordered[] = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
      { id: 'c', order: 'a1' },
      { id: 'd', order: 'a1' },
      { id: 'e', order: 'a2' },
    ];
    for (let index = 0; index <= tied.length; index++) {
      const ids = apply(tied, 'new', index).map((r) => r.id);
      const expected = tied.map((r) => r.id);
      expected.splice(index, 0, 'new');
      expect(ids).toEqual(expected);
    }
  });

  it('places into an empty list and clamps the index', () => {
    expect(placeAt([], 5).rekeyed).toEqual([]);
    expect(apply([{ id: 'a', order: 'a0' }], 'n', 99).map((r) => r.id)).toEqual(['a', 'n']);
  });
});
