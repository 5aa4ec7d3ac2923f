/** Meeting ratings in SQLite, in the series' tables (series/ratingStore.ts says what a rating store does). */
import type Database from 'better-sqlite3';
import type { RatingStore, RatingTotals } from '../../series/ratingStore';
import { migrateSeries } from './seriesSchema';

/** Meetings per statement when totalling many (far below SQLite's variable limit). */
const CHUNK = 500;

export function sqliteRatingStore(db: Database.Database): RatingStore {
  migrateSeries(db);
  const upsert = db.prepare('INSERT INTO meeting_ratings (meeting_id, voter, score) VALUES (?, ?, ?) ON CONFLICT (meeting_id, voter) DO UPDATE SET score = excluded.score');
  const own = db.prepare<[string, string], { score: number }>('SELECT score FROM meeting_ratings WHERE meeting_id = ? AND voter = ?');
  const remove = db.prepare<[string]>('DELETE FROM meeting_ratings WHERE meeting_id = ?');
  const totalsOf = (n: number) =>
    db.prepare<string[], { meeting_id: string; votes: number; sum: number }>(
      `SELECT meeting_id, count(*) AS votes, sum(score) AS sum FROM meeting_ratings WHERE meeting_id IN (${Array.from({ length: n }, () => '?').join(', ')}) GROUP BY meeting_id`,
    );
  return {
    async rate(meetingId, voter, score) {
      upsert.run(meetingId, voter, score);
    },
    async scoreOf(meetingId, voter) {
      return own.get(meetingId, voter)?.score ?? null;
    },
    async totals(meetingIds) {
      const result = new Map<string, RatingTotals>();
      const unique = [...new Set(meetingIds)];
      for (let i = 0; i < unique.length; i += CHUNK) {
        const part = unique.slice(i, i + CHUNK);
        for (const r of totalsOf(part.length).all(...part)) result.set(r.meeting_id, { votes: r.votes, sum: r.sum });
      }
      return result;
    },
    async removeMeeting(meetingId) {
      remove.run(meetingId);
    },
  };
}
