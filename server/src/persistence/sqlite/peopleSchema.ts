/**
 * The people register's tables (and the delivery outbox) in the documents' file, in numbered steps like seriesSchema.ts
 * (`people_schema.version`). Source data, never dropped by a projection rebuild.
 */
import type Database from 'better-sqlite3';

export const PEOPLE_SCHEMA_VERSION = 2;

const MIGRATIONS: Record<number, (db: Database.Database) => void> = {
  1: (db) =>
    db.exec(`CREATE TABLE people (
      person_id    TEXT PRIMARY KEY,
      name         TEXT NOT NULL,
      department   TEXT NOT NULL,
      email        TEXT NOT NULL UNIQUE,
      chat_id      TEXT NOT NULL,
      language     TEXT NOT NULL,
      link_version INTEGER NOT NULL DEFAULT 1,
      created_at   INTEGER NOT NULL,
      updated_at   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX people_by_name ON people(name);`),
  // The delivery outbox (delivery/outbox.ts): one row per idempotency key.
  2: (db) =>
    db.exec(`CREATE TABLE outbox (
      msg_key    TEXT PRIMARY KEY,
      channel    TEXT NOT NULL,
      recipient  TEXT NOT NULL,
      body       TEXT NOT NULL,
      state      TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
      attempts   INTEGER NOT NULL,
      due_at     INTEGER NOT NULL,
      last_error TEXT,
      sent_id    TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX outbox_due ON outbox(state, due_at);`),
};

export function migratePeople(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS people_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT');
  const current = db.prepare<[], { version: number }>('SELECT version FROM people_schema WHERE id = 1').get()?.version ?? 0;
  if (current > PEOPLE_SCHEMA_VERSION) throw new Error(`people schema version ${current} is newer than this server (${PEOPLE_SCHEMA_VERSION})`);
  for (let version = current + 1; version <= PEOPLE_SCHEMA_VERSION; version++) {
    db.transaction(() => {
      MIGRATIONS[version]?.(db);
      db.prepare('INSERT INTO people_schema (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version').run(version);
    })();
  }
}
