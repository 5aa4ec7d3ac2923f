import { describe, expect, it } from 'vitest';
import { stepToMultiple } from './stepToMultiple';

describe('stepping a number field by its buttons', () => {
  it('moves to the next multiple, so a typed 3 or 7 lands back on the grid', () => {
    expect(stepToMultiple(3, 5, 1)).toBe(5);
    expect(stepToMultiple(3, 5, -1)).toBe(0);
    expect(stepToMultiple(7, 5, -1)).toBe(5);
    expect(stepToMultiple(10, 5, 1)).toBe(15);
    expect(stepToMultiple(10, 5, -1)).toBe(5);
  });
  it('stays within the bounds', () => {
    expect(stepToMultiple(0, 5, -1, 0, 1440)).toBe(0);
    expect(stepToMultiple(1438, 5, 1, 0, 1440)).toBe(1440);
  });
});
