/**
 * `GET /api/time` (server/src/http/time.ts, client/src/meeting/serverClock.ts): the server's
 * clock, from which every client measures its offset for the facilitation timer.
 */
export const SERVER_TIME_PATH = '/api/time';

export interface ServerTimeResponse {
  /** Epoch ms on the server's clock. */
  now: number;
}
