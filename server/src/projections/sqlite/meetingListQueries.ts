/**
 * Meetings as the archive and the home page list them, from proj_meetings (every meeting is
 * listed there: see meetingListing.ts). Newest first on (sort_at, meeting_id); a department
 * filter pages on proj_meeting_departments' own index, which repeats sort_at and status.
 */
import type Database from 'better-sqlite3';
import { COUNT_CAP, HOME_LIMITS, type MatchCount, type MeetingListEntry } from '@suishin/shared/protocol';
import type { ArchiveFilter, HomeLists, MeetingKey, Page, Visible } from '../historyReads';
import { Conditions, cappedCountSql, statementCache, toMatchCount } from './conditions';

interface MeetingRow {
  meeting_id: string;
  title: string;
  status: MeetingListEntry['status'];
  series_id: string | null;
  held_on: string | null;
  scheduled_start: string | null;
  place: string;
  decision_count: number;
  action_item_count: number;
  sort_at: number;
}

const COLUMNS = `m.meeting_id, m.title, m.status, m.series_id, m.held_on, m.scheduled_start, m.place,
  m.decision_count, m.action_item_count, m.sort_at`;

export function meetingListQueries(db: Database.Database) {
  const sql = statementCache(db);
  /** The departments of these meetings, one query for a page. */
  function withDepartments(rows: MeetingRow[]): MeetingListEntry[] {
    const departments = new Map<string, string[]>(rows.map((r) => [r.meeting_id, []]));
    if (rows.length > 0) {
      const ids = rows.map((r) => r.meeting_id);
      const found = sql<{ meeting_id: string; department: string }>(
          `SELECT meeting_id, department FROM proj_meeting_departments WHERE meeting_id IN (${ids.map(() => '?').join(', ')})
           ORDER BY meeting_id, department`,
        ).all(...ids);
      for (const d of found) departments.get(d.meeting_id)!.push(d.department);
    }
    return rows.map((r) => ({
      id: r.meeting_id,
      title: r.title,
      status: r.status,
      seriesId: r.series_id,
      departments: departments.get(r.meeting_id) ?? [],
      heldOn: r.held_on,
      scheduledStart: r.scheduled_start,
      place: r.place,
      decisionCount: r.decision_count,
      actionItemCount: r.action_item_count,
    }));
  }

  /** FROM … WHERE … of the filter; `k` is the table whose (sort_at, meeting_id) index orders the page. */
  function filtered(filter: ArchiveFilter, visible: Visible): { from: string; k: string; where: Conditions } {
    const where = new Conditions();
    let from: string;
    let k: string;
    if (filter.department) {
      from = 'FROM proj_meeting_departments d JOIN proj_meetings m ON m.meeting_id = d.meeting_id';
      k = 'd';
      where.add('d.department = ?', filter.department);
      if (filter.status) where.add('d.status = ?', filter.status);
    } else {
      from = 'FROM proj_meetings m';
      k = 'm';
      if (filter.status) where.add('m.status = ?', filter.status);
    }
    if (filter.series) where.add('m.series_id = ?', filter.series);
    where.days(`${k}.sort_at`, 'm.held_on', filter.from, filter.to);
    where.within('m.meeting_id', visible);
    return { from, k, where };
  }

  function page(filter: ArchiveFilter, visible: Visible, after: MeetingKey | null, limit: number): Page<MeetingListEntry, MeetingKey> {
    const { from, k, where } = filtered(filter, visible);
    if (after) where.add(`(${k}.sort_at, ${k}.meeting_id) < (?, ?)`, after.sortAt, after.id);
    const rows = sql<MeetingRow>(`SELECT ${COLUMNS} ${from} WHERE ${where.sql} ORDER BY ${k}.sort_at DESC, ${k}.meeting_id DESC LIMIT ?`).all(...where.params, limit + 1);
    const more = rows.length > limit;
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return { rows: withDepartments(shown), next: more && last ? { sortAt: last.sort_at, id: last.meeting_id } : null };
  }

  function count(filter: ArchiveFilter, visible: Visible, cap = COUNT_CAP): MatchCount {
    const { from, where } = filtered(filter, visible);
    const { n } = sql<{ n: number }>(cappedCountSql(`${from} WHERE ${where.sql}`, cap)).get(...where.params)!;
    return toMatchCount(n, cap);
  }

  function homeLists(visible: Visible, nowMs: number): HomeLists {
    const list = (status: string, extra: string, order: 'ASC' | 'DESC', limit: number, ...params: unknown[]) => {
      const where = new Conditions().add('m.status = ?', status).add(extra, ...params).within('m.meeting_id', visible);
      return withDepartments(
        sql<MeetingRow>(`SELECT ${COLUMNS} FROM proj_meetings m WHERE ${where.sql} ORDER BY m.sort_at ${order}, m.meeting_id ${order} LIMIT ?`).all(
          ...where.params,
          limit,
        ),
      );
    };
    const since = nowMs - 86_400_000;
    return {
      live: list('live', '1 = 1', 'DESC', HOME_LIMITS.live),
      upcoming: list('draft', 'm.held_at IS NOT NULL AND m.sort_at >= ?', 'ASC', HOME_LIMITS.upcoming, since),
      drafts: list('draft', 'm.held_at IS NULL', 'DESC', HOME_LIMITS.drafts),
      recent: list('ended', '1 = 1', 'DESC', HOME_LIMITS.recent),
      counts: {
        live: count({ status: 'live' }, visible, 1000),
        drafts: count({ status: 'draft' }, visible, 1000),
        ended: count({ status: 'ended' }, visible),
      },
    };
  }

  return { page, count, homeLists };
}
