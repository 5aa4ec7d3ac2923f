/**
 * What a 会議体's health is made of, per series: its action items (each chain once however often
 * carried: closed, closed on time, open, overdue), its last ended meetings, and its next one (a
 * meeting made and not ended). Each series is read through its own index ranges
 * (follow_action_chains_by_series, proj_meetings_by_series), so the cost follows the series.
 */
import type Database from 'better-sqlite3';
import type { BodyFigures, BodyMeetingRow } from '../historyReads';
import { statementCache } from './conditions';

interface MeetingRow {
  meeting_id: string;
  title: string;
  series_number: number | null;
  held_on: string | null;
  status: string;
}

const toMeeting = (r: MeetingRow): BodyMeetingRow => ({ meetingId: r.meeting_id, title: r.title, number: r.series_number, heldOn: r.held_on });

export function bodyQueries(db: Database.Database) {
  const sql = statementCache(db);

  function figures(seriesIds: readonly string[], today: string, lastMeetings: number): Map<string, BodyFigures> {
    const result = new Map<string, BodyFigures>();
    for (const seriesId of new Set(seriesIds)) {
      const chains = sql<{ closed: number; n: number; on_time: number; overdue: number }>(
        `SELECT closed, count(*) AS n, coalesce(sum(closed_on_time), 0) AS on_time,
                sum(CASE WHEN closed = 0 AND due_sort < ? THEN 1 ELSE 0 END) AS overdue
         FROM follow_action_chains WHERE series_id = ? GROUP BY closed`,
      ).all(today, seriesId);
      const closed = chains.find((c) => c.closed === 1);
      const open = chains.find((c) => c.closed === 0);
      const ended = sql<MeetingRow>(
        `SELECT meeting_id, title, series_number, held_on, status FROM proj_meetings
         WHERE series_id = ? AND status = 'ended' ORDER BY sort_at DESC, meeting_id DESC LIMIT ?`,
      ).all(seriesId, lastMeetings);
      const { n: endedCount } = sql<{ n: number }>("SELECT count(*) AS n FROM proj_meetings WHERE series_id = ? AND status = 'ended'").get(seriesId)!;
      // The live one first, else the earliest day to come, else the newest made without a day.
      const next = sql<MeetingRow>(
        `SELECT meeting_id, title, series_number, held_on, status FROM proj_meetings
         WHERE series_id = ? AND status != 'ended'
         ORDER BY status = 'live' DESC, held_on IS NULL, held_on < ?, held_on, sort_at DESC LIMIT 1`,
      ).get(seriesId, today);
      result.set(seriesId, {
        closed: closed?.n ?? 0,
        closedOnTime: closed?.on_time ?? 0,
        open: open?.n ?? 0,
        overdue: open?.overdue ?? 0,
        endedMeetings: endedCount,
        lastEnded: ended.map(toMeeting),
        next: next ? toMeeting(next) : null,
      });
    }
    return result;
  }

  return { figures };
}
