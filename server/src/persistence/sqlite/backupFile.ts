/**
 * A consistent copy of the database file while the server runs: `VACUUM INTO` over a read-only
 * connection of its own. Why this and not the online backup API (`db.backup()`): the backup API
 * copies pages in steps and starts over whenever another connection writes between two steps, so
 * under a steady stream of edits it may never finish; VACUUM INTO reads inside one WAL read
 * transaction, which the writer never waits for, and so copies exactly what was committed when it
 * began: every acknowledged edit before that point, nothing half-written after. It blocks the
 * thread it runs on, so the server runs it on a worker thread (backupWorker.ts) and the command
 * line in its own process: the server's event loop never waits for it.
 *
 * The copy is built under a temporary name beside the target and renamed into place, so a file at
 * the target's name is always a complete backup. It gets a `backup_meta` row (when, which schema)
 * and, only when asked, the server secret in `backup_secret`; restore reads and drops both.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface BackupOptions {
  /** The server secret to put into the copy (`--with-secret`); left out when null. */
  secret?: string | null;
  /** Stamped into backup_meta. */
  now?: () => number;
  /** Runs on the copy before it is renamed into place (the audit trail records the backup in it). */
  annotate?: (copy: Database.Database) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tookMs: number;
  takenAt: number;
  withSecret: boolean;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** Copies `source` (a Suishin database, live or not) to `target`, which must not exist yet. */
export function backupDatabase(source: string, target: string, options: BackupOptions = {}): BackupResult {
  const started = performance.now();
  const takenAt = (options.now ?? Date.now)();
  try {
    statSync(target);
    throw new BackupError(`${target} exists already; give a new file name`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
  }
  const building = `${target}.partial`;
  rmSync(building, { force: true });
  let db: Database.Database | undefined;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('VACUUM INTO ?').run(building);
    db.close();
    db = undefined;
    const copy = new Database(building);
    try {
      copy.exec('CREATE TABLE backup_meta (id INTEGER PRIMARY KEY CHECK (id = 1), taken_at INTEGER NOT NULL, schema_version INTEGER NOT NULL) STRICT');
      copy.prepare('INSERT INTO backup_meta (id, taken_at, schema_version) VALUES (1, ?, ?)').run(takenAt, version);
      if (options.secret) {
        copy.exec('CREATE TABLE backup_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL) STRICT');
        copy.prepare('INSERT INTO backup_secret (id, secret) VALUES (1, ?)').run(options.secret);
      }
      options.annotate?.(copy);
    } finally {
      copy.close();
    }
    renameSync(building, target);
  } catch (error) {
    db?.close();
    rmSync(building, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot back up ${source} to ${target}: ${messageOf(error)}`, { cause: error });
  }
  return { file: target, bytes: statSync(target).size, tookMs: +(performance.now() - started).toFixed(1), takenAt, withSecret: Boolean(options.secret) };
}
