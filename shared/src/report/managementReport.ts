/**
 * 経営報告 (report to management): one body with its children over a period, as plain JSON. The
 * report is a list of sections, each one kind with its own data, so a new kind (the 課題 register's
 * open 課題 by severity and age, escalations and the parent's decisions) is one more module here and
 * one renderer per formatter, not a change to the others. Built by buildManagementReport from what
 * the server's projections read (server/src/reports); no DOM, no Node.
 */
import type { OpenItemCounts } from '../protocol/dashboard';

export const MANAGEMENT_REPORT_VERSION = 1;
/** The longest period a report covers, in days (about five years, as the dashboards). */
export const REPORT_MAX_DAYS = 5 * 366;
/** Key decisions shown per report (the newest in force first); the decision register has the rest. */
export const REPORT_DECISIONS_MAX = 30;
export const REPORT_OWNERS_MAX = 20;

/** A body of the report, in tree order (the reported body first, depth 0). */
export interface ReportBody {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
}

export interface ReportKpiPoint {
  period: string;
  heldOn: string | null;
  actual: number | null;
  target: number | null;
}

export interface ReportKpi {
  bodyId: string;
  name: string;
  unit: string;
  /** higher_is_better / lower_is_better (as the KPI snapshot says). */
  direction: string;
  points: ReportKpiPoint[];
  /** Whether the last point with both numbers meets its target; null when there is none. */
  onTarget: boolean | null;
}

export interface KpiTrendsSection {
  kind: 'kpiTrends';
  kpis: ReportKpi[];
}

export interface BodyFollowThrough {
  bodyId: string;
  meetings: number;
  closed: number;
  closedOnTime: number;
  /** closedOnTime / closed; null when nothing was closed in the period. */
  onTimeRate: number | null;
  /** Open items now (whatever the period), of them overdue. */
  open: number;
  overdue: number;
}

export interface FollowThroughSection {
  kind: 'followThrough';
  bodies: BodyFollowThrough[];
  totals: Omit<BodyFollowThrough, 'bodyId'>;
  /** Owners with overdue items, most overdue first (at most REPORT_OWNERS_MAX). */
  overdueByOwner: Array<OpenItemCounts & { owner: string; department: string }>;
  overdueByDepartment: Array<OpenItemCounts & { department: string }>;
}

export interface ReportDecision {
  bodyId: string;
  meetingTitle: string;
  heldOn: string | null;
  text: string;
  decidedBy: string;
  rationale: string;
}

export interface KeyDecisionsSection {
  kind: 'keyDecisions';
  decisions: ReportDecision[];
  /** Decisions in force taken in the period across the bodies (`decisions` shows the newest). */
  total: number;
}

export type ReportSection = KpiTrendsSection | FollowThroughSection | KeyDecisionsSection;
export type ReportSectionKind = ReportSection['kind'];

export interface ManagementReport {
  version: typeof MANAGEMENT_REPORT_VERSION;
  seriesId: string;
  title: string;
  from: string;
  to: string;
  /** The day it was made ("YYYY-MM-DD", the workspace's zone): "now" for open and overdue items. */
  today: string;
  bodies: ReportBody[];
  sections: ReportSection[];
}

/** What the server reads per body, in the shapes of its projections. */
export interface ReportBodyFigures {
  meetings: number;
  closed: number;
  closedOnTime: number;
  open: number;
  overdue: number;
  byOwner: Array<OpenItemCounts & { owner: string; department: string }>;
  byDepartment: Array<OpenItemCounts & { department: string }>;
  kpis: Array<{ name: string; unit: string; direction: string; points: ReportKpiPoint[] }>;
}

export interface ReportInput {
  seriesId: string;
  from: string;
  to: string;
  today: string;
  bodies: ReportBody[];
  figures: ReadonlyMap<string, ReportBodyFigures>;
  decisions: ReportDecision[];
  decisionTotal: number;
}

const rate = (closed: number, onTime: number) => (closed === 0 ? null : onTime / closed);

/** The last point with an actual and a target meets it (by the KPI's direction). */
export function kpiOnTarget(direction: string, points: readonly ReportKpiPoint[]): boolean | null {
  const last = [...points].reverse().find((p) => p.actual !== null && p.target !== null);
  if (!last) return null;
  return direction === 'lower_is_better' ? last.actual! <= last.target! : last.actual! >= last.target!;
}

