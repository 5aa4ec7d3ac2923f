/**
 * The follow-through database: series (source data, kept) and the derived tables of search and
 * follow-through (rebuilt from the documents, like the issue-6 projection whose proj_* tables they
 * sit beside in the documents' SQLite file). Own connection, own table prefix (`series`,
 * `follow_*`), own version key, so neither projection drops the other's tables.
 *
 *   series                  the series themselves (name, departments, language, usual agenda): NOT derived
 *   follow_series_meetings  meeting → series, for every meeting known to belong to one (also live ones)
 *   follow_carry_links      carried action item → root action item (from `carriedFrom` in the documents)
 *   follow_search           FTS5 (trigram) over agenda titles + notes, decisions, action items
 *   follow_search_bigram    the same rows as character pairs (one- and two-character queries: 出展, 在庫)
 *   follow_search_owner     which FTS rows belong to which meeting (to replace a meeting's rows by index)
 *   follow_action_chains    one row per action item however often carried: its newest copy, closed or not
 *   follow_chain_departments the departments of each chain's meeting, for department-scoped lists
 *
 * Search rows get their rowid from the meeting's time (see searchRowIds.ts), so "newest first"
 * is the FTS index's own order and a query can stop after the first rows it finds.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const FOLLOW_VERSION = 2;

const SOURCE_TABLES = `
  CREATE TABLE IF NOT EXISTS series (
    series_id       TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    departments     TEXT NOT NULL,
    language        TEXT NOT NULL,
    agenda_template TEXT NOT NULL,
    created_at      INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS follow_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;

const DERIVED_TABLES = `
  CREATE TABLE follow_series_meetings (
    meeting_id TEXT PRIMARY KEY,
    series_id  TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX follow_series_meetings_by_series ON follow_series_meetings(series_id, created_at);

  CREATE TABLE follow_carry_links (
    meeting_id            TEXT NOT NULL,
    action_item_id        TEXT NOT NULL,
    root_meeting_id       TEXT NOT NULL,
    root_action_item_id   TEXT NOT NULL,
    via_meeting_id        TEXT NOT NULL,
    via_action_item_id    TEXT NOT NULL,
    PRIMARY KEY (meeting_id, action_item_id)
  ) STRICT;
  CREATE INDEX follow_carry_links_by_root ON follow_carry_links(root_meeting_id, root_action_item_id);

  CREATE VIRTUAL TABLE follow_search USING fts5(
    title, body,
    kind UNINDEXED, meeting_id UNINDEXED, item_id UNINDEXED,
    tokenize = 'trigram'
  );
  CREATE VIRTUAL TABLE follow_search_bigram USING fts5(
    pairs, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  );
  CREATE TABLE follow_search_owner (
    meeting_id TEXT NOT NULL,
    search_rowid INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, search_rowid)
  ) STRICT;
  CREATE INDEX follow_search_owner_by_rowid ON follow_search_owner(search_rowid);

  CREATE TABLE follow_action_chains (
    root_meeting_id     TEXT NOT NULL,
    root_action_item_id TEXT NOT NULL,
    meeting_id          TEXT NOT NULL,
    action_item_id      TEXT NOT NULL,
    meeting_title       TEXT NOT NULL,
    held_on             TEXT,
    sort_at             INTEGER NOT NULL,
    series_id           TEXT,
    title               TEXT NOT NULL,
    owner_name          TEXT NOT NULL,
    owner_department    TEXT NOT NULL,
    due_date            TEXT,
    due_sort            TEXT NOT NULL,
    status              TEXT NOT NULL,
    closed              INTEGER NOT NULL,
    opened_meeting_id   TEXT,
    closer_meeting_id   TEXT,
    closed_on_time      INTEGER,
    raised_meeting_id   TEXT,
    raised_title        TEXT,
    raised_held_on      TEXT,
    PRIMARY KEY (root_meeting_id, root_action_item_id)
  ) STRICT;
  CREATE INDEX follow_action_chains_by_due ON follow_action_chains(closed, due_sort, root_meeting_id, root_action_item_id);
  CREATE INDEX follow_action_chains_by_sort ON follow_action_chains(closed, sort_at, root_meeting_id, root_action_item_id);
  CREATE INDEX follow_action_chains_by_owner ON follow_action_chains(owner_name, closed, due_sort, root_meeting_id, root_action_item_id);
  CREATE INDEX follow_action_chains_by_department ON follow_action_chains(owner_department, closed, due_sort, root_meeting_id, root_action_item_id);
  CREATE INDEX follow_action_chains_by_series ON follow_action_chains(series_id, closed, due_sort, root_meeting_id, root_action_item_id);
  CREATE INDEX follow_action_chains_by_meeting ON follow_action_chains(meeting_id);
  CREATE INDEX follow_action_chains_by_opened ON follow_action_chains(opened_meeting_id, closed);
  CREATE INDEX follow_action_chains_by_closer ON follow_action_chains(closer_meeting_id, closed_on_time);

  CREATE TABLE follow_chain_departments (
    root_meeting_id     TEXT NOT NULL,
    root_action_item_id TEXT NOT NULL,
    department          TEXT NOT NULL,
    closed              INTEGER NOT NULL,
    due_sort            TEXT NOT NULL,
    PRIMARY KEY (root_meeting_id, root_action_item_id, department)
  ) STRICT;
  CREATE INDEX follow_chain_departments_by_due ON follow_chain_departments(department, closed, due_sort, root_meeting_id, root_action_item_id);
`;

export const DERIVED_TABLE_NAMES = [
  'follow_series_meetings',
  'follow_carry_links',
  'follow_search',
  'follow_search_bigram',
  'follow_search_owner',
  'follow_action_chains',
  'follow_chain_departments',
];

/** Creates the tables; returns true when the derived ones were (re)created and must be refilled. */
export function prepareFollowThroughTables(db: Database.Database): boolean {
  db.exec(SOURCE_TABLES);
  const row = db.prepare<[], { value: string }>("SELECT value FROM follow_meta WHERE key = 'version'").get();
  if (row && Number(row.value) === FOLLOW_VERSION) return false;
  recreateDerivedTables(db);
  return true;
}

/** Drops and recreates the derived tables (empty). The series table is left alone. */
export function recreateDerivedTables(db: Database.Database): void {
  db.transaction(() => {
    for (const name of DERIVED_TABLE_NAMES) db.exec(`DROP TABLE IF EXISTS "${name}"`);
    db.exec(DERIVED_TABLES);
    db.prepare("INSERT INTO follow_meta (key, value) VALUES ('version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
      String(FOLLOW_VERSION),
    );
  })();
}

export function openFollowThroughDb(dataDir: string, fileName = 'suishin.sqlite'): { db: Database.Database; needsRebuild: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // series rows are small admin writes; the derived rows can be rebuilt
  db.pragma('busy_timeout = 5000');
  const needsRebuild = prepareFollowThroughTables(db);
  return { db, needsRebuild };
}
