import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit, type BatchOperation } from '../groupCommit';
import {
  MeetingExistsError,
  MeetingNotFoundError,
  StorageError,
  type MeetingProjection,
  type MeetingRow,
  type MeetingStatusValue,
  type MeetingStore,
  type StoredMeeting,
} from '../store';
import { migrate } from './schema';

export interface SqliteStoreOptions {
  /** Directory for the database file; created if missing. */
  dataDir: string;
  fileName?: string;
  now?: () => number;
}

interface MeetingRecord {
  id: string;
  title: string;
  status: string;
  scheduled_start: string | null;
  created_at: number;
  updated_at: number;
}

const toRow = (r: MeetingRecord): MeetingRow => ({
  id: r.id,
  title: r.title,
  status: r.status as MeetingStatusValue,
  scheduledStart: r.scheduled_start,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const asStorageError = (action: string, error: unknown) =>
  error instanceof StorageError || error instanceof MeetingNotFoundError || error instanceof MeetingExistsError
    ? error
    : new StorageError(`${action} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });

export function openSqliteStore(options: SqliteStoreOptions): MeetingStore {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const db = new Database(join(options.dataDir, options.fileName ?? 'suishin.sqlite'));
  db.pragma('journal_mode = WAL');
  // synchronous=FULL: every COMMIT fsyncs the WAL before returning. An update we acknowledged
  // (or relayed to other clients) therefore survives power loss and OS crashes, not only a crash
  // of this process. NORMAL would fsync only at checkpoints: still safe against a process crash
  // (the WAL is in the OS page cache) but the last commits could vanish on power loss, and we
  // promise "saved means saved". Group commit keeps the cost to one fsync per tick, not per update.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const stmt = {
    insertMeeting: db.prepare(
      'INSERT INTO meetings (id, title, status, scheduled_start, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertSnapshot: db.prepare(
      'INSERT INTO snapshots (meeting_id, data, upto_seq) VALUES (?, ?, ?) ' +
        'ON CONFLICT (meeting_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq',
    ),
    getMeeting: db.prepare<[string], MeetingRecord>('SELECT * FROM meetings WHERE id = ?'),
    listMeetings: db.prepare<[], MeetingRecord>('SELECT * FROM meetings ORDER BY updated_at DESC, id'),
    getSnapshot: db.prepare<[string], { data: Buffer; upto_seq: number }>(
      'SELECT data, upto_seq FROM snapshots WHERE meeting_id = ?',
    ),
    getTail: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE meeting_id = ? AND seq > ? ORDER BY seq',
    ),
    appendUpdate: db.prepare<[string, Uint8Array]>('INSERT INTO updates (meeting_id, data) VALUES (?, ?)'),
    touchMeeting: db.prepare<[number, string]>('UPDATE meetings SET updated_at = max(updated_at, ?) WHERE id = ?'),
    deleteUpTo: db.prepare<[string, number]>('DELETE FROM updates WHERE meeting_id = ? AND seq <= ?'),
    updateProjection: db.prepare<[string, string, string | null, string]>(
      'UPDATE meetings SET title = ?, status = ?, scheduled_start = ? WHERE id = ?',
    ),
  };

  const runBatch = db.transaction((ops: BatchOperation<unknown>[]) => ops.map((op) => op.run()));
  const writes = new GroupCommit({ commitBatch: (ops) => runBatch(ops) });
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new StorageError('store is closed');
  };
  const requireMeeting = (id: string) => {
    if (!stmt.getMeeting.get(id)) throw new MeetingNotFoundError(id);
  };
  const write = async <R>(action: string, run: () => R): Promise<R> => {
    ensureOpen();
    try {
      return await writes.submit({ run });
    } catch (error) {
      throw asStorageError(action, error);
    }
  };
  const read = async <R>(action: string, run: () => R): Promise<R> => {
    ensureOpen();
    try {
      return run();
    } catch (error) {
      throw asStorageError(action, error);
    }
  };

  return {
    createMeeting: (id, initialState, projection) =>
      write('createMeeting', () => {
        if (stmt.getMeeting.get(id)) throw new MeetingExistsError(id);
        const t = now();
        stmt.insertMeeting.run(id, projection.title, projection.status, projection.scheduledStart, t, t);
        stmt.insertSnapshot.run(id, initialState, 0);
        return toRow(stmt.getMeeting.get(id)!);
      }),

    meetingExists: (id) => read('meetingExists', () => stmt.getMeeting.get(id) !== undefined),

    getMeetingRow: (id) =>
      read('getMeetingRow', () => {
        const r = stmt.getMeeting.get(id);
        return r ? toRow(r) : null;
      }),

    listMeetings: () => read('listMeetings', () => stmt.listMeetings.all().map(toRow)),

    loadMeeting: (id) =>
      read('loadMeeting', (): StoredMeeting | null =>
        db.transaction(() => {
          if (!stmt.getMeeting.get(id)) return null;
          const snap = stmt.getSnapshot.get(id);
          const uptoSeq = snap?.upto_seq ?? 0;
          return {
            snapshot: snap ? new Uint8Array(snap.data) : null,
            snapshotUptoSeq: uptoSeq,
            updates: stmt.getTail.all(id, uptoSeq).map((u) => ({ seq: u.seq, data: new Uint8Array(u.data) })),
          };
        })(),
      ),

    appendUpdate: (id, update) =>
      write('appendUpdate', () => {
        const seq = Number(stmt.appendUpdate.run(id, update).lastInsertRowid);
        stmt.touchMeeting.run(now(), id);
        return seq;
      }),

    compact: (id, snapshot, uptoSeq) =>
      write('compact', () => {
        requireMeeting(id);
        const current = stmt.getSnapshot.get(id);
        if (current && current.upto_seq > uptoSeq) return; // a newer snapshot already exists
        stmt.insertSnapshot.run(id, snapshot, uptoSeq);
        stmt.deleteUpTo.run(id, uptoSeq);
      }),

    updateProjection: (id, projection) =>
      write('updateProjection', () => {
        const info = stmt.updateProjection.run(projection.title, projection.status, projection.scheduledStart, id);
        if (info.changes === 0) throw new MeetingNotFoundError(id);
      }),

    flush: () => writes.flush(),

    close: async () => {
      if (closed) return;
      await writes.flush();
      closed = true;
      db.close();
    },
  };
}
