import { describe, expect, it } from 'vitest';
import { shareUnchanged } from './structuralSharing';

describe('shareUnchanged', () => {
  const a = { id: 'a', title: 'A', tags: ['x'] };
  const b = { id: 'b', title: 'B', tags: [] as string[] };

  it('returns the previous array when nothing changed', () => {
    const previous = [a, b];
    expect(shareUnchanged(previous, [{ ...a, tags: ['x'] }, { ...b }])).toBe(previous);
  });

  it('keeps unchanged records and replaces changed ones', () => {
    const next = shareUnchanged([a, b], [{ ...a }, { ...b, title: 'B2' }]);
    expect(next[0]).toBe(a);
    expect(next[1]).toEqual({ id: 'b', title: 'B2', tags: [] });
  });

  it('follows a reorder with the same objects', () => {
    const previous = [a, b];
    const next = shareUnchanged(previous, [{ ...b }, { ...a }]);
    expect(next).not.toBe(previous);
    expect(next[0]).toBe(b);
    expect(next[1]).toBe(a);
  });
});
