/**
 * The decision register (決定事項台帳): every decision of the ended meetings, newest meeting first
 * and in the meeting's own order, with its state and its supersedes chain. A decision is
 * superseded when another one names it in supersedes_id (by decision id, across meetings).
 */
import type Database from 'better-sqlite3';
import {
  COUNT_CAP,
  DECISION_CHAIN_MAX,
  REVIEW_DUE_DAYS,
  type DecisionEntry,
  type DecisionRef,
  type DecisionState,
  type MatchCount,
} from '@suishin/shared/protocol';
import type { DecisionFilter, DecisionKey, Page, Visible } from '../historyReads';
import { addDays } from '../../followThrough/periods';
import { Conditions, cappedCountSql, statementCache, toMatchCount } from './conditions';

interface DecisionRow {
  meeting_id: string;
  decision_id: string;
  series_id: string | null;
  held_on: string | null;
  sort_at: number;
  position: number;
  text: string;
  rationale: string;
  decided_by: string;
  review_date: string | null;
  supersedes_id: string | null;
  meeting_title: string;
  superseded: number;
}

const COLUMNS = `d.meeting_id, d.decision_id, d.series_id, d.held_on, d.sort_at, d.position, d.text, d.rationale,
  d.decided_by, d.review_date, d.supersedes_id, m.title AS meeting_title`;
const SUPERSEDED = 'EXISTS (SELECT 1 FROM proj_decisions s WHERE s.supersedes_id = d.decision_id)';


function stateOf(row: { superseded: number; review_date: string | null }, today: string): DecisionState {
  if (row.superseded) return 'superseded';
  if (row.review_date !== null && row.review_date < today) return 'review_overdue';
  if (row.review_date !== null && row.review_date <= addDays(today, REVIEW_DUE_DAYS)) return 'review_due';
  return 'in_force';
}

export function decisionQueries(db: Database.Database) {
  const sql = statementCache(db);
  const refColumns = 'd.meeting_id, d.decision_id, d.text, d.supersedes_id, d.sort_at, m.title AS meeting_title, m.held_on';
  type RefRow = { meeting_id: string; decision_id: string; text: string; supersedes_id: string | null; sort_at: number; meeting_title: string; held_on: string | null };
  const byId = () => sql<RefRow>(`SELECT ${refColumns} FROM proj_decisions d JOIN proj_meetings m ON m.meeting_id = d.meeting_id WHERE d.decision_id = ? LIMIT 1`);
  const successor = () =>
    sql<RefRow>(
      `SELECT ${refColumns} FROM proj_decisions d JOIN proj_meetings m ON m.meeting_id = d.meeting_id
       WHERE d.supersedes_id = ? ORDER BY d.sort_at DESC, d.meeting_id DESC LIMIT 1`,
    );
  const toRef = (r: Pick<RefRow, 'meeting_id' | 'decision_id' | 'text' | 'meeting_title' | 'held_on'>): DecisionRef => ({
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    heldOn: r.held_on,
    decisionId: r.decision_id,
    text: r.text,
  });

  /** The chain through `row`: what it superseded, back to the first, and what superseded it, forward. */
  function chainOf(row: DecisionRow): DecisionRef[] {
    const seen = new Set([row.decision_id]);
    const back: DecisionRef[] = [];
    let previous = row.supersedes_id;
    while (previous && !seen.has(previous) && back.length < DECISION_CHAIN_MAX / 2) {
      const found = byId().get(previous);
      if (!found) break;
      seen.add(found.decision_id);
      back.unshift(toRef(found));
      previous = found.supersedes_id;
    }
    const forward: DecisionRef[] = [];
    let current = row.decision_id;
    while (forward.length + back.length + 1 < DECISION_CHAIN_MAX) {
      const found = successor().get(current);
      if (!found || seen.has(found.decision_id)) break;
      seen.add(found.decision_id);
      forward.push(toRef(found));
      current = found.decision_id;
    }
    return [...back, toRef(row), ...forward];
  }

  function filtered(filter: DecisionFilter, visible: Visible) {
    const where = new Conditions();
    if (filter.series) where.add('d.series_id = ?', filter.series);
    if (filter.department) where.add('EXISTS (SELECT 1 FROM proj_meeting_departments md WHERE md.meeting_id = d.meeting_id AND md.department = ?)', filter.department);
    where.days('d.sort_at', 'd.held_on', filter.from, filter.to);
    if (filter.decider) where.add('d.decided_by = ?', filter.decider);
    switch (filter.state) {
      case 'superseded':
        where.add(SUPERSEDED);
        break;
      case 'in_force':
        where.add(`NOT ${SUPERSEDED}`);
        break;
      case 'review_due':
        where.add(`d.review_date >= ? AND d.review_date <= ? AND NOT ${SUPERSEDED}`, filter.today, addDays(filter.today, REVIEW_DUE_DAYS));
        break;
      case 'review_overdue':
        where.add(`d.review_date < ? AND NOT ${SUPERSEDED}`, filter.today);
        break;
      case undefined:
        break;
    }
    where.within('d.meeting_id', visible);
    return where;
  }

  function page(filter: DecisionFilter, visible: Visible, after: DecisionKey | null, limit: number): Page<DecisionEntry, DecisionKey> {
    const where = filtered(filter, visible);
    // Newest meeting first, then the meeting's own order (positions ascending).
    if (after) {
      where.add(
        'd.sort_at <= ? AND (d.sort_at < ? OR d.meeting_id < ? OR (d.meeting_id = ? AND d.position > ?))',
        after.sortAt, after.sortAt, after.meetingId, after.meetingId, after.position,
      );
    }
    const rows = sql<DecisionRow>(
      `SELECT ${COLUMNS}, ${SUPERSEDED} AS superseded
       FROM proj_decisions d JOIN proj_meetings m ON m.meeting_id = d.meeting_id
       WHERE ${where.sql} ORDER BY d.sort_at DESC, d.meeting_id DESC, d.position ASC LIMIT ?`,
    ).all(...where.params, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      rows: shown.map((r) => ({
        ...toRef(r),
        seriesId: r.series_id,
        rationale: r.rationale,
        decidedBy: r.decided_by,
        reviewDate: r.review_date,
        state: stateOf(r, filter.today),
        chain: chainOf(r),
        link: `/meetings/${encodeURIComponent(r.meeting_id)}#decision-${encodeURIComponent(r.decision_id)}`,
      })),
      next: rows.length > limit && last ? { sortAt: last.sort_at, meetingId: last.meeting_id, position: last.position } : null,
    };
  }

  function count(filter: DecisionFilter, visible: Visible): MatchCount {
    const where = filtered(filter, visible);
    const { n } = sql<{ n: number }>(cappedCountSql(`FROM proj_decisions d WHERE ${where.sql}`, COUNT_CAP)).get(...where.params)!;
    return toMatchCount(n, COUNT_CAP);
  }

  return { page, count };
}
