import type Database from 'better-sqlite3';

/**
 * The projection's tables, versioned on their own (the document store keeps PRAGMA user_version).
 * Bump PROJECTION_VERSION whenever a table changes: opening then drops every `proj_` table,
 * creates them afresh and reports needsRebuild, and the server refills them from the documents.
 * No data migration is ever needed, because nothing here is the source of truth.
 *
 * Every meeting has a proj_meetings row (and its departments), drafts and live ones too, so the
 * archive and the home page page over one table; the child rows (agenda, decisions, action items,
 * KPIs…) exist for ended meetings only. `sort_at` is the lists' order (see MeetingRowRecord): the
 * indexes that end in (sort_at, meeting_id) serve keyset cursors, newest first, per filter.
 *
 * Version 2: sort_at everywhere, every meeting listed, indexes for the archive and registers.
 */
export const PROJECTION_VERSION = 3;

const TABLES = `
  CREATE TABLE proj_meetings (
    meeting_id             TEXT PRIMARY KEY,
    series_id              TEXT,
    series_number          INTEGER,
    title                  TEXT NOT NULL,
    status                 TEXT NOT NULL,
    language               TEXT NOT NULL,
    place                  TEXT NOT NULL,
    scheduled_start        TEXT,
    started_at             INTEGER,
    ended_at               INTEGER,
    held_at                INTEGER,
    held_on                TEXT,
    sort_at                INTEGER NOT NULL,
    attendee_count         INTEGER NOT NULL,
    present_count          INTEGER NOT NULL,
    planned_seconds        INTEGER NOT NULL,
    actual_seconds         INTEGER NOT NULL,
    decision_count         INTEGER NOT NULL,
    action_item_count      INTEGER NOT NULL,
    closing_override_count INTEGER NOT NULL,
    next_meeting_date      TEXT,
    next_meeting_text      TEXT NOT NULL,
    projected_at           INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX proj_meetings_by_sort ON proj_meetings(sort_at, meeting_id);
  CREATE INDEX proj_meetings_by_status ON proj_meetings(status, sort_at, meeting_id);
  CREATE INDEX proj_meetings_by_series ON proj_meetings(series_id, sort_at, meeting_id);

  -- The meeting's sort_at and status repeated, so a department's meetings page on this index alone.
  CREATE TABLE proj_meeting_departments (
    meeting_id TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    department TEXT NOT NULL,
    sort_at    INTEGER NOT NULL,
    status     TEXT NOT NULL,
    PRIMARY KEY (meeting_id, department)
  ) STRICT;
  CREATE INDEX proj_meeting_departments_by_department ON proj_meeting_departments(department, sort_at, meeting_id);
  CREATE INDEX proj_meeting_departments_by_status ON proj_meeting_departments(department, status, sort_at, meeting_id);

  CREATE TABLE proj_attendees (
    meeting_id  TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    attendee_id TEXT NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    department  TEXT NOT NULL,
    present     INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, attendee_id)
  ) STRICT;

  CREATE TABLE proj_agenda_items (
    meeting_id      TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    agenda_item_id  TEXT NOT NULL,
    series_id       TEXT,
    held_on         TEXT,
    sort_at         INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    title           TEXT NOT NULL,
    topic_key       TEXT,
    presenter       TEXT NOT NULL,
    timebox_minutes INTEGER NOT NULL,
    actual_seconds  INTEGER NOT NULL,
    status          TEXT NOT NULL,
    notes           TEXT NOT NULL,
    PRIMARY KEY (meeting_id, agenda_item_id)
  ) STRICT;
  -- Covering: the dashboards' topics of a range read no row (notes make the rows wide).
  CREATE INDEX proj_agenda_items_topics ON proj_agenda_items(meeting_id, topic_key, title);

  CREATE TABLE proj_decisions (
    meeting_id     TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    decision_id    TEXT NOT NULL,
    series_id      TEXT,
    held_on        TEXT,
    sort_at        INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    rationale      TEXT NOT NULL,
    alternatives   TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    agenda_item_id TEXT,
    created_at     INTEGER NOT NULL,
    review_date    TEXT,
    supersedes_id  TEXT,
    PRIMARY KEY (meeting_id, decision_id)
  ) STRICT;
  CREATE INDEX proj_decisions_by_sort ON proj_decisions(sort_at, meeting_id, position);
  CREATE INDEX proj_decisions_by_series ON proj_decisions(series_id, sort_at, meeting_id, position);
  CREATE INDEX proj_decisions_by_decider ON proj_decisions(decided_by, sort_at, meeting_id, position);
  CREATE INDEX proj_decisions_by_review ON proj_decisions(review_date);
  CREATE INDEX proj_decisions_by_id ON proj_decisions(decision_id);
  CREATE INDEX proj_decisions_by_supersedes ON proj_decisions(supersedes_id);

  CREATE TABLE proj_action_items (
    meeting_id       TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    action_item_id   TEXT NOT NULL,
    series_id        TEXT,
    held_on          TEXT,
    sort_at          INTEGER NOT NULL,
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL,
    owner_name       TEXT NOT NULL,
    owner_department TEXT NOT NULL,
    due_date         TEXT,
    status           TEXT NOT NULL,
    link_kind        TEXT,
    link_id          TEXT,
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, action_item_id)
  ) STRICT;
  CREATE INDEX proj_action_items_by_due ON proj_action_items(status, due_date);
  CREATE INDEX proj_action_items_by_owner ON proj_action_items(owner_department, owner_name);
  CREATE INDEX proj_action_items_by_series ON proj_action_items(series_id, held_on);

  CREATE TABLE proj_action_item_refs (
    meeting_id     TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    action_item_id TEXT NOT NULL,
    tracker        TEXT NOT NULL,
    key            TEXT NOT NULL,
    url            TEXT NOT NULL,
    PRIMARY KEY (meeting_id, action_item_id, tracker, key)
  ) STRICT;
  CREATE INDEX proj_action_item_refs_by_tracker ON proj_action_item_refs(tracker, key);

  CREATE TABLE proj_kpi_values (
    meeting_id               TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    kpi_id                   TEXT NOT NULL,
    series_id                TEXT,
    held_on                  TEXT,
    sort_at                  INTEGER NOT NULL,
    position                 INTEGER NOT NULL,
    name                     TEXT NOT NULL,
    unit                     TEXT NOT NULL,
    target                   REAL,
    actual                   REAL,
    previous                 REAL,
    delta                    REAL,
    direction                TEXT NOT NULL,
    status                   TEXT,
    owner                    TEXT NOT NULL,
    comment                  TEXT NOT NULL,
    countermeasure_action_id TEXT,
    PRIMARY KEY (meeting_id, kpi_id)
  ) STRICT;
  CREATE INDEX proj_kpi_values_by_series ON proj_kpi_values(series_id, name, held_on);
  CREATE INDEX proj_kpi_values_trend ON proj_kpi_values(meeting_id, position, name, unit, direction, actual, target);

  CREATE TABLE proj_closing_overrides (
    meeting_id    TEXT NOT NULL REFERENCES proj_meetings(meeting_id) ON DELETE CASCADE,
    gap_id        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    reason        TEXT NOT NULL,
    overridden_by TEXT NOT NULL,
    overridden_at INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, gap_id)
  ) STRICT;
`;

/** Creates (or recreates, after a version change) the tables; true when they were (re)created. */
export function prepareProjectionTables(db: Database.Database): boolean {
  // Tables are dropped with foreign keys off (the pragma is ignored inside a transaction).
  db.pragma('foreign_keys = OFF');
  try {
    return recreateIfOutdated(db);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function recreateIfOutdated(db: Database.Database): boolean {
  return db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS projection_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    const row = db.prepare<[], { value: string }>("SELECT value FROM projection_meta WHERE key = 'version'").get();
    if (row && Number(row.value) === PROJECTION_VERSION) return false;
    const existing = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'proj\\_%' ESCAPE '\\'")
      .all();
    for (const { name } of existing) db.exec(`DROP TABLE "${name}"`);
    db.exec(TABLES);
    db.prepare("INSERT INTO projection_meta (key, value) VALUES ('version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      String(PROJECTION_VERSION),
    );
    return true;
  })();
}
