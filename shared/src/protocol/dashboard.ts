/** `GET /api/dashboard` (figures per period) and `GET /api/dashboard/meetings` (per meeting, paged). */
import type { Series } from '../series/seriesTypes';
import type { ActionItemEntry, DecisionRef } from './registers';
import type { PageInfo } from './paging';

export const DASHBOARD_PERIODS = ['week', 'month', 'quarter'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
/** The widest range a dashboard aggregates over, in days (about five years). */
export const DASHBOARD_MAX_DAYS = 5 * 366;

/** Exactly one of series / department. Without from / to: the last 12 months, by month. */
export interface DashboardQuery {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  period?: DashboardPeriod;
}

/** Follow-through counts of some meetings: one period, one meeting, or the whole range. */
export interface FollowThroughFigures {
  meetings: number;
  /** Action items raised (an item carried over counts once, where it was first raised). */
  opened: number;
  /** Items closed (done or dropped) in these meetings, on time (by their due date) or late. */
  closed: number;
  closedOnTime: number;
  closedLate: number;
  decisions: number;
  plannedSeconds: number;
  actualSeconds: number;
  /** actual − planned: negative when the meetings finished early. */
  overrunSeconds: number;
}

export interface DashboardPeriodFigures extends FollowThroughFigures {
  /** "2026-W05", "2026-03", "2026-Q2". */
  key: string;
  /** First and last day of the period ("YYYY-MM-DD"), clipped to the range. */
  start: string;
  end: string;
}

export interface DashboardMeetingFigures extends FollowThroughFigures {
  meetingId: string;
  title: string;
  heldOn: string | null;
}

/** Open action items now (whatever the range): all open, due by Sunday, overdue. */
export interface OpenItemCounts {
  open: number;
  dueThisWeek: number;
  overdue: number;
}

export interface Dashboard {
  series: Series | null;
  department: string | null;
  today: string;
  from: string;
  to: string;
  period: DashboardPeriod;
  /** Every period of the range, oldest first, empty ones included. */
  periods: DashboardPeriodFigures[];
  totals: FollowThroughFigures &
    OpenItemCounts & {
      /** Of the items raised in the range, the share closed so far; null when none was raised. */
      completionRate: number | null;
      /** Decisions taken in the range that a later decision superseded. */
      superseded: number;
    };
  /** The last day of this week (Sunday), the bound of "due this week". */
  weekEnds: string;
  /** Owners with open items, most overdue first (at most BREAKDOWN_MAX; `ownersTotal` says how many). */
  openByOwner: Array<OpenItemCounts & { owner: string; department: string }>;
  ownersTotal: number;
  openByDepartment: Array<OpenItemCounts & { department: string }>;
  /** The longest overdue items (at most BREAKDOWN_MAX; the rest are in the action-item register). */
  overdueItems: ActionItemEntry[];
  /** Agenda topics raised in 2+ meetings of the range (the usual agenda left out). */
  carriedTopics: Array<{ title: string; survived: number; firstHeldOn: string | null; lastHeldOn: string | null }>;
  supersededDecisions: Array<DecisionRef & { supersededBy: DecisionRef }>;
  /** Per KPI name (at most KPI_TRENDS_MAX), its last value in each period that had one. */
  kpiTrends: Array<{ name: string; unit: string; direction: string; points: Array<{ period: string; heldOn: string | null; actual: number | null; target: number | null }> }>;
}

export const BREAKDOWN_MAX = 20;
export const KPI_TRENDS_MAX = 12;

export interface DashboardMeetingsQuery {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Newest first. */
export interface DashboardMeetingsPage extends PageInfo {
  meetings: DashboardMeetingFigures[];
}
