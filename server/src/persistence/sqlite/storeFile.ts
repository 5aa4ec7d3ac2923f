/**
 * Opens the store's database file, or refuses with a StartupError that names the file and the
 * cause. Startup must stop on a file it cannot trust instead of failing later on some read (or,
 * worse, starting over it):
 *
 * - no file: a fresh database is built under a temporary name and renamed into place, so a file
 *   at the real name always holds a complete schema, and an empty one never comes from us;
 * - an empty (0-byte) file is refused, never initialised over: SQLite would take it for a new
 *   database and the workspace would silently start empty;
 * - a file this user cannot read and write is refused (SQLite would otherwise fall back to
 *   read-only and fail at the first write);
 * - a file SQLite cannot open (not a database, a damaged header) is refused with SQLite's reason;
 * - `PRAGMA quick_check` must answer ok: it walks every page (about 200 ms for 200 MB here), which
 *   finds a truncated file or garbage in the middle before a room reads it.
 */
import { accessSync, constants, renameSync, rmSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { StartupError } from '../../startupError';
import { openConnection } from './connection';
import { migrate } from './schema';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** The connection to `file`, migrated to the current schema; throws StartupError when it cannot be trusted. */
export function openStoreFile(file: string): Database.Database {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new StartupError(`the database ${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof StartupError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StartupError(`cannot open the database ${file}: ${messageOf(error)}`);
    createFresh(file);
    size = statSync(file).size;
  }
  if (size === 0) {
    throw new StartupError(
      `the database ${file} is empty (0 bytes); refusing to start over it: restore it from a backup, or remove it to start an empty workspace`,
    );
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM'
      ? `permission denied (this process runs as uid ${process.getuid?.() ?? '?'} and must be able to read and write it)`
      : messageOf(error);
    throw new StartupError(`cannot open the database ${file}: ${reason}`);
  }
  let db: Database.Database | undefined;
  try {
    db = openConnection({ file });
    const problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((p) => p.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      const listed = messageOf(problems.join('; ').replace(/^\*\*\* in database \w+ \*\*\*/, ''));
      throw damaged(file, `integrity check: ${listed.length > 160 ? `${listed.slice(0, 160)}…` : listed}`);
    }
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StartupError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_CORRUPT') throw damaged(file, messageOf(error));
    throw new StartupError(`cannot open the database ${file}: ${messageOf(error)}`);
  }
}

const damaged = (file: string, detail: string) =>
  new StartupError(`the database ${file} is damaged (${detail}); restore it from a backup`);

function createFresh(file: string) {
  const building = `${file}.new`;
  try {
    for (const leftover of [building, `${building}-wal`, `${building}-shm`]) rmSync(leftover, { force: true }); // an interrupted earlier attempt
    const db = openConnection({ file: building });
    migrate(db);
    db.close(); // checkpoints and removes the WAL: the file alone is the database
    renameSync(building, file);
  } catch (error) {
    throw new StartupError(`cannot create the database ${file}: ${messageOf(error)}`);
  }
}
