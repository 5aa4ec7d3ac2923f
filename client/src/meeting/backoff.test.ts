import { describe, expect, it } from 'vitest';
import { backoffWindow, fullJitterDelay } from './backoff';

describe('backoff', () => {
  const options = { baseMs: 500, capMs: 30_000 };

  it('doubles the window per attempt up to the cap', () => {
    expect(backoffWindow(0, options)).toBe(500);
    expect(backoffWindow(1, options)).toBe(1000);
    expect(backoffWindow(5, options)).toBe(16_000);
    expect(backoffWindow(6, options)).toBe(30_000);
    expect(backoffWindow(1000, options)).toBe(30_000);
    expect(backoffWindow(-3, options)).toBe(500);
  });

  it('draws the delay from the whole window', () => {
    expect(fullJitterDelay(3, options, () => 0)).toBe(0);
    expect(fullJitterDelay(3, options, () => 0.5)).toBe(2000);
    expect(fullJitterDelay(3, options, () => 0.999999)).toBeLessThan(4000);
    expect(fullJitterDelay(20, options, () => 0.999999)).toBeLessThan(30_000);
  });

  it('spreads many clients over the window', () => {
    const delays = Array.from({ length: 1000 }, () => fullJitterDelay(4, options));
    const min = Math.min(...delays);
    const max = Math.max(...delays);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(8000);
    expect(max - min).toBeGreaterThan(6000);
  });
});
