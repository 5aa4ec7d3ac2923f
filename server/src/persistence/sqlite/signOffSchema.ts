/**
 * The tables of 議事録確認 (minutes versions, responses, review links) in the documents' file, in
 * numbered steps with their own version row like seriesSchema.ts. Source data (not in the meeting
 * documents), so nothing rebuilds or drops them.
 */
import type Database from 'better-sqlite3';

export const SIGN_OFF_SCHEMA_VERSION = 1;

const MIGRATIONS: Record<number, (db: Database.Database) => void> = {
  1: (db) =>
    db.exec(`
      CREATE TABLE minutes_versions (
        meeting_id TEXT NOT NULL,
        version    INTEGER NOT NULL CHECK (version >= 1),
        text       TEXT NOT NULL,
        author     TEXT NOT NULL,
        note       TEXT NOT NULL,
        at         INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, version)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE minutes_responses (
        seq        INTEGER PRIMARY KEY,
        meeting_id TEXT NOT NULL,
        attendee   TEXT NOT NULL,
        version    INTEGER NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('approve', 'correction')),
        comment    TEXT NOT NULL,
        at         INTEGER NOT NULL,
        FOREIGN KEY (meeting_id, version) REFERENCES minutes_versions (meeting_id, version)
      ) STRICT;
      CREATE INDEX minutes_responses_by_meeting ON minutes_responses (meeting_id, at);
      CREATE TABLE minutes_review_links (
        link_id    TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL,
        attendee   TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked    INTEGER NOT NULL DEFAULT 0,
        seq        INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX minutes_review_links_by_meeting ON minutes_review_links (meeting_id, seq);
    `),
};

export function migrateSignOff(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS sign_off_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT');
  const current = db.prepare<[], { version: number }>('SELECT version FROM sign_off_schema WHERE id = 1').get()?.version ?? 0;
  if (current > SIGN_OFF_SCHEMA_VERSION) throw new Error(`sign-off schema version ${current} is newer than this server (${SIGN_OFF_SCHEMA_VERSION})`);
  for (let version = current + 1; version <= SIGN_OFF_SCHEMA_VERSION; version++) {
    db.transaction(() => {
      MIGRATIONS[version]?.(db);
      db.prepare('INSERT INTO sign_off_schema (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version').run(version);
    })();
  }
}
