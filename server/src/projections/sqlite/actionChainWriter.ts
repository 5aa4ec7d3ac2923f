/**
 * Keeps follow_action_chains current: one row per action item however often it was carried over
 * (the root item and its copies, linked by follow_carry_links), standing for the chain as the
 * dashboards count it (followThrough/dashboard.ts said so first):
 * - its newest copy (by the meeting's sortAt) gives the title, owner, due date and status;
 * - the chain is closed when any copy is closed, in the newest copy's meeting if that one is
 *   closed, else in the first closed copy's; closed on time when that meeting's day is on or
 *   before the closing copy's due date (or either is unknown);
 * - it was opened in the root item's meeting (null while that meeting is not projected).
 *
 * Registers, the home page and dashboards then read open items from an index instead of
 * rebuilding every chain of the workspace per request. Recompute the chains of every root a
 * projected meeting touches (before and after): the result does not depend on the order in
 * which meetings are projected.
 */
import type Database from 'better-sqlite3';
import { isClosedStatus } from '@suishin/shared';

export interface ChainRoot {
  meetingId: string;
  actionItemId: string;
}

interface Copy {
  meeting_id: string;
  action_item_id: string;
  title: string;
  owner_name: string;
  owner_department: string;
  due_date: string | null;
  status: string;
  sort_at: number;
  held_on: string | null;
  series_id: string | null;
  meeting_title: string;
}

/** Undated items sort after every dated one. */
export const UNDATED_DUE_SORT = '9999-12-31';

const COPY_COLUMNS = `a.meeting_id, a.action_item_id, a.title, a.owner_name, a.owner_department, a.due_date, a.status,
  m.sort_at, m.held_on, m.series_id, m.title AS meeting_title`;

