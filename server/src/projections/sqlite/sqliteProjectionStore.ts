import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MeetingRecord } from '../meetingRecord';
import type { ProjectionStore } from '../projectionStore';
import { prepareProjectionTables } from './projectionSchema';

export interface SqliteProjectionOptions {
  /** Directory of the database file (the document store's DATA_DIR). */
  dataDir: string;
  /** Default "suishin.sqlite": the same file as the documents. */
  fileName?: string;
  now?: () => number;
}

export interface SqliteProjectionStore extends ProjectionStore {
  /** The connection, for the queries of search and dashboards (read them; write through the store). */
  readonly db: Database.Database;
}

/**
 * The projection in SQLite, in the documents' file, over a connection of its own.
 *
 * Writes are synchronous on the calling thread: one meeting's rows in one short transaction, at
 * moments that are rare (a meeting ends, a room unloads, trackers are pushed), never per edit.
 * synchronous=NORMAL: in WAL mode a commit is safe against a crash of this process and only the
 * last commits could be lost to a power cut, which costs nothing here because every row can be
 * rebuilt from the documents (which the document store commits with synchronous=FULL).
 */
export function openSqliteProjection(options: SqliteProjectionOptions): SqliteProjectionStore {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const db = new Database(join(options.dataDir, options.fileName ?? 'suishin.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const needsRebuild = prepareProjectionTables(db);
  db.pragma('foreign_keys = ON');

  const insert = {
    meeting: db.prepare(`INSERT INTO proj_meetings (
        meeting_id, series_id, series_number, title, status, language, place, scheduled_start, started_at, ended_at,
        held_at, held_on, sort_at, attendee_count, present_count, planned_seconds, actual_seconds, decision_count,
        action_item_count, closing_override_count, next_meeting_date, next_meeting_text, projected_at)
      VALUES (@meetingId, @seriesId, @seriesNumber, @title, @status, @language, @place, @scheduledStart, @startedAt, @endedAt,
        @heldAt, @heldOn, @sortAt, @attendeeCount, @presentCount, @plannedSeconds, @actualSeconds, @decisionCount,
        @actionItemCount, @closingOverrideCount, @nextMeetingDate, @nextMeetingText, @projectedAt)`),
    department: db.prepare('INSERT INTO proj_meeting_departments (meeting_id, department, sort_at, status) VALUES (?, ?, ?, ?)'),
    attendee: db.prepare(`INSERT INTO proj_attendees (meeting_id, attendee_id, position, name, department, present)
      VALUES (@meetingId, @attendeeId, @position, @name, @department, @present)`),
    agendaItem: db.prepare(`INSERT INTO proj_agenda_items (meeting_id, agenda_item_id, series_id, held_on, sort_at, position,
        title, topic_key, presenter, timebox_minutes, actual_seconds, status, notes)
      VALUES (@meetingId, @agendaItemId, @seriesId, @heldOn, @sortAt, @position, @title, @topicKey, @presenter, @timeboxMinutes,
        @actualSeconds, @status, @notes)`),
    decision: db.prepare(`INSERT INTO proj_decisions (meeting_id, decision_id, series_id, held_on, sort_at, position, text,
        rationale, alternatives, decided_by, agenda_item_id, created_at, review_date, supersedes_id)
      VALUES (@meetingId, @decisionId, @seriesId, @heldOn, @sortAt, @position, @text, @rationale, @alternatives, @decidedBy,
        @agendaItemId, @createdAt, @reviewDate, @supersedesId)`),
    actionItem: db.prepare(`INSERT INTO proj_action_items (meeting_id, action_item_id, series_id, held_on, sort_at, position,
        title, owner_name, owner_department, due_date, status, link_kind, link_id, created_at)
      VALUES (@meetingId, @actionItemId, @seriesId, @heldOn, @sortAt, @position, @title, @ownerName, @ownerDepartment,
        @dueDate, @status, @linkKind, @linkId, @createdAt)`),
    actionItemRef: db.prepare(`INSERT INTO proj_action_item_refs (meeting_id, action_item_id, tracker, key, url)
      VALUES (@meetingId, @actionItemId, @tracker, @key, @url)`),
    kpiValue: db.prepare(`INSERT INTO proj_kpi_values (meeting_id, kpi_id, series_id, held_on, sort_at, position, name, unit,
        target, actual, previous, delta, direction, status, owner, comment, countermeasure_action_id)
      VALUES (@meetingId, @kpiId, @seriesId, @heldOn, @sortAt, @position, @name, @unit, @target, @actual, @previous, @delta,
        @direction, @status, @owner, @comment, @countermeasureActionId)`),
    closingOverride: db.prepare(`INSERT INTO proj_closing_overrides (meeting_id, gap_id, kind, subject_id, reason,
        overridden_by, overridden_at)
      VALUES (@meetingId, @gapId, @kind, @subjectId, @reason, @overriddenBy, @overriddenAt)`),
  };
  const deleteMeeting = db.prepare<[string]>('DELETE FROM proj_meetings WHERE meeting_id = ?');
  const statusOf = db.prepare<[string], { status: string }>('SELECT status FROM proj_meetings WHERE meeting_id = ?');
  const listIds = db.prepare<[], { meeting_id: string }>('SELECT meeting_id FROM proj_meetings ORDER BY meeting_id');

  const replace = db.transaction((record: MeetingRecord) => {
    const id = record.meeting.meetingId;
    const ended = record.meeting.status === 'ended';
    // A meeting never ends twice: a late listing of it as draft or live leaves the ended rows alone.
    if (!ended && statusOf.get(id)?.status === 'ended') return;
    deleteMeeting.run(id); // children go with it (ON DELETE CASCADE)
    insert.meeting.run({ ...record.meeting, projectedAt: now() });
    for (const department of record.departments) insert.department.run(id, department, record.meeting.sortAt, record.meeting.status);
    if (!ended) return; // listed only: its contents are projected when it ends
    for (const row of record.attendees) insert.attendee.run({ ...row, present: row.present ? 1 : 0 });
    for (const row of record.agendaItems) insert.agendaItem.run(row);
    for (const row of record.decisions) insert.decision.run(row);
    for (const row of record.actionItems) insert.actionItem.run(row);
    for (const row of record.actionItemRefs) insert.actionItemRef.run(row);
    for (const row of record.kpiValues) insert.kpiValue.run(row);
    for (const row of record.closingOverrides) insert.closingOverride.run(row);
  });
  const clear = db.transaction(() => db.exec('DELETE FROM proj_meetings'));

  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('projection store is closed');
  };
  return {
    db,
    needsRebuild,
    async replaceMeeting(record) {
      ensureOpen();
      // IMMEDIATE: it reads before it writes, and a deferred transaction whose read snapshot another
      // connection (the writer thread) overtook fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT);
      // taking the write lock first lets busy_timeout wait its turn instead.
      replace.immediate(record);
    },
    async removeMeeting(meetingId) {
      ensureOpen();
      deleteMeeting.run(meetingId);
    },
    async clear() {
      ensureOpen();
      clear.immediate();
    },
    async meetingIds() {
      ensureOpen();
      return listIds.all().map((r) => r.meeting_id);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
