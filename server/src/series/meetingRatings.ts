/**
 * Rating a meeting at its end (1–5, optional, anonymous): participants and facilitators of an
 * ended meeting, one vote each (a second replaces the first), kept by the rating store under a
 * voter key and never in the shared document. Anyone who may open the meeting sees its total once
 * RATING_MIN_VOTES_SHOWN people voted (before that, a single vote could be read off the figure);
 * a voter also sees their own score.
 */
import { RATING_MIN_VOTES_SHOWN, type RatingFigures, type RatingResponse } from '@suishin/shared/protocol';
import { roleAtLeast, type Role } from '@suishin/shared';
import { voterKey, type RatingStore, type RatingTotals } from './ratingStore';

export const ratingFigures = (t: RatingTotals): RatingFigures => ({
  votes: t.votes,
  average: t.votes >= RATING_MIN_VOTES_SHOWN ? Math.round((t.sum / t.votes) * 100) / 100 : null,
});

export class RatingRefusal extends Error {
  constructor(readonly status: 403 | 409, message: string) {
    super(message);
  }
}

export interface Rater {
  meetingId: string;
  role: Role;
  principal: string;
  /** The meeting has ended. */
  ended: boolean;
}

const mayRate = (r: Rater) => r.ended && roleAtLeast(r.role, 'participant');

export async function ratingOf(store: RatingStore, rater: Rater): Promise<RatingResponse> {
  const totals = (await store.totals([rater.meetingId])).get(rater.meetingId) ?? { votes: 0, sum: 0 };
  return { mine: await store.scoreOf(rater.meetingId, voterKey(rater.meetingId, rater.principal)), figures: ratingFigures(totals), canRate: mayRate(rater) };
}

/** Throws RatingRefusal: 403 for an observer, 409 before the meeting has ended. */
export async function rate(store: RatingStore, rater: Rater, score: number): Promise<RatingResponse> {
  if (!roleAtLeast(rater.role, 'participant')) throw new RatingRefusal(403, 'only participants and facilitators may rate a meeting');
  if (!rater.ended) throw new RatingRefusal(409, 'a meeting is rated once it has ended');
  await store.rate(rater.meetingId, voterKey(rater.meetingId, rater.principal), score);
  return ratingOf(store, rater);
}