export function createActionChainWriter(db: Database.Database) {
  const stmt = {
    root: db.prepare<[string, string], Copy>(
      `SELECT ${COPY_COLUMNS} FROM proj_action_items a JOIN proj_meetings m ON m.meeting_id = a.meeting_id
       WHERE a.meeting_id = ? AND a.action_item_id = ?`,
    ),
    copies: db.prepare<[string, string], Copy>(
      `SELECT ${COPY_COLUMNS} FROM follow_carry_links l
       JOIN proj_action_items a ON a.meeting_id = l.meeting_id AND a.action_item_id = l.action_item_id
       JOIN proj_meetings m ON m.meeting_id = a.meeting_id
       WHERE l.root_meeting_id = ? AND l.root_action_item_id = ?`,
    ),
    linkOf: db.prepare<[string, string], { root_meeting_id: string; root_action_item_id: string }>(
      'SELECT root_meeting_id, root_action_item_id FROM follow_carry_links WHERE meeting_id = ? AND action_item_id = ?',
    ),
    rootsOfMeeting: db.prepare<[string, string, string, string], { root_meeting_id: string; root_action_item_id: string }>(
      `SELECT root_meeting_id, root_action_item_id FROM follow_carry_links WHERE meeting_id = ?
       UNION SELECT root_meeting_id, root_action_item_id FROM follow_action_chains WHERE meeting_id = ?
       UNION SELECT root_meeting_id, root_action_item_id FROM follow_action_chains WHERE opened_meeting_id = ?
       UNION SELECT root_meeting_id, root_action_item_id FROM follow_action_chains WHERE closer_meeting_id = ?`,
    ),
    departments: db.prepare<[string], { department: string }>('SELECT department FROM proj_meeting_departments WHERE meeting_id = ?'),
    upsert: db.prepare(
      `INSERT INTO follow_action_chains (root_meeting_id, root_action_item_id, meeting_id, action_item_id, meeting_title,
         held_on, sort_at, series_id, title, owner_name, owner_department, due_date, due_sort, status, closed,
         opened_meeting_id, closer_meeting_id, closed_on_time, raised_meeting_id, raised_title, raised_held_on)
       VALUES (@rootMeetingId, @rootActionItemId, @meetingId, @actionItemId, @meetingTitle, @heldOn, @sortAt, @seriesId,
         @title, @ownerName, @ownerDepartment, @dueDate, @dueSort, @status, @closed, @openedMeetingId, @closerMeetingId,
         @closedOnTime, @raisedMeetingId, @raisedTitle, @raisedHeldOn)
       ON CONFLICT (root_meeting_id, root_action_item_id) DO UPDATE SET
         meeting_id = excluded.meeting_id, action_item_id = excluded.action_item_id, meeting_title = excluded.meeting_title,
         held_on = excluded.held_on, sort_at = excluded.sort_at, series_id = excluded.series_id, title = excluded.title,
         owner_name = excluded.owner_name, owner_department = excluded.owner_department, due_date = excluded.due_date,
         due_sort = excluded.due_sort, status = excluded.status, closed = excluded.closed,
         opened_meeting_id = excluded.opened_meeting_id, closer_meeting_id = excluded.closer_meeting_id,
         closed_on_time = excluded.closed_on_time, raised_meeting_id = excluded.raised_meeting_id,
         raised_title = excluded.raised_title, raised_held_on = excluded.raised_held_on`,
    ),
    remove: db.prepare<[string, string]>('DELETE FROM follow_action_chains WHERE root_meeting_id = ? AND root_action_item_id = ?'),
    removeDepartments: db.prepare<[string, string]>('DELETE FROM follow_chain_departments WHERE root_meeting_id = ? AND root_action_item_id = ?'),
    addDepartment: db.prepare(
      `INSERT INTO follow_chain_departments (root_meeting_id, root_action_item_id, department, closed, due_sort)
       VALUES (?, ?, ?, ?, ?)`,
    ),
  };

  const byMeetingOrder = (a: Copy, b: Copy) => a.sort_at - b.sort_at || a.meeting_id.localeCompare(b.meeting_id);

  function recomputeOne(root: ChainRoot) {
    const own = stmt.root.get(root.meetingId, root.actionItemId);
    const copies = [...(own ? [own] : []), ...stmt.copies.all(root.meetingId, root.actionItemId)].sort(byMeetingOrder);
    stmt.removeDepartments.run(root.meetingId, root.actionItemId);
    if (copies.length === 0) {
      stmt.remove.run(root.meetingId, root.actionItemId);
      return;
    }
    const head = copies.at(-1)!;
    const closer = isClosedStatus(head.status) ? head : copies.find((c) => isClosedStatus(c.status));
    const closed = closer ? 1 : 0;
    const dueSort = head.due_date ?? UNDATED_DUE_SORT;
    const raised = own && own.meeting_id !== head.meeting_id ? own : null;
    stmt.upsert.run({
      rootMeetingId: root.meetingId,
      rootActionItemId: root.actionItemId,
      meetingId: head.meeting_id,
      actionItemId: head.action_item_id,
      meetingTitle: head.meeting_title,
      heldOn: head.held_on,
      sortAt: head.sort_at,
      seriesId: head.series_id,
      title: head.title,
      ownerName: head.owner_name,
      ownerDepartment: head.owner_department,
      dueDate: head.due_date,
      dueSort,
      status: head.status,
      closed,
      openedMeetingId: own?.meeting_id ?? null,
      closerMeetingId: closer?.meeting_id ?? null,
      closedOnTime: closer ? (closer.due_date === null || closer.held_on === null || closer.held_on <= closer.due_date ? 1 : 0) : null,
      raisedMeetingId: raised?.meeting_id ?? null,
      raisedTitle: raised?.meeting_title ?? null,
      raisedHeldOn: raised?.held_on ?? null,
    });
    for (const { department } of stmt.departments.all(head.meeting_id)) {
      stmt.addDepartment.run(root.meetingId, root.actionItemId, department, closed, dueSort);
    }
  }

  return {
    /** The roots a meeting's rows take part in now (its own items, its copies, the chains it heads, opened or closed). */
    rootsOfMeeting(meetingId: string, actionItemIds: readonly string[]): ChainRoot[] {
      const roots = new Map<string, ChainRoot>();
      const add = (r: ChainRoot) => roots.set(`${r.meetingId}\u0000${r.actionItemId}`, r);
      for (const id of actionItemIds) {
        const link = stmt.linkOf.get(meetingId, id);
        add(link ? { meetingId: link.root_meeting_id, actionItemId: link.root_action_item_id } : { meetingId, actionItemId: id });
      }
      for (const r of stmt.rootsOfMeeting.all(meetingId, meetingId, meetingId, meetingId)) {
        add({ meetingId: r.root_meeting_id, actionItemId: r.root_action_item_id });
      }
      return [...roots.values()];
    },
    /** Recomputes these chains from the projected rows and carry links (call inside the caller's transaction). */
    recompute(roots: Iterable<ChainRoot>) {
      for (const root of roots) recomputeOne(root);
    },
  };
}

export type ActionChainWriter = ReturnType<typeof createActionChainWriter>;
