/**
 * REST shapes of the 会議体 (meeting bodies): the registry (`GET /api/bodies`), a body's health
 * and rating trend (`GET /api/series/:id/health`), and a meeting's rating
 * (`GET` / `PUT /api/meetings/:id/rating`). A body is a series (protocol/series.ts); its fields
 * and their validators are in shared/src/series/meetingBody.ts.
 */
import type { Series } from '../series/seriesTypes';

export type { BodyMember, BodyRole, Cadence, CadenceEvery, DecisionFunction, MeetingBodyFields } from '../series/meetingBody';

/** The lowest score and the highest. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Fewer votes than this show no figures, so nobody can tell one person's vote from the total. */
export const RATING_MIN_VOTES_SHOWN = 3;
/** How many of a body's last ended meetings its health and trend take the rating of. */
export const BODY_RATING_MEETINGS = 5;
/** How many last ended meetings a body's trend shows and its on-time rate covers. */
export const BODY_TREND_MEETINGS = 12;

/** The votes of one meeting, as a total only (never who gave which score). */
export interface RatingFigures {
  votes: number;
  /** Null below RATING_MIN_VOTES_SHOWN votes. */
  average: number | null;
}

/** The next meeting: one made and not ended yet, else the day the cadence says it is due. */
export interface BodyNextMeeting {
  meetingId: string | null;
  title: string | null;
  /** "YYYY-MM-DD", or null when neither scheduled nor due by the cadence. */
  heldOn: string | null;
  /** True when the day comes from the cadence (no meeting made yet). */
  byCadence: boolean;
}

export interface BodyHealth {
  /**
   * Of the action items closed in the body's last BODY_TREND_MEETINGS ended meetings, the share closed
   * on time (each once however often carried); null when none was closed there.
   */
  onTimeRate: number | null;
  closed: number;
  open: number;
  overdue: number;
  /** The last ended meetings' ratings together (votes of up to BODY_RATING_MEETINGS meetings). */
  rating: RatingFigures;
  /** The review date is today or before. */
  reviewDue: boolean;
  endedMeetings: number;
  lastHeldOn: string | null;
  next: BodyNextMeeting;
}

/** One body in the registry; the tree is drawn from parentId (a parent the caller cannot see: shown at the top). */
export interface BodyEntry extends Series {
  health: BodyHealth;
}

/** `GET /api/bodies`: every body the caller sees, oldest first. */
export interface BodyRegistryResponse {
  bodies: BodyEntry[];
  /** "YYYY-MM-DD" in the workspace's zone. */
  today: string;
}

export interface BodyRatingPoint {
  meetingId: string;
  title: string;
  number: number | null;
  heldOn: string | null;
  rating: RatingFigures;
}

/** `GET /api/series/:id/health`: the body's health and its rating per ended meeting, oldest first. */
export interface BodyHealthResponse {
  health: BodyHealth;
  ratingTrend: BodyRatingPoint[];
  today: string;
}

/** `PUT /api/meetings/:id/rating` (body): one vote per participant; a second replaces the first. */
export interface RatingRequest {
  score: number;
}

/** `GET` and `PUT /api/meetings/:id/rating`: the caller's own score and the meeting's total. */
export interface RatingResponse {
  /** The caller's own vote, or null; nobody else's is ever sent. */
  mine: number | null;
  figures: RatingFigures;
  /** Whether the caller may vote (a participant or facilitator of an ended meeting). */
  canRate: boolean;
}
