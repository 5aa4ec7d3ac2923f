/**
 * The read port of the history screens: archive, home, registers, search and dashboards, over
 * the projection (proj_*) and the follow-through tables (follow_*). Every list is a keyset page
 * (`after` the last row's key, at most `limit` rows) and every count stops at a cap, so no call
 * costs more with the age of the workspace than the page it returns (the dashboard: the range).
 *
 * SQLite implements it in sqlite/sqliteHistoryReads.ts; a PostgreSQL adapter implements the same
 * interface (its search would use its own text index). Cursors are the HTTP layer's business:
 * keys here are plain values.
 */
import type {
  ActionItemEntry,
  ActionItemState,
  Dashboard,
  DashboardMeetingFigures,
  DashboardPeriod,
  DecisionEntry,
  DecisionState,
  MatchCount,
  MeetingListEntry,
  SearchHit,
  SearchSort,
} from '@suishin/shared/protocol';
import type { MeetingStatus } from '@suishin/shared';

/** Meetings the caller may see: null = all (the workspace admin). */
export type Visible = ReadonlySet<string> | null;

export interface Page<T, K> {
  rows: T[];
  /** Key of the last row when more may follow, else null. */
  next: K | null;
}

export interface MeetingKey {
  sortAt: number;
  id: string;
}

export interface ArchiveFilter {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  status?: MeetingStatus;
}

export interface HomeLists {
  live: MeetingListEntry[];
  upcoming: MeetingListEntry[];
  drafts: MeetingListEntry[];
  recent: MeetingListEntry[];
  counts: { live: MatchCount; drafts: MatchCount; ended: MatchCount };
}

export interface ActionItemFilter {
  state: ActionItemState;
  owner?: string;
  department?: string;
  series?: string;
  meetingDepartment?: string;
  /** "YYYY-MM-DD": today, the last day of this week, the last day counted as due soon. */
  today: string;
  weekEnds: string;
  dueBy: string;
}

/** Open-ish states page by due date (`sort` is the due day), closed / all by the meeting's time. */
export interface ActionItemKey {
  sort: string | number;
  rootMeetingId: string;
  rootActionItemId: string;
}

export interface DecisionFilter {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  decider?: string;
  state?: DecisionState;
  today: string;
}

export interface DecisionKey {
  sortAt: number;
  meetingId: string;
  position: number;
}

export interface SearchFilter {
  q: string;
  sort: SearchSort;
  series?: string;
  department?: string;
  from?: string;
  to?: string;
}

/** newest: the last hit's rowid; relevance: the candidate set's newest rowid and the last hit's rank. */
export type SearchKey = { rowid: number } | { anchor: number; score: number; rowid: number };

export interface SearchResult {
  hits: SearchHit[];
  next: SearchKey | null;
  /** Relevance only: how many candidates were ranked when more than that matched. */
  rankedAmong: number | null;
}

export interface DashboardScope {
  series?: string;
  department?: string;
  /** Titles of the series' usual agenda, left out of "carried topics". */
  templateTitles: string[];
}

export interface DashboardRange {
  from: string;
  to: string;
  period: DashboardPeriod;
  today: string;
  weekEnds: string;
}

export type DashboardFigures = Omit<Dashboard, 'series' | 'department' | 'today' | 'from' | 'to' | 'period' | 'weekEnds'>;

/** A meeting of a body, as its health and trend name it. */
export interface BodyMeetingRow {
  meetingId: string;
  title: string;
  number: number | null;
  heldOn: string | null;
}

/** What a body's health is computed from (series/bodyHealth.ts). */
export interface BodyFigures {
  /** Action item chains closed in the last ended meetings (lastEnded), of those on time; the series' open ones, of those overdue. */
  closed: number;
  closedOnTime: number;
  open: number;
  overdue: number;
  endedMeetings: number;
  /** The last ended meetings, newest first. */
  lastEnded: BodyMeetingRow[];
  /** The live meeting, else the next one made and not ended. */
  next: BodyMeetingRow | null;
}

export interface HistoryReads {
  archivePage(filter: ArchiveFilter, visible: Visible, after: MeetingKey | null, limit: number): Promise<Page<MeetingListEntry, MeetingKey>>;
  archiveCount(filter: ArchiveFilter, visible: Visible): Promise<MatchCount>;
  /** `nowMs`: upcoming meetings are those dated from a day before it. */
  homeLists(visible: Visible, nowMs: number): Promise<HomeLists>;
  actionItemPage(filter: ActionItemFilter, visible: Visible, after: ActionItemKey | null, limit: number): Promise<Page<ActionItemEntry, ActionItemKey>>;
  actionItemCount(filter: ActionItemFilter, visible: Visible): Promise<MatchCount>;
  decisionPage(filter: DecisionFilter, visible: Visible, after: DecisionKey | null, limit: number): Promise<Page<DecisionEntry, DecisionKey>>;
  decisionCount(filter: DecisionFilter, visible: Visible): Promise<MatchCount>;
  search(filter: SearchFilter, visible: Visible, after: SearchKey | null, limit: number): Promise<SearchResult>;
  searchCount(filter: SearchFilter, visible: Visible): Promise<MatchCount>;
  dashboard(scope: DashboardScope, range: DashboardRange): Promise<DashboardFigures>;
  dashboardMeetings(
    scope: DashboardScope,
    range: { from: string; to: string },
    after: MeetingKey | null,
    limit: number,
  ): Promise<Page<DashboardMeetingFigures, MeetingKey>>;
  dashboardMeetingCount(scope: DashboardScope, range: { from: string; to: string }): Promise<MatchCount>;
  /** Per series asked for (each present): its health figures, with up to `lastMeetings` ended meetings. */
  bodyFigures(seriesIds: readonly string[], today: string, lastMeetings: number): Promise<Map<string, BodyFigures>>;
}
