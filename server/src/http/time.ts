import { Hono } from 'hono';
import type { ServerTimeResponse } from '@suishin/shared/protocol';

/**
 * GET /api/time: the server's clock, so every client can measure its offset (several round trips,
 * shared's estimateClockOffset) and show the same remaining time for the facilitation timer.
 */
export function timeRoutes(now: () => number = Date.now) {
  return new Hono().get('/time', (c) => {
    c.header('Cache-Control', 'no-store');
    const body: ServerTimeResponse = { now: now() };
    return c.json(body);
  });
}
