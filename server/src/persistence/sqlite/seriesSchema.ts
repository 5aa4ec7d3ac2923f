/**
 * The layout of the series' source tables (series, meeting_ratings) in the documents' file, in
 * numbered steps like schema.ts: `series_schema.version` says which have run, and each runs once,
 * in its own transaction. They sit beside the follow-through tables, which a rebuild drops and
 * refills; these are never dropped (nothing rebuilds them: they are not in the documents).
 */
import type Database from 'better-sqlite3';

/** Bumped when the layout changes; `migrateSeries` upgrades older files step by step. */
export const SERIES_SCHEMA_VERSION = 4;

const hasColumn = (db: Database.Database, table: string, column: string) =>
  db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all().some((c) => c.name === column);

const MIGRATIONS: Record<number, (db: Database.Database) => void> = {
  // The table as the follow-through database first made it (files from before these steps have it).
  1: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS series (
      series_id       TEXT PRIMARY KEY,
      name            TEXT NOT NULL,
      departments     TEXT NOT NULL,
      language        TEXT NOT NULL,
      agenda_template TEXT NOT NULL,
      created_at      INTEGER NOT NULL
    ) STRICT`),
  // Usual attendees (a file may have the column already: it used to be added on open).
  2: (db) => {
    if (!hasColumn(db, 'series', 'usual_attendees')) db.exec("ALTER TABLE series ADD COLUMN usual_attendees TEXT NOT NULL DEFAULT '[]'");
  },
  // 会議体 fields, and the meetings' anonymous ratings: one row per voter (a digest, never a
  // principal or a name) and no time, so a row cannot be matched to a sign-in or an access log.
  3: (db) =>
    db.exec(`
      ALTER TABLE series ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
      ALTER TABLE series ADD COLUMN decision_function TEXT;
      ALTER TABLE series ADD COLUMN decision_rights TEXT NOT NULL DEFAULT '';
      ALTER TABLE series ADD COLUMN cadence TEXT NOT NULL DEFAULT '{"every":"asNeeded","weekday":null,"time":null}';
      ALTER TABLE series ADD COLUMN members TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE series ADD COLUMN parent_id TEXT;
      ALTER TABLE series ADD COLUMN review_on TEXT;
      CREATE INDEX series_by_parent ON series(parent_id);
      CREATE TABLE meeting_ratings (
        meeting_id TEXT NOT NULL,
        voter      TEXT NOT NULL,
        score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        PRIMARY KEY (meeting_id, voter)
      ) STRICT, WITHOUT ROWID;
    `),
  // The body's 議事録確認 rule (all attendees / majority / the chair); bodies made before it: all.
  4: (db) => db.exec("ALTER TABLE series ADD COLUMN sign_off_rule TEXT NOT NULL DEFAULT 'all'"),
};

export function migrateSeries(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS series_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT');
  const current = db.prepare<[], { version: number }>('SELECT version FROM series_schema WHERE id = 1').get()?.version ?? 0;
  if (current > SERIES_SCHEMA_VERSION) {
    throw new Error(`series schema version ${current} is newer than this server (${SERIES_SCHEMA_VERSION})`);
  }
  for (let version = current + 1; version <= SERIES_SCHEMA_VERSION; version++) {
    db.transaction(() => {
      MIGRATIONS[version]?.(db);
      db.prepare('INSERT INTO series_schema (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version').run(version);
    })();
  }
}
