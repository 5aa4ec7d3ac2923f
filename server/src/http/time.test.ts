import { describe, expect, it } from 'vitest';
import { timeRoutes } from './time';

describe('GET /api/time', () => {
  it("returns the server's clock, uncached", async () => {
    const response = await timeRoutes(() => 1_800_000_000_123).request('/time');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ now: 1_800_000_000_123 });
  });
});
