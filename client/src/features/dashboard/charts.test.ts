import { describe, expect, it } from 'vitest';
import { ticks } from './charts';

describe('chart ticks', () => {
  it('are round and cover the range with 0', () => {
    expect(ticks(0, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(-15, 30)).toEqual([-20, 0, 20, 40]);
    expect(ticks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks(0, 2, 4, true)).toEqual([0, 1, 2]);
    expect(ticks(0, 1, 4, true)).toEqual([0, 1]);
  });
});
