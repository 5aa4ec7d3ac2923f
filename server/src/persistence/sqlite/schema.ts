import type Database from 'better-sqlite3';

/** Bumped when the layout changes; `migrate` upgrades older files step by step. */
export const SCHEMA_VERSION = 6;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE meetings (
      id              TEXT PRIMARY KEY,
      title           TEXT NOT NULL,
      status          TEXT NOT NULL,
      scheduled_start TEXT,
      created_at      INTEGER NOT NULL,
      updated_at      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX meetings_by_updated ON meetings(updated_at DESC);

    -- Append-only log of Yjs updates. seq is global and never reused (AUTOINCREMENT), so a
    -- compaction that drops seq <= n can never drop an update appended after it read the log.
    CREATE TABLE updates (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      data       BLOB NOT NULL
    ) STRICT;
    CREATE INDEX updates_by_meeting ON updates(meeting_id, seq);

    CREATE TABLE snapshots (
      meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
      data       BLOB NOT NULL,
      upto_seq   INTEGER NOT NULL
    ) STRICT;
  `,
  2: `
    -- The access key version of each meeting (role links carry it; rotating it revokes them).
    -- No row means version 1, so meetings created before this table need no backfill.
    CREATE TABLE meeting_access (
      meeting_id  TEXT PRIMARY KEY REFERENCES meetings(id),
      key_version INTEGER NOT NULL
    ) STRICT;
  `,
  3: `
    -- Which sign-in (principal) each Yjs client id of a meeting belongs to: the first to write under
    -- it (sync/clientOwners.ts). Written in the transaction of that first update.
    CREATE TABLE client_owners (
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      client_id  INTEGER NOT NULL,
      principal  TEXT NOT NULL,
      PRIMARY KEY (meeting_id, client_id)
    ) STRICT, WITHOUT ROWID;
  `,
  4: `
    -- Signed-out sessions (the cookie's sid), until the cookie would have expired anyway.
    CREATE TABLE revoked_sessions (
      session_id TEXT PRIMARY KEY,
      expires_at INTEGER NOT NULL
    ) STRICT;
  `,
  5: `
    -- The audit trail (audit/auditLog.ts): append-only. No foreign key to meetings: the trail
    -- outlives what it describes. Only retention (AUDIT_DAYS) deletes, oldest first.
    CREATE TABLE audit_log (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      at           INTEGER NOT NULL,
      kind         TEXT NOT NULL,
      meeting_id   TEXT,
      actor_name   TEXT,
      actor_role   TEXT,
      actor_id     TEXT,
      from_address TEXT,
      from_agent   TEXT,
      detail       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_by_at ON audit_log(at);
    CREATE INDEX audit_by_meeting ON audit_log(meeting_id, id);
    CREATE INDEX audit_by_kind ON audit_log(kind, id);
    CREATE INDEX audit_by_actor ON audit_log(actor_id, id);
    CREATE INDEX audit_by_actor_name ON audit_log(actor_name, id);
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  6: `
    -- Meetings deleted by the admin, kept whole until restored or purged (trash/trashService.ts).
    -- A row here hides the meeting from listMeetings; purging deletes it with the meeting's rows.
    CREATE TABLE trash (
      meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
      deleted_at INTEGER NOT NULL,
      deleted_by TEXT
    ) STRICT;
  `,
};

export function migrate(db: Database.Database) {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this server (${SCHEMA_VERSION})`);
  }
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version}`);
    })();
  }
}
