/**
 * Action items across meetings, one per chain (follow_action_chains: see actionChainWriter.ts):
 * the register, the home page's lists and the dashboards' open-item breakdowns. Open states page
 * by due date (undated last), closed and all by the meeting's time, newest first; each filter
 * has an index that starts with it.
 */
import type Database from 'better-sqlite3';
import type { ActionItemStatus } from '@suishin/shared';
import { BREAKDOWN_MAX, COUNT_CAP, type ActionItemEntry, type MatchCount, type OpenItemCounts } from '@suishin/shared/protocol';
import type { ActionItemFilter, ActionItemKey, Page, Visible } from '../historyReads';
import { Conditions, cappedCountSql, statementCache, toMatchCount } from './conditions';

interface ChainRow {
  root_meeting_id: string;
  root_action_item_id: string;
  meeting_id: string;
  action_item_id: string;
  meeting_title: string;
  held_on: string | null;
  sort_at: number;
  title: string;
  owner_name: string;
  owner_department: string;
  due_date: string | null;
  due_sort: string;
  status: ActionItemStatus;
  raised_meeting_id: string | null;
  raised_title: string | null;
  raised_held_on: string | null;
}

const byTime = (state: ActionItemFilter['state']) => state === 'closed' || state === 'all';

export function toActionItemEntry(r: ChainRow, today: string): ActionItemEntry {
  return {
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    heldOn: r.held_on,
    actionItemId: r.action_item_id,
    title: r.title,
    owner: r.owner_name,
    department: r.owner_department,
    dueDate: r.due_date,
    status: r.status,
    overdue: r.due_date !== null && r.due_date < today && r.status !== 'done' && r.status !== 'dropped',
    raisedIn: r.raised_meeting_id ? { meetingId: r.raised_meeting_id, meetingTitle: r.raised_title ?? '', heldOn: r.raised_held_on } : null,
    link: `/meetings/${encodeURIComponent(r.meeting_id)}#actionItem-${encodeURIComponent(r.action_item_id)}`,
  };
}

export interface BreakdownScope {
  series?: string;
  meetingDepartment?: string;
  today: string;
  weekEnds: string;
}

