/** `GET /api/archive` and `GET /api/home`: meetings as lists show them. */
import type { MeetingStatus } from '../schema/records';
import type { PageInfo } from './paging';

/** Query of `GET /api/archive` (all optional; dates are "YYYY-MM-DD" bounds on the day held). */
export interface ArchiveQuery {
  series?: string;
  department?: string;
  from?: string;
  to?: string;
  status?: MeetingStatus;
  cursor?: string;
  limit?: number;
}

/** One meeting in the archive, the home page and the dashboard's meeting detail. */
export interface MeetingListEntry {
  id: string;
  title: string;
  status: MeetingStatus;
  seriesId: string | null;
  departments: string[];
  /** The day it was held (started, else scheduled), "YYYY-MM-DD" in the workspace's zone; null if undated. */
  heldOn: string | null;
  /** ISO 8601 date-time, or null. */
  scheduledStart: string | null;
  place: string;
  decisionCount: number;
  actionItemCount: number;
}

/** Newest first (held, else scheduled, else created). */
export interface ArchivePage extends PageInfo {
  meetings: MeetingListEntry[];
}

/** `GET /api/meetings` (scripts): every meeting the caller may open, most recently updated first, paged. */
export interface MeetingSummary {
  id: string;
  title: string;
  status: MeetingStatus;
  scheduledStart: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Query of `GET /api/meetings`. */
export interface MeetingListQuery {
  cursor?: string;
  limit?: number;
}

export interface MeetingSummaryPage {
  meetings: MeetingSummary[];
  nextCursor: string | null;
}
