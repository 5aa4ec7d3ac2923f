import Database from 'better-sqlite3';

export interface OpenOptions {
  /** Full path of the database file. */
  file: string;
}

/**
 * Opens a connection with the durability settings every connection to the file must share.
 *
 * WAL: readers never block the writer and the writer never blocks readers.
 * synchronous=FULL: every COMMIT fsyncs the WAL before returning. An update we acknowledged (or
 * relayed to other clients) therefore survives power loss and OS crashes, not only a crash of
 * this process. NORMAL would fsync only at checkpoints: still safe against a process crash (the
 * WAL is in the OS page cache) but the last commits could vanish on power loss, and we promise
 * "saved means saved". Group commit keeps the cost to one fsync per batch, not per update, and the
 * writes run on their own thread so a slow fsync never stalls the event loop.
 */
export function openConnection({ file }: OpenOptions): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
