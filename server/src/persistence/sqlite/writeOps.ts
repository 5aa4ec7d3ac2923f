/**
 * The writes the SQLite store performs, as plain data so they can cross to the writer thread,
 * and the executor that runs a batch of them in one transaction.
 */
import type Database from 'better-sqlite3';
import type { ClientClaim, CompactedRows, MeetingProjection, MeetingRow, MeetingStatusValue } from '../store';

export type WriteOp =
  | { kind: 'createMeeting'; id: string; initialState: Uint8Array; projection: MeetingProjection; now: number }
  | { kind: 'appendUpdate'; id: string; update: Uint8Array; claims: readonly ClientClaim[]; now: number }
  | { kind: 'compact'; id: string; snapshot: Uint8Array; folded: CompactedRows }
  | { kind: 'updateProjection'; id: string; projection: MeetingProjection }
  | { kind: 'rotateAccessKey'; id: string }
  | { kind: 'revokeSession'; sessionId: string; expiresAt: number; now: number }
  | { kind: 'trashMeeting'; id: string; deletedAt: number; deletedBy: string | null }
  | { kind: 'untrashMeeting'; id: string }
  | { kind: 'purgeMeeting'; id: string };

export type WriteResult = MeetingRow | number | null | undefined;

/** An error as it crosses the thread boundary; `name` selects the typed error on the other side. */
export interface SerializedWriteError {
  name: string;
  message: string;
  meetingId?: string;
  trashed?: boolean;
}

export interface MeetingRecord {
  id: string;
  title: string;
  status: string;
  scheduled_start: string | null;
  created_at: number;
  updated_at: number;
}

