/**
 * The storage seam of meeting ratings (1–5, optional, anonymous). A vote is kept under a voter
 * key (voterKey: a digest of the meeting and the caller's principal), never the principal, a name
 * or a time; reads give a meeting's total, and a voter only their own score. SQLite:
 * persistence/sqlite/sqliteRatingStore.ts; contract: testing/contracts/ratingStoreContract.ts.
 */
import { createHash } from 'node:crypto';

export interface RatingTotals {
  votes: number;
  sum: number;
}

export interface RatingStore {
  /** One vote per voter and meeting: a second replaces the first. `score` is a whole number 1–5. */
  rate(meetingId: string, voter: string, score: number): Promise<void>;
  /** The voter's own score, or null. */
  scoreOf(meetingId: string, voter: string): Promise<number | null>;
  /** Totals of each meeting asked for that has votes (others are absent). */
  totals(meetingIds: readonly string[]): Promise<Map<string, RatingTotals>>;
  /** Drops every vote of the meeting (it is purged from the trash). */
  removeMeeting(meetingId: string): Promise<void>;
}

/**
 * The key a principal votes under in one meeting: the same caller always gets the same key there
 * (one vote each), and keys of two meetings cannot be matched to each other or to the principal.
 */
export const voterKey = (meetingId: string, principal: string): string =>
  createHash('sha256').update(`rating\u0000${meetingId}\u0000${principal}`).digest('base64url');