function followThrough(input: ReportInput): FollowThroughSection {
  const bodies: BodyFollowThrough[] = [];
  const totals = { meetings: 0, closed: 0, closedOnTime: 0, onTimeRate: null as number | null, open: 0, overdue: 0 };
  const owners = new Map<string, OpenItemCounts & { owner: string; department: string }>();
  const departments = new Map<string, OpenItemCounts & { department: string }>();
  for (const body of input.bodies) {
    const f = input.figures.get(body.id);
    if (!f) continue;
    bodies.push({ bodyId: body.id, meetings: f.meetings, closed: f.closed, closedOnTime: f.closedOnTime, onTimeRate: rate(f.closed, f.closedOnTime), open: f.open, overdue: f.overdue });
    totals.meetings += f.meetings;
    totals.closed += f.closed;
    totals.closedOnTime += f.closedOnTime;
    totals.open += f.open;
    totals.overdue += f.overdue;
    for (const o of f.byOwner) {
      const key = `${o.owner}\u0000${o.department}`;
      const to = owners.get(key) ?? { owner: o.owner, department: o.department, open: 0, dueThisWeek: 0, overdue: 0 };
      to.open += o.open;
      to.dueThisWeek += o.dueThisWeek;
      to.overdue += o.overdue;
      owners.set(key, to);
    }
    for (const d of f.byDepartment) {
      const to = departments.get(d.department) ?? { department: d.department, open: 0, dueThisWeek: 0, overdue: 0 };
      to.open += d.open;
      to.dueThisWeek += d.dueThisWeek;
      to.overdue += d.overdue;
      departments.set(d.department, to);
    }
  }
  totals.onTimeRate = rate(totals.closed, totals.closedOnTime);
  const worstFirst = (a: OpenItemCounts, b: OpenItemCounts) => b.overdue - a.overdue || b.open - a.open;
  return {
    kind: 'followThrough',
    bodies,
    totals,
    overdueByOwner: [...owners.values()].filter((o) => o.overdue > 0).sort((a, b) => worstFirst(a, b) || a.owner.localeCompare(b.owner)).slice(0, REPORT_OWNERS_MAX),
    overdueByDepartment: [...departments.values()].filter((d) => d.overdue > 0).sort((a, b) => worstFirst(a, b) || a.department.localeCompare(b.department)),
  };
}

/** The report of the bodies (tree order, the reported body first) from their figures. */
export function buildManagementReport(input: ReportInput): ManagementReport {
  const root = input.bodies[0];
  if (!root || root.id !== input.seriesId) throw new Error('buildManagementReport: the reported body comes first');
  const kpis: ReportKpi[] = input.bodies.flatMap((body) =>
    (input.figures.get(body.id)?.kpis ?? []).map((k) => ({ bodyId: body.id, ...k, onTarget: kpiOnTarget(k.direction, k.points) })),
  );
  return {
    version: MANAGEMENT_REPORT_VERSION,
    seriesId: input.seriesId,
    title: root.name,
    from: input.from,
    to: input.to,
    today: input.today,
    bodies: input.bodies,
    sections: [
      { kind: 'kpiTrends', kpis },
      followThrough(input),
      { kind: 'keyDecisions', decisions: input.decisions.slice(0, REPORT_DECISIONS_MAX), total: input.decisionTotal },
    ],
  };
}

/** The bodies below `rootId` (and it) in tree order, from every body's parent; children by name. */
export function bodyTree(rootId: string, all: ReadonlyArray<{ id: string; name: string; parentId: string | null }>): ReportBody[] {
  const children = new Map<string, Array<{ id: string; name: string; parentId: string | null }>>();
  for (const b of all) if (b.parentId) children.set(b.parentId, [...(children.get(b.parentId) ?? []), b]);
  const root = all.find((b) => b.id === rootId);
  if (!root) return [];
  const out: ReportBody[] = [];
  const seen = new Set<string>();
  const visit = (b: { id: string; name: string; parentId: string | null }, depth: number) => {
    if (seen.has(b.id)) return; // a forest by construction (meetingBodies.ts); guard anyway
    seen.add(b.id);
    out.push({ id: b.id, name: b.name, parentId: depth === 0 ? null : b.parentId, depth });
    for (const c of [...(children.get(b.id) ?? [])].sort((x, y) => x.name.localeCompare(y.name))) visit(c, depth + 1);
  };
  visit(root, 0);
  return out;
}