export const toMeetingRow = (r: MeetingRecord): MeetingRow => ({
  id: r.id,
  title: r.title,
  status: r.status as MeetingStatusValue,
  scheduledStart: r.scheduled_start,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Thrown inside a batch; carries the meeting id so the typed error can be rebuilt. */
export class WriteOpError extends Error {
  constructor(
    override readonly name: 'MeetingExistsError' | 'MeetingNotFoundError' | 'TrashStateError',
    message: string,
    readonly meetingId: string,
    readonly trashed?: boolean,
  ) {
    super(message);
  }
}

export function createWriteExecutor(db: Database.Database) {
  const stmt = {
    getMeeting: db.prepare<[string], MeetingRecord>('SELECT * FROM meetings WHERE id = ?'),
    insertMeeting: db.prepare(
      'INSERT INTO meetings (id, title, status, scheduled_start, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    upsertSnapshot: db.prepare(
      'INSERT INTO snapshots (meeting_id, data, upto_seq) VALUES (?, ?, ?) ' +
        'ON CONFLICT (meeting_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq',
    ),
    snapshotSeq: db.prepare<[string], { upto_seq: number }>('SELECT upto_seq FROM snapshots WHERE meeting_id = ?'),
    appendUpdate: db.prepare<[string, Uint8Array]>('INSERT INTO updates (meeting_id, data) VALUES (?, ?)'),
    claimClient: db.prepare<[string, number, string]>(
      'INSERT INTO client_owners (meeting_id, client_id, principal) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    touchMeeting: db.prepare<[number, string]>('UPDATE meetings SET updated_at = max(updated_at, ?) WHERE id = ?'),
    deleteRow: db.prepare<[string, number]>('DELETE FROM updates WHERE meeting_id = ? AND seq = ?'),
    firstRow: db.prepare<[string], { seq: number | null }>('SELECT min(seq) AS seq FROM updates WHERE meeting_id = ?'),
    updateProjection: db.prepare<[string, string, string | null, string]>(
      'UPDATE meetings SET title = ?, status = ?, scheduled_start = ? WHERE id = ?',
    ),
    bumpAccessKey: db.prepare<[string]>(
      'INSERT INTO meeting_access (meeting_id, key_version) VALUES (?, 2) ' +
        'ON CONFLICT (meeting_id) DO UPDATE SET key_version = key_version + 1',
    ),
    accessKey: db.prepare<[string], { key_version: number }>('SELECT key_version FROM meeting_access WHERE meeting_id = ?'),
    revokeSession: db.prepare<[string, number]>(
      'INSERT INTO revoked_sessions (session_id, expires_at) VALUES (?, ?) ' +
        'ON CONFLICT (session_id) DO UPDATE SET expires_at = max(expires_at, excluded.expires_at)',
    ),
    dropExpiredRevocations: db.prepare<[number]>('DELETE FROM revoked_sessions WHERE expires_at <= ?'),
    isTrashed: db.prepare<[string], { meeting_id: string }>('SELECT meeting_id FROM trash WHERE meeting_id = ?'),
    trash: db.prepare<[string, number, string | null]>('INSERT INTO trash (meeting_id, deleted_at, deleted_by) VALUES (?, ?, ?)'),
    untrash: db.prepare<[string]>('DELETE FROM trash WHERE meeting_id = ?'),
    purge: ['updates', 'snapshots', 'meeting_access', 'client_owners', 'trash'].map((table) =>
      db.prepare<[string]>(`DELETE FROM ${table} WHERE meeting_id = ?`),
    ),
    deleteMeeting: db.prepare<[string]>('DELETE FROM meetings WHERE id = ?'),
  };
  const trashState = (id: string, expected: boolean) => {
    if (!stmt.getMeeting.get(id)) throw new WriteOpError('MeetingNotFoundError', `unknown meeting ${id}`, id);
    const trashed = stmt.isTrashed.get(id) !== undefined;
    if (trashed !== expected) {
      throw new WriteOpError('TrashStateError', trashed ? `meeting ${id} is already in the trash` : `meeting ${id} is not in the trash`, id, trashed);
    }
  };

  const runOne = (op: WriteOp): WriteResult => {
    switch (op.kind) {
      case 'createMeeting': {
        if (stmt.getMeeting.get(op.id)) {
          throw new WriteOpError('MeetingExistsError', `meeting ${op.id} already exists`, op.id);
        }
        const p = op.projection;
        stmt.insertMeeting.run(op.id, p.title, p.status, p.scheduledStart, op.now, op.now);
        stmt.upsertSnapshot.run(op.id, op.initialState, 0);
        return toMeetingRow(stmt.getMeeting.get(op.id)!);
      }
      case 'appendUpdate': {
        // Fails on the foreign key if the meeting does not exist.
        const seq = Number(stmt.appendUpdate.run(op.id, op.update).lastInsertRowid);
        for (const [client, principal] of op.claims) stmt.claimClient.run(op.id, client, principal);
        stmt.touchMeeting.run(op.now, op.id);
        return seq;
      }
      case 'compact': {
        if (!stmt.getMeeting.get(op.id)) throw new WriteOpError('MeetingNotFoundError', `unknown meeting ${op.id}`, op.id);
        const { replaces, contains } = op.folded;
        const current = stmt.snapshotSeq.get(op.id)?.upto_seq ?? 0;
        if (current !== replaces) return null; // another writer's snapshot: this one may lack what it folded in
        for (const seq of contains) stmt.deleteRow.run(op.id, seq);
        const highest = Math.max(replaces, ...contains);
        const first = stmt.firstRow.get(op.id)?.seq ?? null;
        const upto = first === null ? highest : Math.max(replaces, Math.min(highest, first - 1));
        stmt.upsertSnapshot.run(op.id, op.snapshot, upto);
        return upto;
      }
      case 'updateProjection': {
        const p = op.projection;
        const info = stmt.updateProjection.run(p.title, p.status, p.scheduledStart, op.id);
        if (info.changes === 0) throw new WriteOpError('MeetingNotFoundError', `unknown meeting ${op.id}`, op.id);
        return undefined;
      }
      case 'rotateAccessKey': {
        if (!stmt.getMeeting.get(op.id)) throw new WriteOpError('MeetingNotFoundError', `unknown meeting ${op.id}`, op.id);
        stmt.bumpAccessKey.run(op.id);
        return stmt.accessKey.get(op.id)!.key_version;
      }
      case 'revokeSession': {
        stmt.dropExpiredRevocations.run(op.now); // the table holds only cookies that could still be replayed
        if (op.expiresAt > op.now) stmt.revokeSession.run(op.sessionId, op.expiresAt);
        return undefined;
      }
      case 'trashMeeting':
        trashState(op.id, false);
        stmt.trash.run(op.id, op.deletedAt, op.deletedBy);
        return undefined;
      case 'untrashMeeting':
        trashState(op.id, true);
        stmt.untrash.run(op.id);
        return undefined;
      case 'purgeMeeting':
        trashState(op.id, true);
        for (const remove of stmt.purge) remove.run(op.id);
        stmt.deleteMeeting.run(op.id);
        return undefined;
    }
  };

  /** Runs all ops in one transaction (all or nothing) and returns their results in order. */
  return db.transaction((ops: WriteOp[]) => ops.map(runOne));
}

export function serializeWriteError(error: unknown): SerializedWriteError {
  if (error instanceof WriteOpError) return { name: error.name, message: error.message, meetingId: error.meetingId, ...(error.trashed !== undefined ? { trashed: error.trashed } : {}) };
  return { name: 'StorageError', message: error instanceof Error ? error.message : String(error) };
}
