/**
 * Full-text search over the ended meetings (agenda titles and notes, decisions, action items):
 * FTS5, trigram for queries of 3+ characters, character pairs for 1–2 (see search/searchText.ts),
 * both exact "contains, ignoring case" matches in any language.
 *
 * Bounded however common the word: rowids follow the meetings' time, so "newest first" reads the
 * index in rowid order and stops at the page. By relevance, the newest SEARCH_CANDIDATES matches
 * are ranked (title hits above body hits, decisions first) instead of scoring every match; the
 * answer says so when more matched. Counts stop at SEARCH_COUNT_CAP.
 *
 * Filters join each match to its meeting (CROSS JOIN keeps the index outermost in SQLite, so the
 * query still stops early); the caller's granted meetings, a short list, select rowids first.
 */
import type Database from 'better-sqlite3';
import { SEARCH_CANDIDATES, type MatchCount, type SearchHit } from '@suishin/shared/protocol';
import type { SearchFilter, SearchKey, SearchResult, Visible } from '../historyReads';
import { markedSnippet, occurrences, toSegments } from '../../search/snippets';
import { planSearch, rowIdBase } from '../../search/searchText';
import { Conditions, cappedCountSql, statementCache, toMatchCount } from './conditions';

export const SEARCH_COUNT_CAP = 1000;

interface HitRow {
  rowid: number;
  kind: SearchHit['kind'];
  meeting_id: string;
  item_id: string;
  title: string;
  body: string;
  meeting_title: string;
  series_id: string | null;
  held_on: string | null;
}

const KIND_WEIGHT: Record<SearchHit['kind'], number> = { decision: 0.5, actionItem: 0.3, agenda: 0 };

/** Title matches count three times a body match; long texts weigh less per match. */
function relevance(row: HitRow, q: string): number {
  const inTitle = occurrences(row.title, q) / (1 + Math.log1p(row.title.length / 40));
  const inBody = occurrences(row.body, q) / (1 + Math.log1p(row.body.length / 200));
  return Math.round((3 * inTitle + inBody + KIND_WEIGHT[row.kind]) * 1e6) / 1e6;
}

