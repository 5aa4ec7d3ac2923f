/**
 * Follow-through figures of a set of meetings (a series, or a department), computed from the
 * projection (ended meetings) and the carry links. `computeDashboard` is a pure function of rows;
 * `loadDashboard` reads them.
 *
 * Definitions:
 * - An action item is counted once per chain (original + carried copies, grouped by root).
 *   Opened in the meeting holding the original; closed in the meeting of its newest copy, if that
 *   copy is done or dropped.
 * - Closed on time: the day of the closing meeting is on or before the due date (no closing
 *   timestamp exists in the document, so the meeting day stands for it); no due date = on time.
 * - Overdue: chain still open and its newest due date before today.
 * - Time overrun: actual minus planned seconds of the meeting's agenda.
 * - Carried-over topics: agenda titles (normalized) seen in 2+ meetings, except the series' usual
 *   agenda and the generated follow-up / brief items; `survived` = number of meetings.
 * - Superseded: decisions that a later decision names in supersedesId.
 */
import type Database from 'better-sqlite3';
import { briefTitle, followUpTitle, isClosedStatus } from '@suishin/shared';

export interface DashMeeting { meetingId: string; title: string; heldOn: string | null; heldAt: number | null; plannedSeconds: number; actualSeconds: number; decisionCount: number }
export interface DashActionItem { meetingId: string; actionItemId: string; title: string; ownerName: string; ownerDepartment: string; dueDate: string | null; status: string; rootMeetingId: string | null; rootActionItemId: string | null }
export interface DashDecision { meetingId: string; decisionId: string; text: string; supersedesId: string | null }
export interface DashAgendaItem { meetingId: string; title: string }
export interface DashKpi { meetingId: string; name: string; unit: string; target: number | null; actual: number | null; direction: string }

export interface DashboardInput {
  meetings: DashMeeting[];
  actionItems: DashActionItem[];
  decisions: DashDecision[];
  agendaItems: DashAgendaItem[];
  kpis: DashKpi[];
  templateTitles: string[];
  today: string;
}

