import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { GroupCommit } from '../groupCommit';
import {
  MeetingExistsError,
  MeetingNotFoundError,
  StorageError,
  TrashStateError,
  type MeetingRow,
  type MeetingStore,
  type StoredMeeting,
} from '../store';
import { openStoreFile } from './storeFile';
import type { WriterRequest, WriterResponse } from './sqliteWriter';
import { toMeetingRow, type MeetingRecord, type SerializedWriteError, type WriteOp, type WriteResult } from './writeOps';

/** Lists leave trashed meetings out (trash table, migration 6). */
const NOT_TRASHED = 'NOT EXISTS (SELECT 1 FROM trash t WHERE t.meeting_id = meetings.id)';

export interface SqliteStoreOptions {
  /** Directory for the database file; created if missing. */
  dataDir: string;
  fileName?: string;
  now?: () => number;
}

const asStorageError = (action: string, error: unknown) =>
  error instanceof StorageError || error instanceof MeetingNotFoundError || error instanceof MeetingExistsError || error instanceof TrashStateError
    ? error
    : new StorageError(`${action} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });

function reviveError(e: SerializedWriteError): Error {
  if (e.name === 'MeetingExistsError') return new MeetingExistsError(e.meetingId ?? '');
  if (e.name === 'MeetingNotFoundError') return new MeetingNotFoundError(e.meetingId ?? '');
  if (e.name === 'TrashStateError') return new TrashStateError(e.meetingId ?? '', e.trashed ?? false);
  return new StorageError(e.message);
}

/**
 * The writer thread, spawned on first use and again if it ever dies. Each request is one batch
 * (one transaction); it resolves with the batch's results once the transaction has committed.
 */
class WriterThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: unknown[]): void; reject(e: Error): void }>();

  constructor(private readonly file: string) {}

  run(ops: WriteOp[]): Promise<unknown[]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ops } satisfies WriterRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(writerEntry(), { workerData: { file: this.file } });
    worker.on('message', (response: WriterResponse) => {
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      if ('error' in response) waiter.reject(reviveError(response.error));
      else waiter.resolve(response.results);
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const waiter of this.pending.values()) waiter.reject(new StorageError(`writer thread failed: ${error.message}`));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  async close() {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ close: true } satisfies WriterRequest);
    await exited;
  }
}

/**
 * SQLite adapter. Reads run on the calling thread over their own connection (WAL readers never
 * wait for the writer); writes are grouped per tick and committed on the writer thread. A file it
 * cannot trust (empty, unreadable, damaged) throws StartupError and is left as it is (storeFile.ts).
 */
export function openSqliteStore(options: SqliteStoreOptions): MeetingStore {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const file = join(options.dataDir, options.fileName ?? 'suishin.sqlite');
  const db = openStoreFile(file);
  db.pragma('query_only = ON'); // this connection only reads from here on

  const stmt = {
    getMeeting: db.prepare<[string], MeetingRecord>('SELECT * FROM meetings WHERE id = ?'),
    listMeetings: db.prepare<[], MeetingRecord>(`SELECT * FROM meetings WHERE ${NOT_TRASHED} ORDER BY updated_at DESC, id`),
    firstPage: db.prepare<[number], MeetingRecord>(`SELECT * FROM meetings WHERE ${NOT_TRASHED} ORDER BY updated_at DESC, id LIMIT ?`),
    nextPage: db.prepare<[number, number, string, number], MeetingRecord>(
      `SELECT * FROM meetings WHERE ${NOT_TRASHED} AND updated_at <= ? AND (updated_at < ? OR id > ?) ORDER BY updated_at DESC, id LIMIT ?`,
    ),
    listTrash: db.prepare<[], MeetingRecord & { deleted_at: number; deleted_by: string | null }>(
      'SELECT m.*, t.deleted_at, t.deleted_by FROM trash t JOIN meetings m ON m.id = t.meeting_id ORDER BY t.deleted_at DESC, m.id',
    ),
    getSnapshot: db.prepare<[string], { data: Buffer; upto_seq: number }>(
      'SELECT data, upto_seq FROM snapshots WHERE meeting_id = ?',
    ),
    getTail: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE meeting_id = ? AND seq > ? ORDER BY seq',
    ),
    getClientOwners: db.prepare<[string], { client_id: number; principal: string }>(
      'SELECT client_id, principal FROM client_owners WHERE meeting_id = ?',
    ),
    revokedSessions: db.prepare<[number], { session_id: string; expires_at: number }>(
      'SELECT session_id, expires_at FROM revoked_sessions WHERE expires_at > ? ORDER BY session_id',
    ),
    getAccessKey: db.prepare<[string], { key_version: number | null }>(
      'SELECT a.key_version FROM meetings m LEFT JOIN meeting_access a ON a.meeting_id = m.id WHERE m.id = ?',
    ),
  };
  const readMeeting = db.transaction((id: string): StoredMeeting | null => {
    if (!stmt.getMeeting.get(id)) return null;
    const snap = stmt.getSnapshot.get(id);
    const uptoSeq = snap?.upto_seq ?? 0;
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      snapshotUptoSeq: uptoSeq,
      updates: stmt.getTail.all(id, uptoSeq).map((u) => ({ seq: u.seq, data: new Uint8Array(u.data) })),
      clientOwners: stmt.getClientOwners.all(id).map((o) => [o.client_id, o.principal] as const),
    };
  });

  const writer = new WriterThread(file);
  const writes = new GroupCommit<WriteOp>({ commitBatch: (ops) => writer.run(ops) });
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new StorageError('store is closed');
  };
  const write = async <R extends WriteResult>(op: WriteOp): Promise<R> => {
    ensureOpen();
    try {
      return await writes.submit<R>(op);
    } catch (error) {
      throw asStorageError(op.kind, error);
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
      write<MeetingRow>({ kind: 'createMeeting', id, initialState, projection, now: now() }),
    meetingExists: (id) => read('meetingExists', () => stmt.getMeeting.get(id) !== undefined),
    getMeetingRow: (id) =>
      read('getMeetingRow', () => {
        const r = stmt.getMeeting.get(id);
        return r ? toMeetingRow(r) : null;
      }),
    listMeetings: () => read('listMeetings', () => stmt.listMeetings.all().map(toMeetingRow)),
    listMeetingsPage: (limit, after) =>
      read('listMeetingsPage', () => {
        const found = (after ? stmt.nextPage.all(after.updatedAt, after.updatedAt, after.id, limit + 1) : stmt.firstPage.all(limit + 1)).map(toMeetingRow);
        const rows = found.slice(0, limit);
        const last = rows.at(-1);
        return { rows, next: found.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
      }),
    loadMeeting: (id) => read('loadMeeting', () => readMeeting(id)),
    appendUpdate: (id, update, claims = []) => write<number>({ kind: 'appendUpdate', id, update, claims, now: now() }),
    compact: (id, snapshot, folded) => write<number | null>({ kind: 'compact', id, snapshot, folded }),
    updateProjection: async (id, projection) => {
      await write({ kind: 'updateProjection', id, projection });
    },
    getAccessKeyVersion: (id) =>
      read('getAccessKeyVersion', () => {
        const r = stmt.getAccessKey.get(id);
        return r ? (r.key_version ?? 1) : null;
      }),
    rotateAccessKey: (id) => write<number>({ kind: 'rotateAccessKey', id }),
    revokeSession: async (sessionId, expiresAt) => {
      await write({ kind: 'revokeSession', sessionId, expiresAt, now: now() });
    },
    listRevokedSessions: () =>
      read('listRevokedSessions', () =>
        stmt.revokedSessions.all(now()).map((r) => ({ sessionId: r.session_id, expiresAt: r.expires_at })),
      ),
    trashMeeting: async (id, deletedAt, deletedBy) => {
      await write({ kind: 'trashMeeting', id, deletedAt, deletedBy });
    },
    untrashMeeting: async (id) => {
      await write({ kind: 'untrashMeeting', id });
    },
    listTrash: () =>
      read('listTrash', () => stmt.listTrash.all().map((r) => ({ row: toMeetingRow(r), deletedAt: r.deleted_at, deletedBy: r.deleted_by }))),
    purgeMeeting: async (id) => {
      await write({ kind: 'purgeMeeting', id });
    },
    flush: () => writes.flush(),
    close: async () => {
      if (closed) return;
      await writes.flush();
      closed = true;
      await writer.close();
      db.close();
    },
  };
}

/**
 * The writer thread's entry: from sources (tests, development) a boot file that loads the
 * TypeScript writer through tsx; in the production build (build/bundle.ts) the bundled writer
 * next to this chunk in server/dist.
 */
function writerEntry(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./sqliteWriter.boot.mjs', import.meta.url) : new URL('./sqliteWriter.js', import.meta.url);
}
