/**
 * Full-text search over the projected meetings: agenda titles and notes, decisions, action items.
 * SQLite FTS5 with the trigram tokenizer, so a Japanese word is found in the middle of a sentence
 * (no word boundaries needed); queries shorter than 3 characters (trigram cannot match them) fall
 * back to LIKE over the same rows. Only projected meetings are searchable: a meeting is projected
 * when it ends (issue 6), so live meetings are not in the index.
 *
 * Hits carry the snippet as segments ({text, mark}): the client renders marks as <mark> elements
 * around text nodes, never as HTML.
 */
import type Database from 'better-sqlite3';

export interface SearchQuery {
  q: string;
  series?: string | null;
  department?: string | null;
  /** "YYYY-MM-DD" bounds on the day the meeting was held. */
  from?: string | null;
  to?: string | null;
  /** Only these meetings (the caller's), or null for all. */
  visible?: ReadonlySet<string> | null;
  limit?: number;
}

import type { SearchHit, SnippetSegment } from '@suishin/shared';

export type { SearchHit, SnippetSegment };

const START = '\u0002';
const END = '\u0003';

export function toSegments(marked: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let mark = false;
  let text = '';
  for (const ch of marked) {
    if (ch === START || ch === END) {
      if (text) out.push({ text, mark });
      text = '';
      mark = ch === START;
    } else {
      text += ch;
    }
  }
  if (text) out.push({ text, mark });
  return out;
}

/** Marks every case-insensitive occurrence of `needle` in a window of `text` around the first one. */
function likeSnippet(text: string, needle: string, radius = 40): string {
  const lower = text.toLowerCase();
  const n = needle.toLowerCase();
  const first = lower.indexOf(n);
  if (first < 0) return text.slice(0, radius * 2);
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + n.length + radius);
  let out = start > 0 ? '…' : '';
  let i = start;
  while (i < end) {
    const at = lower.indexOf(n, i);
    if (at < 0 || at >= end) {
      out += text.slice(i, end);
      break;
    }
    out += text.slice(i, at) + START + text.slice(at, at + n.length) + END;
    i = at + n.length;
  }
  return out + (end < text.length ? '…' : '');
}

export function searchMeetings(db: Database.Database, query: SearchQuery): SearchHit[] {
  const q = query.q.trim();
  if (!q) return [];
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.series) {
    where.push('m.series_id = ?');
    params.push(query.series);
  }
  if (query.department) {
    where.push('EXISTS (SELECT 1 FROM proj_meeting_departments d WHERE d.meeting_id = m.meeting_id AND d.department = ?)');
    params.push(query.department);
  }
  if (query.from) {
    where.push('m.held_on >= ?');
    params.push(query.from);
  }
  if (query.to) {
    where.push('m.held_on <= ?');
    params.push(query.to);
  }
  const filter = where.length ? ` AND ${where.join(' AND ')}` : '';
  type Row = { kind: SearchHit['kind']; meeting_id: string; item_id: string; title: string; body: string; marked: string; meeting_title: string; series_id: string | null; held_on: string | null };
  let rows: Row[];
  // Over-fetch when filtering by the caller's meetings afterwards.
  const fetchLimit = query.visible ? limit * 5 : limit;
  if ([...q].length >= 3 && where.length > 0) {
    // Filtered: a two-step plan. The MATCH runs once, alone (materialized), and the filters are
    // applied to its hits by primary key; joined directly, SQLite may put proj_meetings outside and
    // re-run the full-text query for every meeting of the series (p95 ~200 ms over 1,000
    // meetings). snippet() needs the FTS cursor, so the marks are placed here instead: a trigram
    // phrase matches exactly the case-insensitive substring likeSnippet marks.
    const phrase = `"${q.replace(/"/g, '""')}"`;
    rows = db
      .prepare<unknown[], Omit<Row, 'marked'>>(
        `WITH hits AS MATERIALIZED (
           SELECT rank AS r, kind, meeting_id, item_id, title, body FROM follow_search WHERE follow_search MATCH ?
         )
         SELECT s.kind, s.meeting_id, s.item_id, s.title, s.body, m.title AS meeting_title, m.series_id, m.held_on
         FROM hits s JOIN proj_meetings m ON m.meeting_id = s.meeting_id
         WHERE 1 = 1${filter}
         ORDER BY s.r, m.held_at DESC LIMIT ?`,
      )
      .all(phrase, ...params, fetchLimit)
      .map((r) => ({ ...r, marked: likeSnippet(r.title.toLowerCase().includes(q.toLowerCase()) ? r.title : r.body, q) }));
  } else if ([...q].length >= 3) {
    const phrase = `"${q.replace(/"/g, '""')}"`;
    rows = db
      .prepare<unknown[], Row>(
        `SELECT s.kind, s.meeting_id, s.item_id, s.title, s.body,
                snippet(follow_search, -1, char(2), char(3), '…', 24) AS marked,
                m.title AS meeting_title, m.series_id, m.held_on
         FROM follow_search s JOIN proj_meetings m ON m.meeting_id = s.meeting_id
         WHERE follow_search MATCH ?${filter}
         ORDER BY s.rank, m.held_at DESC LIMIT ?`,
      )
      .all(phrase, ...params, fetchLimit);
  } else {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    rows = db
      .prepare<unknown[], Omit<Row, 'marked'>>(
        // One scan of the index for the LIKE, materialized, then the filters by primary key (joined
        // directly, a series filter made SQLite rescan the whole index for each of its meetings).
        `WITH hits AS MATERIALIZED (
           SELECT kind, meeting_id, item_id, title, body FROM follow_search
           WHERE (title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')
         )
         SELECT s.kind, s.meeting_id, s.item_id, s.title, s.body, m.title AS meeting_title, m.series_id, m.held_on
         FROM hits s JOIN proj_meetings m ON m.meeting_id = s.meeting_id
         WHERE 1 = 1${filter}
         ORDER BY m.held_at DESC LIMIT ?`,
      )
      .all(like, like, ...params, fetchLimit)
      .map((r) => ({ ...r, marked: likeSnippet(r.title.toLowerCase().includes(q.toLowerCase()) ? r.title : r.body, q) }));
  }
  return rows
    .filter((r) => !query.visible || query.visible.has(r.meeting_id))
    .slice(0, limit)
    .map((r) => ({
      kind: r.kind,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      seriesId: r.series_id,
      heldOn: r.held_on,
      itemId: r.item_id,
      title: r.title,
      snippet: toSegments(r.marked),
      link: `/meetings/${encodeURIComponent(r.meeting_id)}#${r.kind}-${encodeURIComponent(r.item_id)}`,
    }));
}
