/**
 * What a 会議体's health is made of, per series: its last ended meetings (newest first), the
 * action items closed in them and of those on time (each chain once however often carried), its
 * open and overdue action items, and its next meeting (a meeting made and not ended). Every read
 * is bounded by the page it returns or is an index-only count, so the cost does not grow with the
 * body's age: the last meetings through proj_meetings_by_series, closures per meeting through
 * follow_action_chains_by_closer, open items through follow_action_chains_by_series, and the
 * meetings not yet ended (few in any workspace) through proj_meetings_by_status, once for all.
 */
import type Database from 'better-sqlite3';
import type { BodyFigures, BodyMeetingRow } from '../historyReads';
import { statementCache } from './conditions';

interface MeetingRow {
  meeting_id: string;
  series_id: string;
  title: string;
  series_number: number | null;
  held_on: string | null;
  status: string;
}

const toMeeting = (r: MeetingRow): BodyMeetingRow => ({ meetingId: r.meeting_id, title: r.title, number: r.series_number, heldOn: r.held_on });

/** The live one first, else the earliest day to come, else a past day, else the newest made without a day. */
function nextOf(rows: MeetingRow[], today: string): MeetingRow | null {
  const rank = (r: MeetingRow) => (r.status === 'live' ? 0 : r.held_on === null ? 3 : r.held_on >= today ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || (a.held_on ?? '').localeCompare(b.held_on ?? ''))[0] ?? null;
}

export function bodyQueries(db: Database.Database) {
  const sql = statementCache(db);

  function figures(seriesIds: readonly string[], today: string, lastMeetings: number): Map<string, BodyFigures> {
    const result = new Map<string, BodyFigures>();
    const pending = new Map<string, MeetingRow[]>();
    for (const row of sql<MeetingRow>(
      `SELECT meeting_id, series_id, title, series_number, held_on, status FROM proj_meetings
       WHERE status IN ('draft', 'live') AND series_id IS NOT NULL ORDER BY sort_at DESC`,
    ).all()) pending.set(row.series_id, [...(pending.get(row.series_id) ?? []), row]);

    for (const seriesId of new Set(seriesIds)) {
      const ended = sql<MeetingRow>(
        `SELECT meeting_id, series_id, title, series_number, held_on, status FROM proj_meetings
         WHERE series_id = ? AND status = 'ended' ORDER BY sort_at DESC, meeting_id DESC LIMIT ?`,
      ).all(seriesId, lastMeetings);
      let closed = 0;
      let closedOnTime = 0;
      for (const m of ended) {
        const c = sql<{ n: number; on_time: number }>(
          'SELECT count(*) AS n, coalesce(sum(closed_on_time), 0) AS on_time FROM follow_action_chains WHERE closer_meeting_id = ?',
        ).get(m.meeting_id)!;
        closed += c.n;
        closedOnTime += c.on_time;
      }
      const open = sql<{ n: number; overdue: number }>(
        `SELECT count(*) AS n, coalesce(sum(due_sort < ?), 0) AS overdue FROM follow_action_chains WHERE series_id = ? AND closed = 0`,
      ).get(today, seriesId)!;
      const { n: all } = sql<{ n: number }>('SELECT count(*) AS n FROM proj_meetings WHERE series_id = ?').get(seriesId)!;
      const notEnded = pending.get(seriesId) ?? [];
      const next = nextOf(notEnded, today);
      result.set(seriesId, {
        closed,
        closedOnTime,
        open: open.n,
        overdue: open.overdue,
        endedMeetings: all - notEnded.length,
        lastEnded: ended.map(toMeeting),
        next: next ? toMeeting(next) : null,
      });
    }
    return result;
  }

  return { figures };
}