export interface Dashboard {
  meetings: Array<{ meetingId: string; title: string; heldOn: string | null; opened: number; closed: number; closedOnTime: number; closedLate: number; decisions: number; plannedSeconds: number; actualSeconds: number; overrunSeconds: number }>;
  totals: { opened: number; closed: number; closedOnTime: number; closedLate: number; open: number; overdue: number; completionRate: number | null; decisions: number; superseded: number };
  overdueByOwner: Array<{ owner: string; department: string; count: number }>;
  overdueByDepartment: Array<{ department: string; count: number }>;
  overdueItems: Array<{ meetingId: string; actionItemId: string; title: string; owner: string; department: string; dueDate: string }>;
  carriedTopics: Array<{ title: string; survived: number; firstHeldOn: string | null; lastHeldOn: string | null }>;
  supersededDecisions: Array<{ meetingId: string; decisionId: string; text: string; supersededBy: string }>;
  kpiTrends: Array<{ name: string; unit: string; direction: string; points: Array<{ meetingId: string; heldOn: string | null; actual: number | null; target: number | null }> }>;
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export function computeDashboard(input: DashboardInput): Dashboard {
  const order = new Map(input.meetings.map((m, i) => [m.meetingId, i]));
  const meetingOf = new Map(input.meetings.map((m) => [m.meetingId, m]));
  // Chains by root, copies in meeting order.
  const chains = new Map<string, DashActionItem[]>();
  for (const a of [...input.actionItems].sort((x, y) => (order.get(x.meetingId) ?? 0) - (order.get(y.meetingId) ?? 0))) {
    const key = a.rootMeetingId ? `${a.rootMeetingId}/${a.rootActionItemId}` : `${a.meetingId}/${a.actionItemId}`;
    const list = chains.get(key) ?? [];
    list.push(a);
    chains.set(key, list);
  }
  const per = new Map(input.meetings.map((m) => [m.meetingId, { opened: 0, closed: 0, closedOnTime: 0, closedLate: 0 }]));
  const overdue: Dashboard['overdueItems'] = [];
  let open = 0;
  for (const copies of chains.values()) {
    const original = copies.find((c) => c.rootMeetingId === null);
    const openedIn = original?.meetingId ?? copies[0]!.meetingId;
    if (original) per.get(openedIn)!.opened++;
    const latest = copies.at(-1)!;
    if (isClosedStatus(latest.status) || copies.some((c) => isClosedStatus(c.status))) {
      const closer = isClosedStatus(latest.status) ? latest : copies.find((c) => isClosedStatus(c.status))!;
      const stats = per.get(closer.meetingId)!;
      stats.closed++;
      const day = meetingOf.get(closer.meetingId)?.heldOn ?? null;
      if (closer.dueDate === null || day === null || day <= closer.dueDate) stats.closedOnTime++;
      else stats.closedLate++;
    } else {
      open++;
      if (latest.dueDate !== null && latest.dueDate < input.today) {
        overdue.push({ meetingId: latest.meetingId, actionItemId: latest.actionItemId, title: latest.title, owner: latest.ownerName, department: latest.ownerDepartment, dueDate: latest.dueDate });
      }
    }
  }
  const count = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const byOwner = count(overdue.map((o) => `${o.owner}\u0000${o.department}`));
  const byDept = count(overdue.map((o) => o.department));

  const excluded = new Set([...input.templateTitles, followUpTitle('ja'), followUpTitle('en'), briefTitle('ja'), briefTitle('en')].map(norm));
  const topics = new Map<string, { title: string; meetings: Set<string> }>();
  for (const a of input.agendaItems) {
    const key = norm(a.title);
    if (!key || excluded.has(key)) continue;
    const t = topics.get(key) ?? { title: a.title, meetings: new Set<string>() };
    t.meetings.add(a.meetingId);
    topics.set(key, t);
  }
  const supersededIds = new Map<string, string>();
  for (const d of input.decisions) if (d.supersedesId) supersededIds.set(d.supersedesId, d.decisionId);
  const kpiTrends = new Map<string, Dashboard['kpiTrends'][number]>();
  for (const m of input.meetings) {
    for (const k of input.kpis.filter((x) => x.meetingId === m.meetingId)) {
      const t = kpiTrends.get(k.name) ?? { name: k.name, unit: k.unit, direction: k.direction, points: [] };
      t.points.push({ meetingId: m.meetingId, heldOn: m.heldOn, actual: k.actual, target: k.target });
      kpiTrends.set(k.name, t);
    }
  }
  const meetings = input.meetings.map((m) => ({
    meetingId: m.meetingId,
    title: m.title,
    heldOn: m.heldOn,
    ...per.get(m.meetingId)!,
    decisions: m.decisionCount,
    plannedSeconds: m.plannedSeconds,
    actualSeconds: m.actualSeconds,
    overrunSeconds: m.actualSeconds - m.plannedSeconds,
  }));
  const sum = (f: (x: (typeof meetings)[number]) => number) => meetings.reduce((s, x) => s + f(x), 0);
  const closed = sum((x) => x.closed);
  const superseded = input.decisions.filter((d) => supersededIds.has(d.decisionId));
  return {
    meetings,
    totals: {
      opened: sum((x) => x.opened),
      closed,
      closedOnTime: sum((x) => x.closedOnTime),
      closedLate: sum((x) => x.closedLate),
      open,
      overdue: overdue.length,
      completionRate: closed + open === 0 ? null : closed / (closed + open),
      decisions: sum((x) => x.decisions),
      superseded: superseded.length,
    },
    overdueByOwner: [...byOwner].map(([k, n]) => {
      const [owner, department] = k.split('\u0000') as [string, string];
      return { owner, department, count: n };
    }).sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner)),
    overdueByDepartment: [...byDept].map(([department, n]) => ({ department, count: n })).sort((a, b) => b.count - a.count || a.department.localeCompare(b.department)),
    overdueItems: overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    carriedTopics: [...topics.values()]
      .filter((t) => t.meetings.size >= 2)
      .map((t) => {
        const days = [...t.meetings].map((id) => meetingOf.get(id)?.heldOn ?? null).filter((d): d is string => d !== null).sort();
        return { title: t.title, survived: t.meetings.size, firstHeldOn: days[0] ?? null, lastHeldOn: days.at(-1) ?? null };
      })
      .sort((a, b) => b.survived - a.survived || a.title.localeCompare(b.title)),
    supersededDecisions: superseded.map((d) => ({ meetingId: d.meetingId, decisionId: d.decisionId, text: d.text, supersededBy: supersededIds.get(d.decisionId)! })),
    kpiTrends: [...kpiTrends.values()],
  };
}

export interface DashboardScope {
  series?: string | null;
  department?: string | null;
  templateTitles?: string[];
  today: string;
}