export function actionItemQueries(db: Database.Database) {
  const sql = statementCache(db);

  function filtered(filter: ActionItemFilter, visible: Visible) {
    const where = new Conditions();
    let from = 'FROM follow_action_chains c';
    if (filter.meetingDepartment) {
      from = `FROM follow_chain_departments cd JOIN follow_action_chains c
        ON c.root_meeting_id = cd.root_meeting_id AND c.root_action_item_id = cd.root_action_item_id`;
      where.add('cd.department = ?', filter.meetingDepartment);
    }
    const k = filter.meetingDepartment ? 'cd' : 'c';
    switch (filter.state) {
      case 'open':
        where.add(`${k}.closed = 0`);
        break;
      case 'overdue':
        where.add(`${k}.closed = 0 AND ${k}.due_sort < ?`, filter.today);
        break;
      case 'due_this_week':
        where.add(`${k}.closed = 0 AND ${k}.due_sort >= ? AND ${k}.due_sort <= ?`, filter.today, filter.weekEnds);
        break;
      case 'due':
        where.add(`${k}.closed = 0 AND ${k}.due_sort <= ?`, filter.dueBy);
        break;
      case 'closed':
        where.add('c.closed = 1');
        break;
      case 'all':
        break;
    }
    if (filter.owner !== undefined) where.add('c.owner_name = ?', filter.owner);
    if (filter.department !== undefined) where.add('c.owner_department = ?', filter.department);
    if (filter.series) where.add('c.series_id = ?', filter.series);
    where.within('c.meeting_id', visible);
    return { from, k, where };
  }

  function page(filter: ActionItemFilter, visible: Visible, after: ActionItemKey | null, limit: number): Page<ActionItemEntry, ActionItemKey> {
    const { from, k, where } = filtered(filter, visible);
    const time = byTime(filter.state);
    // Keyset: the due order ascending, the time order descending, ties broken by the chain's root.
    const key = time ? 'c' : k; // the table whose index holds the order
    const sortColumn = time ? 'c.sort_at' : `${k}.due_sort`;
    const direction = time ? 'DESC' : 'ASC';
    const order = `${sortColumn}, ${key}.root_meeting_id, ${key}.root_action_item_id`;
    if (after) where.add(`(${order}) ${time ? '<' : '>'} (?, ?, ?)`, after.sort, after.rootMeetingId, after.rootActionItemId);
    const rows = sql<ChainRow>(
      `SELECT c.* ${from} WHERE ${where.sql}
       ORDER BY ${order.split(', ').map((column) => `${column} ${direction}`).join(', ')} LIMIT ?`,
    ).all(...where.params, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      rows: shown.map((r) => toActionItemEntry(r, filter.today)),
      next: rows.length > limit && last ? { sort: time ? last.sort_at : last.due_sort, rootMeetingId: last.root_meeting_id, rootActionItemId: last.root_action_item_id } : null,
    };
  }

  function count(filter: ActionItemFilter, visible: Visible, cap = COUNT_CAP): MatchCount {
    const { from, where } = filtered(filter, visible);
    const { n } = sql<{ n: number }>(cappedCountSql(`${from} WHERE ${where.sql}`, cap)).get(...where.params)!;
    return toMatchCount(n, cap);
  }

  /** Open, due-this-week and overdue items per owner and per department, for a dashboard's scope. */
  function breakdown(scope: BreakdownScope): {
    byOwner: Array<OpenItemCounts & { owner: string; department: string }>;
    ownersTotal: number;
    byDepartment: Array<OpenItemCounts & { department: string }>;
    totals: OpenItemCounts;
  } {
    const filter: ActionItemFilter = { state: 'open', today: scope.today, weekEnds: scope.weekEnds, dueBy: scope.weekEnds, ...scopeOf(scope) };
    const { from, k, where } = filtered(filter, null);
    const rows = sql<{ owner: string; department: string; open: number; overdue: number; due_this_week: number }>(
      `SELECT c.owner_name AS owner, c.owner_department AS department, count(*) AS open,
              sum(CASE WHEN ${k}.due_sort < ? THEN 1 ELSE 0 END) AS overdue,
              sum(CASE WHEN ${k}.due_sort >= ? AND ${k}.due_sort <= ? THEN 1 ELSE 0 END) AS due_this_week
       ${from} WHERE ${where.sql} GROUP BY c.owner_name, c.owner_department`,
    ).all(scope.today, scope.today, scope.weekEnds, ...where.params);
    const counts = (r: { open: number; overdue: number; due_this_week: number }): OpenItemCounts => ({ open: r.open, dueThisWeek: r.due_this_week, overdue: r.overdue });
    const byDepartment = new Map<string, OpenItemCounts>();
    const totals: OpenItemCounts = { open: 0, dueThisWeek: 0, overdue: 0 };
    for (const r of rows) {
      const d = byDepartment.get(r.department) ?? { open: 0, dueThisWeek: 0, overdue: 0 };
      for (const target of [d, totals]) {
        target.open += r.open;
        target.dueThisWeek += r.due_this_week;
        target.overdue += r.overdue;
      }
      byDepartment.set(r.department, d);
    }
    const worstFirst = (a: OpenItemCounts, b: OpenItemCounts) => b.overdue - a.overdue || b.dueThisWeek - a.dueThisWeek || b.open - a.open;
    return {
      byOwner: rows
        .map((r) => ({ owner: r.owner, department: r.department, ...counts(r) }))
        .sort((a, b) => worstFirst(a, b) || a.owner.localeCompare(b.owner))
        .slice(0, BREAKDOWN_MAX),
      ownersTotal: rows.length,
      byDepartment: [...byDepartment]
        .map(([department, c]) => ({ department, ...c }))
        .sort((a, b) => worstFirst(a, b) || a.department.localeCompare(b.department))
        .slice(0, BREAKDOWN_MAX),
      totals,
    };
  }

  return { page, count, breakdown };
}

const scopeOf = (scope: { series?: string; meetingDepartment?: string }) =>
  scope.series ? { series: scope.series } : scope.meetingDepartment ? { meetingDepartment: scope.meetingDepartment } : {};
