/**
 * Follow-through dashboards of a series or a department over a range of days: figures per period
 * (week / month / quarter), per meeting (paged), and the open items now. Reads only the range's
 * ended meetings and their rows (each through an index on the meeting), so the cost follows the
 * range, not the workspace's age. Definitions (as the dashboard always counted):
 * - an action item counts once however often it was carried (its chain: actionChainWriter.ts);
 *   opened in the meeting of its original, closed in the meeting where it was closed, on time when
 *   that meeting's day is on or before the due date;
 * - carried topics: agenda titles (normalized: topicKey) of 2+ meetings, except the usual agenda and
 *   the generated follow-up and brief items;
 * - superseded: decisions of the range that a later decision names in supersedes_id.
 */
import type Database from 'better-sqlite3';
import {
  BREAKDOWN_MAX,
  COUNT_CAP,
  KPI_TRENDS_MAX,
  type DashboardMeetingFigures,
  type DashboardPeriodFigures,
  type FollowThroughFigures,
  type MatchCount,
} from '@suishin/shared/protocol';
import { periodOf, periodsOf } from '../../followThrough/periods';
import type { DashboardFigures, DashboardRange, DashboardScope, MeetingKey, Page } from '../historyReads';
import { normalizeTopic } from '../meetingRecord';
import type { actionItemQueries } from './actionItemQueries';
import { Conditions, cappedCountSql, statementCache, toMatchCount } from './conditions';

interface RangeMeetingRow {
  meeting_id: string;
  title: string;
  held_on: string | null;
  sort_at: number;
  planned_seconds: number;
  actual_seconds: number;
  decision_count: number;
  opened: number;
  opened_closed: number;
  closed: number;
  closed_on_time: number;
}


const emptyFigures = (): FollowThroughFigures => ({
  meetings: 0, opened: 0, closed: 0, closedOnTime: 0, closedLate: 0, decisions: 0, plannedSeconds: 0, actualSeconds: 0, overrunSeconds: 0,
});

function addTo(target: FollowThroughFigures, r: RangeMeetingRow) {
  target.meetings += 1;
  target.opened += r.opened;
  target.closed += r.closed;
  target.closedOnTime += r.closed_on_time;
  target.closedLate += r.closed - r.closed_on_time;
  target.decisions += r.decision_count;
  target.plannedSeconds += r.planned_seconds;
  target.actualSeconds += r.actual_seconds;
  target.overrunSeconds += r.actual_seconds - r.planned_seconds;
}

