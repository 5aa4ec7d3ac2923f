/**
 * Restoring a backup into a data folder (cli/restore.ts drives it): the file is checked on a copy,
 * never in place, and only a copy that passed every check is renamed into the folder. The checks:
 * SQLite opens it, `PRAGMA integrity_check` answers ok (a truncated file or garbage in its pages
 * fails here), its schema version is one this server knows (not newer, not a foreign database),
 * and every meeting's stored rows are handed to the caller, which must decode them.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoredMeeting } from '../store';
import { SCHEMA_VERSION } from './schema';

export const DATABASE_FILE_NAME = 'suishin.sqlite';

/** A one-line reason the file cannot be restored. */
export class RestoreRefusal extends Error {
  override name = 'RestoreRefusal';
}

export interface CheckedBackup {
  /** The checked copy, ready to move into a data folder. */
  readonly file: string;
  readonly schemaVersion: number;
  readonly meetings: number;
  readonly takenAt: number | null;
  /** The server secret when the backup was taken with it. */
  readonly secret: string | null;
  /** Removes the copy (after install, what is left of it). */
  discard(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/**
 * Copies `backup` to a temporary folder and checks the copy; `decode(id, stored)` must throw for
 * a meeting whose document does not decode. Throws RestoreRefusal with the first problem found.
 */
export function checkBackup(backup: string, decode: (meetingId: string, stored: StoredMeeting) => void): CheckedBackup {
  if (!existsSync(backup)) throw new RestoreRefusal(`${backup} does not exist`);
  const dir = mkdtempSync(join(tmpdir(), 'suishin-restore-'));
  const file = join(dir, DATABASE_FILE_NAME);
  const discard = () => rmSync(dir, { recursive: true, force: true });
  let db: Database.Database | undefined;
  try {
    copyFileSync(backup, file);
    try {
      db = new Database(file, { fileMustExist: true });
      const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((p) => p.integrity_check);
      if (problems.length !== 1 || problems[0] !== 'ok') throw new RestoreRefusal(`${backup} is damaged (integrity check: ${messageOf(problems.slice(0, 3).join('; ')).slice(0, 160)})`);
    } catch (error) {
      if (error instanceof RestoreRefusal) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_NOTADB') throw new RestoreRefusal(`${backup} is not a SQLite database (or its header is damaged)`);
      throw new RestoreRefusal(`${backup} is damaged or truncated (${messageOf(error)})`);
    }
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (!tables.has('meetings') || !tables.has('updates') || version < 1) throw new RestoreRefusal(`${backup} is not a Suishin database (no meetings table or schema version)`);
    if (version > SCHEMA_VERSION) throw new RestoreRefusal(`${backup} has schema version ${version}, newer than this server's ${SCHEMA_VERSION}: restore it with a newer Suishin`);
    const meta = tables.has('backup_meta') ? db.prepare<[], { taken_at: number }>('SELECT taken_at FROM backup_meta').get() : undefined;
    const secret = tables.has('backup_secret') ? (db.prepare<[], { secret: string }>('SELECT secret FROM backup_secret').get()?.secret ?? null) : null;
    const meetings = decodeEvery(db, tables.has('client_owners'), (id, stored) => {
      try {
        decode(id, stored);
      } catch (error) {
        throw new RestoreRefusal(`${backup}: meeting ${id} does not decode (${messageOf(error)})`);
      }
    });
    // What belongs to the backup alone leaves the copy: a restored folder holds a plain database.
    db.exec('DROP TABLE IF EXISTS backup_meta; DROP TABLE IF EXISTS backup_secret');
    db.close();
    db = undefined;
    return { file, schemaVersion: version, meetings, takenAt: meta?.taken_at ?? null, secret, discard };
  } catch (error) {
    db?.close();
    discard();
    if (error instanceof RestoreRefusal) throw error;
    throw new RestoreRefusal(`${backup} cannot be read (${messageOf(error)})`);
  }
}

/** Reads every meeting's snapshot and log, one meeting at a time (bounded memory). */
function decodeEvery(db: Database.Database, hasOwners: boolean, decode: (id: string, stored: StoredMeeting) => void): number {
  const ids = db.prepare<[], { id: string }>('SELECT id FROM meetings ORDER BY id').all();
  const snapshot = db.prepare<[string], { data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM snapshots WHERE meeting_id = ?');
  const tail = db.prepare<[string, number], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE meeting_id = ? AND seq > ? ORDER BY seq');
  const owners = hasOwners ? db.prepare<[string], { client_id: number; principal: string }>('SELECT client_id, principal FROM client_owners WHERE meeting_id = ?') : null;
  for (const { id } of ids) {
    const snap = snapshot.get(id);
    const upto = snap?.upto_seq ?? 0;
    decode(id, {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      snapshotUptoSeq: upto,
      updates: tail.all(id, upto).map((u) => ({ seq: u.seq, data: new Uint8Array(u.data) })),
      clientOwners: owners ? owners.all(id).map((o) => [o.client_id, o.principal] as const) : [],
    });
  }
  return ids.length;
}

/** Whether `dataDir` holds a database already (the main file or a WAL left beside it). */
export function holdsDatabase(dataDir: string): boolean {
  return ['', '-wal'].some((suffix) => existsSync(join(dataDir, `${DATABASE_FILE_NAME}${suffix}`)));
}

/**
 * Moves the checked copy into `dataDir` (whose lock the caller holds). A database already there
 * is moved aside as suishin.sqlite.replaced-<time> (its WAL and shared memory with it), never
 * deleted; returns that name, or null.
 */
export function installBackup(checked: CheckedBackup, dataDir: string, now: number = Date.now()): string | null {
  let replaced: string | null = null;
  if (holdsDatabase(dataDir)) {
    replaced = `${DATABASE_FILE_NAME}.replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      const from = join(dataDir, `${DATABASE_FILE_NAME}${suffix}`);
      if (existsSync(from)) renameSync(from, join(dataDir, `${replaced}${suffix}`));
    }
  }
  const target = join(dataDir, DATABASE_FILE_NAME);
  try {
    renameSync(checked.file, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // The temporary folder is on another file system: copy under a temporary name, then rename.
    copyFileSync(checked.file, `${target}.restoring`);
    renameSync(`${target}.restoring`, target);
  }
  checked.discard();
  return replaced;
}
