/**
 * /api/meetings/:id/rating: the meeting's anonymous 1–5 rating (series/meetingRatings.ts). GET:
 * anyone in the meeting (the total, and their own score); PUT: a participant or facilitator, once
 * the meeting has ended. Mounted after requireMeetingAccess: every route knows the caller's role.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { ErrorCode } from '@suishin/shared';
import { RATING_MAX, RATING_MIN, type RatingRequest, type RatingResponse } from '@suishin/shared/protocol';
import type { MeetingStore } from '../persistence/store';
import { rate, ratingOf, RatingRefusal, type Rater } from '../series/meetingRatings';
import type { RatingStore } from '../series/ratingStore';
import { apiError } from './apiErrors';
import { parseBody } from './parseBody';

const ratingRequestSchema = z.strictObject({
  score: z.int().check(z.gte(RATING_MIN, `must be ${RATING_MIN}–${RATING_MAX}`), z.lte(RATING_MAX, `must be ${RATING_MIN}–${RATING_MAX}`)),
});

export function ratingRoutes({ ratings, store }: { ratings: RatingStore; store: MeetingStore }) {
  const app = new Hono();

  async function raterOf(c: Context): Promise<Rater | null> {
    const access = c.get('meetingAccess');
    const row = await store.getMeetingRow(access.meetingId);
    if (!row) return null;
    return { meetingId: access.meetingId, role: access.role, principal: access.principal, ended: row.status === 'ended' };
  }

  app.get('/:id/rating', async (c) => {
    const rater = await raterOf(c);
    if (!rater) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${c.req.param('id')}`, 'id');
    const body: RatingResponse = await ratingOf(ratings, rater);
    return c.json(body);
  });

  app.put('/:id/rating', async (c) => {
    const rater = await raterOf(c);
    if (!rater) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${c.req.param('id')}`, 'id');
    const parsed = await parseBody(c, ratingRequestSchema);
    if (!parsed.ok) return parsed.res;
    const input: RatingRequest = parsed.value;
    try {
      const body: RatingResponse = await rate(ratings, rater, input.score);
      return c.json(body);
    } catch (error) {
      if (!(error instanceof RatingRefusal)) throw error;
      return apiError(c, error.status, error.status === 403 ? ErrorCode.forbidden : ErrorCode.conflict, error.message);
    }
  });

  return app;
}
