import { Hono } from 'hono';

/**
 * GET /api/time: the server's clock, so every client can measure its offset (several round trips,
 * shared's estimateClockOffset) and show the same remaining time for the facilitation timer.
 */
export function timeRoutes(now: () => number = Date.now) {
  return new Hono().get('/time', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ now: now() });
  });
}