export function dashboardQueries(db: Database.Database, actionItems: ReturnType<typeof actionItemQueries>) {
  const sql = statementCache(db);

  /** FROM … WHERE … of the scope's ended meetings in the range; `k` orders by (sort_at, meeting_id). */
  function rangeMeetings(scope: DashboardScope, range: { from: string; to: string }) {
    const where = new Conditions();
    let from: string;
    let k: string;
    if (scope.series) {
      from = 'FROM proj_meetings m';
      k = 'm';
      where.add('m.series_id = ? AND m.status = ?', scope.series, 'ended');
    } else {
      from = 'FROM proj_meeting_departments md JOIN proj_meetings m ON m.meeting_id = md.meeting_id';
      k = 'md';
      where.add('md.department = ? AND md.status = ?', scope.department ?? '', 'ended');
    }
    where.days(`${k}.sort_at`, 'm.held_on', range.from, range.to);
    return { from, k, where };
  }

  function figuresOf(scope: DashboardScope, range: { from: string; to: string }, after: MeetingKey | null, limit: number | null): RangeMeetingRow[] {
    const { from, k, where } = rangeMeetings(scope, range);
    if (after) where.add(`(${k}.sort_at, ${k}.meeting_id) < (?, ?)`, after.sortAt, after.id);
    const chains = (column: string, extra = '') => `(SELECT count(*) FROM follow_action_chains c WHERE c.${column} = m.meeting_id${extra})`;
    return sql<RangeMeetingRow>(
      `SELECT m.meeting_id, m.title, m.held_on, m.sort_at, m.planned_seconds, m.actual_seconds, m.decision_count,
              ${chains('opened_meeting_id')} AS opened, ${chains('opened_meeting_id', ' AND c.closed = 1')} AS opened_closed,
              ${chains('closer_meeting_id')} AS closed, ${chains('closer_meeting_id', ' AND c.closed_on_time = 1')} AS closed_on_time
       ${from} WHERE ${where.sql} ORDER BY ${k}.sort_at DESC, ${k}.meeting_id DESC${limit === null ? '' : ' LIMIT ?'}`,
    ).all(...where.params, ...(limit === null ? [] : [limit]));
  }

  /** Agenda topics of the range's meetings, grouped in SQL on the covering topics index. */
  function carriedTopics(scope: DashboardScope, range: DashboardRange): DashboardFigures['carriedTopics'] {
    const { from, where } = rangeMeetings(scope, range);
    const template = [...new Set(scope.templateTitles.map(normalizeTopic))];
    where.add('x.topic_key IS NOT NULL');
    if (template.length) where.add(`x.topic_key NOT IN (${template.map(() => '?').join(', ')})`, ...template);
    return sql<{ title: string; survived: number; first: string | null; last: string | null }>(
      `SELECT min(x.title) AS title, count(DISTINCT x.meeting_id) AS survived, min(m.held_on) AS first, max(m.held_on) AS last
       ${from} JOIN proj_agenda_items x ON x.meeting_id = m.meeting_id
       WHERE ${where.sql} GROUP BY x.topic_key HAVING count(DISTINCT x.meeting_id) >= 2
       ORDER BY survived DESC, title LIMIT ${BREAKDOWN_MAX}`,
    )
      .all(...where.params)
      .map((t) => ({ title: t.title, survived: t.survived, firstHeldOn: t.first, lastHeldOn: t.last }));
  }

  /** Per KPI name, the last value of each period (meetings oldest first), the most recorded names first. */
  function kpiTrends(scope: DashboardScope, range: DashboardRange): DashboardFigures['kpiTrends'] {
    type Kpi = { name: string; unit: string; direction: string; actual: number | null; target: number | null; held_on: string | null };
    const { from, k, where } = rangeMeetings(scope, range);
    const rows = sql<Kpi>(
      `SELECT x.name, x.unit, x.direction, x.actual, x.target, m.held_on
       ${from} JOIN proj_kpi_values x ON x.meeting_id = m.meeting_id
       WHERE ${where.sql} ORDER BY ${k}.sort_at, ${k}.meeting_id, x.position`,
    ).all(...where.params);
    const periodKeys = new Map<string, string>();
    const trends = new Map<string, { name: string; unit: string; direction: string; seen: number; points: Map<string, DashboardFigures['kpiTrends'][number]['points'][number]> }>();
    for (const row of rows) {
      if (!row.held_on) continue;
      let period = periodKeys.get(row.held_on);
      if (period === undefined) periodKeys.set(row.held_on, (period = periodOf(row.held_on, range.period).key));
      const t = trends.get(row.name) ?? { name: row.name, unit: row.unit, direction: row.direction, seen: 0, points: new Map() };
      t.seen++;
      t.points.set(period, { period, heldOn: row.held_on, actual: row.actual, target: row.target });
      trends.set(row.name, t);
    }
    return [...trends.values()]
      .sort((a, b) => b.seen - a.seen || a.name.localeCompare(b.name))
      .slice(0, KPI_TRENDS_MAX)
      .map((t) => ({ name: t.name, unit: t.unit, direction: t.direction, points: [...t.points.values()] }));
  }

  function superseded(scope: DashboardScope, range: DashboardRange): { count: number; top: DashboardFigures['supersededDecisions'] } {
    type Row = { meeting_id: string; decision_id: string; text: string; meeting_title: string; held_on: string | null; s_meeting_id: string; s_decision_id: string; s_text: string; s_title: string; s_held_on: string | null };
    const { from, k, where } = rangeMeetings(scope, range);
    const rows = sql<Row>(
      `SELECT x.meeting_id, x.decision_id, x.text, m.title AS meeting_title, m.held_on,
              s.meeting_id AS s_meeting_id, s.decision_id AS s_decision_id, s.text AS s_text, sm.title AS s_title, sm.held_on AS s_held_on
       ${from} JOIN proj_decisions x ON x.meeting_id = m.meeting_id
       JOIN proj_decisions s ON s.supersedes_id = x.decision_id JOIN proj_meetings sm ON sm.meeting_id = s.meeting_id
       WHERE ${where.sql} ORDER BY ${k}.sort_at DESC, ${k}.meeting_id DESC, x.position`,
    ).all(...where.params);
    const unique = [...new Map(rows.map((r) => [r.decision_id, r])).values()];
    return {
      count: unique.length,
      top: unique.slice(0, BREAKDOWN_MAX).map((r) => ({
        meetingId: r.meeting_id, meetingTitle: r.meeting_title, heldOn: r.held_on, decisionId: r.decision_id, text: r.text,
        supersededBy: { meetingId: r.s_meeting_id, meetingTitle: r.s_title, heldOn: r.s_held_on, decisionId: r.s_decision_id, text: r.s_text },
      })),
    };
  }

  function dashboard(scope: DashboardScope, range: DashboardRange): DashboardFigures {
    const meetings = figuresOf(scope, range, null, null);
    const periods: DashboardPeriodFigures[] = periodsOf(range.from, range.to, range.period).map((p) => ({ ...p, ...emptyFigures() }));
    const byKey = new Map(periods.map((p) => [p.key, p]));
    const totals = emptyFigures();
    let openedClosed = 0;
    for (const m of meetings) {
      addTo(totals, m);
      openedClosed += m.opened_closed;
      const p = m.held_on ? byKey.get(periodOf(m.held_on, range.period).key) : undefined; // a few hundred calls at most
      if (p) addTo(p, m);
    }
    const scopeFilter = scope.series ? { series: scope.series } : { meetingDepartment: scope.department ?? '' };
    const open = actionItems.breakdown({ ...scopeFilter, today: range.today, weekEnds: range.weekEnds });
    const overdue = actionItems.page({ state: 'overdue', ...scopeFilter, today: range.today, weekEnds: range.weekEnds, dueBy: range.today }, null, null, BREAKDOWN_MAX);
    const replaced = superseded(scope, range);
    return {
      periods,
      totals: {
        ...totals,
        ...open.totals,
        completionRate: totals.opened === 0 ? null : openedClosed / totals.opened,
        superseded: replaced.count,
      },
      openByOwner: open.byOwner,
      ownersTotal: open.ownersTotal,
      openByDepartment: open.byDepartment,
      overdueItems: overdue.rows,
      carriedTopics: carriedTopics(scope, range),
      supersededDecisions: replaced.top,
      kpiTrends: kpiTrends(scope, range),
    };
  }

  function meetingsPage(scope: DashboardScope, range: { from: string; to: string }, after: MeetingKey | null, limit: number): Page<DashboardMeetingFigures, MeetingKey> {
    const rows = figuresOf(scope, range, after, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      rows: shown.map((r) => {
        const figures = emptyFigures();
        addTo(figures, r);
        return { meetingId: r.meeting_id, title: r.title, heldOn: r.held_on, ...figures };
      }),
      next: rows.length > limit && last ? { sortAt: last.sort_at, id: last.meeting_id } : null,
    };
  }

  function meetingCount(scope: DashboardScope, range: { from: string; to: string }): MatchCount {
    const { from, where } = rangeMeetings(scope, range);
    const { n } = sql<{ n: number }>(cappedCountSql(`${from} WHERE ${where.sql}`, COUNT_CAP)).get(...where.params)!;
    return toMatchCount(n, COUNT_CAP);
  }

  return { dashboard, meetingsPage, meetingCount };
}