export function searchQueries(db: Database.Database) {
  const sql = statementCache(db);

  /** FROM … WHERE … for the query and filters; `d` is the table whose rowid order is read. */
  function matching(filter: SearchFilter, visible: Visible, withMeeting: boolean) {
    const plan = planSearch(filter.q);
    const where = new Conditions();
    let from: string;
    if (plan.index === 'trigram') {
      from = 'FROM follow_search d';
      where.add('follow_search MATCH ?', plan.match);
    } else if (plan.index === 'pairs') {
      from = 'FROM follow_search_bigram d';
      where.add('follow_search_bigram MATCH ?', plan.match);
    } else {
      const like = `%${plan.needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      from = 'FROM follow_search d';
      where.add("(d.title LIKE ? ESCAPE '\\' OR d.body LIKE ? ESCAPE '\\')", like, like);
    }
    const DAY = 86_400_000;
    if (filter.from) where.add('d.rowid >= ?', rowIdBase(Date.parse(`${filter.from}T00:00:00Z`) - DAY));
    if (filter.to) where.add('d.rowid < ?', rowIdBase(Date.parse(`${filter.to}T00:00:00Z`) + 2 * DAY));
    if (visible !== null) {
      const owned = new Conditions().within('o.meeting_id', visible);
      where.add(`d.rowid IN (SELECT o.search_rowid FROM follow_search_owner o WHERE ${owned.sql})`, ...owned.params);
    }
    const filtered = Boolean(filter.series || filter.department || filter.from || filter.to);
    if (withMeeting || filtered) {
      from += plan.index === 'pairs' ? ' CROSS JOIN follow_search s ON s.rowid = d.rowid' : '';
      from += ' CROSS JOIN proj_meetings m ON m.meeting_id = ' + (plan.index === 'pairs' ? 's' : 'd') + '.meeting_id';
      if (filter.series) where.add('m.series_id = ?', filter.series);
      if (filter.department) where.add('EXISTS (SELECT 1 FROM proj_meeting_departments md WHERE md.meeting_id = m.meeting_id AND md.department = ?)', filter.department);
      if (filter.from) where.add('m.held_on >= ?', filter.from);
      if (filter.to) where.add('m.held_on <= ?', filter.to);
    }
    const joined = withMeeting || filtered;
    if (!joined && plan.index === 'pairs') from += ' CROSS JOIN follow_search s ON s.rowid = d.rowid';
    const content = plan.index === 'pairs' ? 's' : 'd';
    return { from, where, content, joined };
  }

  /** Matches newest first; the meetings' columns are joined only when a filter needs them (see withMeetings). */
  function rows(filter: SearchFilter, visible: Visible, below: number | null, limit: number): HitRow[] {
    const { from, where, content, joined } = matching(filter, visible, false);
    if (below !== null) where.add('d.rowid < ?', below);
    const meetingColumns = joined ? 'm.title AS meeting_title, m.series_id, m.held_on' : "'' AS meeting_title, NULL AS series_id, NULL AS held_on";
    return sql<HitRow>(
      `SELECT d.rowid AS rowid, ${content}.kind, ${content}.meeting_id, ${content}.item_id, ${content}.title, ${content}.body, ${meetingColumns}
       ${from} WHERE ${where.sql} ORDER BY d.rowid DESC LIMIT ?`,
    ).all(...where.params, limit);
  }

  /** The meeting's title, series and day on the hits shown (one query for the page, not one join per candidate). */
  function withMeetings(hits: HitRow[]): HitRow[] {
    const ids = [...new Set(hits.filter((h) => h.meeting_title === '' && h.held_on === null).map((h) => h.meeting_id))];
    if (ids.length === 0) return hits;
    const meetings = new Map(
      sql<{ meeting_id: string; title: string; series_id: string | null; held_on: string | null }>(
        `SELECT meeting_id, title, series_id, held_on FROM proj_meetings WHERE meeting_id IN (${ids.map(() => '?').join(', ')})`,
      )
        .all(...ids)
        .map((m) => [m.meeting_id, m]),
    );
    return hits.map((h) => {
      const m = meetings.get(h.meeting_id);
      return m ? { ...h, meeting_title: m.title, series_id: m.series_id, held_on: m.held_on } : h;
    });
  }

  const toHit = (r: HitRow, q: string): SearchHit => ({
    kind: r.kind,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    seriesId: r.series_id,
    heldOn: r.held_on,
    itemId: r.item_id,
    title: r.title,
    snippet: toSegments(markedSnippet(r.title.toLowerCase().includes(q.toLowerCase()) ? r.title : r.body, q)),
    link: `/meetings/${encodeURIComponent(r.meeting_id)}#${r.kind}-${encodeURIComponent(r.item_id)}`,
  });

  function search(filter: SearchFilter, visible: Visible, after: SearchKey | null, limit: number): SearchResult {
    if (filter.sort === 'newest') {
      const found = rows(filter, visible, after && 'rowid' in after && !('anchor' in after) ? after.rowid : null, limit + 1);
      const shown = withMeetings(found.slice(0, limit));
      const last = shown.at(-1);
      return { hits: shown.map((r) => toHit(r, filter.q)), next: found.length > limit && last ? { rowid: last.rowid } : null, rankedAmong: null };
    }
    const anchor = after && 'anchor' in after ? after.anchor : null;
    const candidates = rows(filter, visible, anchor === null ? null : anchor + 1, SEARCH_CANDIDATES + 1);
    const rankedAmong = candidates.length > SEARCH_CANDIDATES ? SEARCH_CANDIDATES : null;
    const ranked = candidates
      .slice(0, SEARCH_CANDIDATES)
      .map((row) => ({ row, score: relevance(row, filter.q) }))
      .sort((a, b) => b.score - a.score || b.row.rowid - a.row.rowid);
    const start = after && 'anchor' in after ? ranked.findIndex((r) => r.score < after.score || (r.score === after.score && r.row.rowid < after.rowid)) : 0;
    const rest = start < 0 ? [] : ranked.slice(start);
    const shown = rest.slice(0, limit);
    const last = shown.at(-1);
    const newest = candidates[0]?.rowid ?? 0;
    return {
      hits: withMeetings(shown.map((r) => r.row)).map((row) => toHit(row, filter.q)),
      next: rest.length > limit && last ? { anchor: anchor ?? newest, score: last.score, rowid: last.row.rowid } : null,
      rankedAmong,
    };
  }

  function count(filter: SearchFilter, visible: Visible): MatchCount {
    const { from, where } = matching(filter, visible, false);
    const { n } = sql<{ n: number }>(cappedCountSql(`${from} WHERE ${where.sql}`, SEARCH_COUNT_CAP)).get(...where.params)!;
    return toMatchCount(n, SEARCH_COUNT_CAP);
  }

  return { search, count };
}
