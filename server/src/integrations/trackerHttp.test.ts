import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfter, redactSecrets } from './trackerHttp';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-07-01T03:00:00Z');
  it('reads delay-seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Tue, 01 Jul 2025 03:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Jul 2025 02:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('backoffDelayMs', () => {
  it('doubles per retry within [half, full] of the ceiling, capped', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 2500, 2500]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 0.999999))).toEqual([1000, 2000, 4000, 5000]);
  });
});

describe('redactSecrets', () => {
  it('removes every occurrence of each secret and its URL-encoded form', () => {
    expect(redactSecrets('a tok+en/1 b tok%2Ben%2F1 c tok+en/1', ['tok+en/1'])).toBe('a [redacted] b [redacted] c [redacted]');
    expect(redactSecrets('abc', ['', 'ab'])).toBe('abc');
  });
});
