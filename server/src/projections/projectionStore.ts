import type { MeetingRecord } from './meetingRecord';

/**
 * The relational projection of meetings: tables that search, the archive and the follow-through
 * dashboards query (meetings, agenda items, decisions, action items and their tracker refs, KPI
 * values, attendees, departments, closing overrides). It is derived data: every row comes from a
 * stored document through toMeetingRecord, and rebuildProjection recreates all of it.
 *
 * SQLite (sqlite/sqliteProjectionStore.ts) keeps the tables in the same file as the documents;
 * a PostgreSQL adapter implements the same interface.
 */
export interface ProjectionStore {
  /**
   * Replaces every row of the record's meeting, in one transaction. A meeting that has not ended
   * is listed only (its meeting and department rows); a draft or live record never replaces the
   * rows of a meeting already projected as ended.
   */
  replaceMeeting(record: MeetingRecord): Promise<void>;
  removeMeeting(meetingId: string): Promise<void>;
  /** Deletes every projected row (the first step of a rebuild). */
  clear(): Promise<void>;
  /** Ids of the meetings projected so far. */
  meetingIds(): Promise<string[]>;
  /**
   * True when this open created or upgraded the tables, so rows for meetings stored before are
   * missing: the owner should run rebuildProjection.
   */
  readonly needsRebuild: boolean;
  close(): Promise<void>;
}
