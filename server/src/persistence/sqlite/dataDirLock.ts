/**
 * One process per data folder. Two servers on one DATA_DIR would both answer "saved" while one's
 * compaction overwrites the other's snapshot and drops its log rows, so a server (and any CLI that
 * writes) takes this lock first and refuses to start while another process holds it.
 *
 * The lock is SQLite's own: a connection to DATA_DIR/suishin.lock in locking_mode=EXCLUSIVE that
 * has committed one write transaction keeps the file's exclusive lock until it closes. That is a
 * POSIX record lock (fcntl), so the operating system drops it when the process ends in any way,
 * SIGKILL and power cuts included: no stale pid file to clean up. Within one process SQLite keeps
 * per-connection locks too, so two in-process servers (tests) on one folder are refused alike.
 *
 * Who holds it goes into suishin.lock.holder (pid, host, what, since) after the lock is taken, for
 * the refusal message only: the lock file itself cannot be read while it is held.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../../startupError';

export const LOCK_FILE_NAME = 'suishin.lock';
const HOLDER_FILE_NAME = 'suishin.lock.holder';

export interface DataDirLock {
  readonly file: string;
  /** Gives the folder up (closing the connection releases the OS lock). Idempotent. */
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  purpose: string;
  since: string;
}

/** Takes the data folder's lock for `purpose` ("server", "rebuild-projections"), or throws StartupError. */
export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE_NAME);
  const holderFile = join(dataDir, HOLDER_FILE_NAME);
  let db: Database.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file, { timeout: 0 }); // busy_timeout 0: a held lock refuses at once
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY'); // no journal file beside the lock
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, since TEXT NOT NULL)');
    const since = new Date().toISOString();
    db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(process.pid, since);
    db.exec('COMMIT');
    const holder: Holder = { pid: process.pid, host: hostname(), purpose, since };
    writeFileSync(holderFile, `${JSON.stringify(holder)}\n`);
  } catch (error) {
    db?.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StartupError(`the data folder ${dataDir} is in use by another Suishin process${describeHolder(holderFile)}; stop it first, or give this one its own DATA_DIR`);
    }
    throw new StartupError(`cannot lock the data folder ${dataDir} (${file}): ${error instanceof Error ? error.message : String(error)}`);
  }
  const held = db;
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      // The holder note goes first: once the lock is free, the next holder writes its own.
      rmSync(holderFile, { force: true });
      held.close();
    },
  };
}

function describeHolder(holderFile: string): string {
  try {
    const h = JSON.parse(readFileSync(holderFile, 'utf8')) as Partial<Holder>;
    if (typeof h.pid !== 'number') return '';
    return ` (pid ${h.pid}${h.host ? ` on ${h.host}` : ''}${h.purpose ? `, ${h.purpose}` : ''}${h.since ? `, since ${h.since}` : ''})`;
  } catch {
    return ''; // unknown holder: the lock is what counts
  }
}
