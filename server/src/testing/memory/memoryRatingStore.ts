/** A RatingStore in memory, for tests and the rating store's contract. */
import type { RatingStore, RatingTotals } from '../../series/ratingStore';

/** `votes`: meeting id → voter key → score (pass the same map to a second store: a restart). */
export function openMemoryRatingStore(votes: Map<string, Map<string, number>> = new Map()): RatingStore {
  return {
    async rate(meetingId, voter, score) {
      if (!Number.isInteger(score) || score < 1 || score > 5) throw new Error(`score must be a whole number 1–5, not ${score}`);
      const meeting = votes.get(meetingId) ?? new Map<string, number>();
      meeting.set(voter, score);
      votes.set(meetingId, meeting);
    },
    async scoreOf(meetingId, voter) {
      return votes.get(meetingId)?.get(voter) ?? null;
    },
    async totals(meetingIds) {
      const result = new Map<string, RatingTotals>();
      for (const id of meetingIds) {
        const meeting = votes.get(id);
        if (!meeting?.size) continue;
        result.set(id, { votes: meeting.size, sum: [...meeting.values()].reduce((a, b) => a + b, 0) });
      }
      return result;
    },
    async removeMeeting(meetingId) {
      votes.delete(meetingId);
    },
  };
}