export function loadDashboard(db: Database.Database, scope: DashboardScope): Dashboard {
  const cond = scope.series
    ? { sql: 'm.series_id = ?', arg: scope.series }
    : { sql: 'EXISTS (SELECT 1 FROM proj_meeting_departments d WHERE d.meeting_id = m.meeting_id AND d.department = ?)', arg: scope.department ?? '' };
  const ids = `SELECT m.meeting_id FROM proj_meetings m WHERE ${cond.sql}`;
  const meetings = db
    .prepare<[string], DashMeeting>(
      `SELECT meeting_id AS meetingId, title, held_on AS heldOn, held_at AS heldAt, planned_seconds AS plannedSeconds,
              actual_seconds AS actualSeconds, decision_count AS decisionCount
       FROM proj_meetings m WHERE ${cond.sql} ORDER BY held_at, meeting_id`,
    )
    .all(cond.arg);
  const actionItems = db
    .prepare<[string], DashActionItem>(
      `SELECT a.meeting_id AS meetingId, a.action_item_id AS actionItemId, a.title, a.owner_name AS ownerName,
              a.owner_department AS ownerDepartment, a.due_date AS dueDate, a.status,
              l.root_meeting_id AS rootMeetingId, l.root_action_item_id AS rootActionItemId
       FROM proj_action_items a
       LEFT JOIN follow_carry_links l ON l.meeting_id = a.meeting_id AND l.action_item_id = a.action_item_id
       WHERE a.meeting_id IN (${ids})`,
    )
    .all(cond.arg);
  const decisions = db
    .prepare<[string], DashDecision>(
      `SELECT meeting_id AS meetingId, decision_id AS decisionId, text, supersedes_id AS supersedesId
       FROM proj_decisions WHERE meeting_id IN (${ids})`,
    )
    .all(cond.arg);
  const agendaItems = db
    .prepare<[string], DashAgendaItem>(`SELECT meeting_id AS meetingId, title FROM proj_agenda_items WHERE meeting_id IN (${ids})`)
    .all(cond.arg);
  const kpis = db
    .prepare<[string], DashKpi>(
      `SELECT meeting_id AS meetingId, name, unit, target, actual, direction FROM proj_kpi_values
       WHERE meeting_id IN (${ids}) ORDER BY position`,
    )
    .all(cond.arg);
  return computeDashboard({ meetings, actionItems, decisions, agendaItems, kpis, templateTitles: scope.templateTitles ?? [], today: scope.today });
}

export interface DueItem {
  meetingId: string;
  meetingTitle: string;
  actionItemId: string;
  title: string;
  owner: string;
  department: string;
  dueDate: string;
  overdue: boolean;
}

/** Open action items (newest copy of each open chain) due before today + `days`. */
export function dueActionItems(db: Database.Database, today: string, days: number, visible: ReadonlySet<string> | null): DueItem[] {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rows = db
    .prepare<[string], DashActionItem & { meetingTitle: string; heldAt: number | null }>(
      `SELECT a.meeting_id AS meetingId, a.action_item_id AS actionItemId, a.title, a.owner_name AS ownerName,
              a.owner_department AS ownerDepartment, a.due_date AS dueDate, a.status, m.title AS meetingTitle, m.held_at AS heldAt,
              l.root_meeting_id AS rootMeetingId, l.root_action_item_id AS rootActionItemId
       FROM proj_action_items a JOIN proj_meetings m ON m.meeting_id = a.meeting_id
       LEFT JOIN follow_carry_links l ON l.meeting_id = a.meeting_id AND l.action_item_id = a.action_item_id
       WHERE a.due_date IS NOT NULL AND a.due_date <= ? ORDER BY m.held_at`,
    )
    .all(horizon);
  // Chains: any closed copy closes the chain; the newest copy stands for it.
  const chains = new Map<string, { latest: (typeof rows)[number]; closed: boolean }>();
  for (const r of rows) {
    const key = r.rootMeetingId ? `${r.rootMeetingId}/${r.rootActionItemId}` : `${r.meetingId}/${r.actionItemId}`;
    const c = chains.get(key);
    const closed = isClosedStatus(r.status);
    if (c) {
      c.latest = r;
      c.closed ||= closed;
    } else chains.set(key, { latest: r, closed });
  }
  return [...chains.values()]
    .filter((c) => !c.closed && (!visible || visible.has(c.latest.meetingId)))
    .map(({ latest: r }) => ({
      meetingId: r.meetingId, meetingTitle: r.meetingTitle, actionItemId: r.actionItemId, title: r.title,
      owner: r.ownerName, department: r.ownerDepartment, dueDate: r.dueDate!, overdue: r.dueDate! < today,
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
