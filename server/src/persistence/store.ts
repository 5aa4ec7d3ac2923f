/**
 * The storage seam. Rooms and routes talk to this interface only; SQLite is the embedded default
 * and a PostgreSQL adapter can implement the same contract (see storeContract.ts).
 *
 * Documents are stored as opaque Yjs updates: a snapshot (the merged state up to `uptoSeq`) plus an
 * append-only log of later updates. Nothing here knows the meeting's document layout; the
 * `meetings` row is a projection (title, status, …) that callers refresh from the document.
 */

export type MeetingStatusValue = 'draft' | 'live' | 'ended';

/** The list projection of one meeting. Times are epoch milliseconds. */
export interface MeetingRow {
  id: string;
  title: string;
  status: MeetingStatusValue;
  scheduledStart: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A place in the meetings list: the last row's updatedAt and id. */
export interface MeetingListPosition {
  updatedAt: number;
  id: string;
}

/** The document-derived fields of a MeetingRow. */
export interface MeetingProjection {
  title: string;
  status: MeetingStatusValue;
  scheduledStart: string | null;
}

export interface StoredUpdate {
  /** Position in the log; strictly increasing per meeting, never reused. */
  seq: number;
  data: Uint8Array;
}

/**
 * A Yjs client id of a meeting and the principal it is bound to (sync/clientOwners.ts): the first
 * sign-in to write content under it.
 */
export type ClientClaim = readonly [clientId: number, principal: string];

export interface StoredMeeting {
  /** Merged state of every update with seq <= snapshotUptoSeq, or null if never compacted. */
  snapshot: Uint8Array | null;
  snapshotUptoSeq: number;
  /** Updates after the snapshot, in seq order. */
  updates: StoredUpdate[];
  /** Every client id claimed in the meeting so far, in no particular order. */
  clientOwners: ClientClaim[];
}

export interface MeetingStore {
  /** Creates the meeting with its initial document state. Throws MeetingExistsError on a duplicate id. */
  createMeeting(id: string, initialState: Uint8Array, projection: MeetingProjection): Promise<MeetingRow>;
  meetingExists(id: string): Promise<boolean>;
  getMeetingRow(id: string): Promise<MeetingRow | null>;
  /** Most recently updated first. Every meeting: for batch jobs (rebuilds, the CLI); requests page. */
  listMeetings(): Promise<MeetingRow[]>;
  /**
   * At most `limit` meetings in the same order, after `after` (the last row of the previous page);
   * `next` is that position for the following page, null after the last.
   */
  listMeetingsPage(limit: number, after?: MeetingListPosition | null): Promise<{ rows: MeetingRow[]; next: MeetingListPosition | null }>;
  /** Snapshot plus tail, or null for an unknown id. Never writes. */
  loadMeeting(id: string): Promise<StoredMeeting | null>;
  /**
   * Appends one update to the meeting's log. Resolves with its seq once the update is durable
   * (committed with the store's durability guarantee); rejects with StorageError otherwise.
   * Appends made in the same tick may share one transaction (group commit). `claims` (client ids the
   * update is the first to write under) are stored in the same transaction as the update; a client
   * id claimed before keeps its first principal.
   */
  appendUpdate(id: string, update: Uint8Array, claims?: readonly ClientClaim[]): Promise<number>;
  /**
   * Folds log rows into a new snapshot. `snapshot` must contain the stored snapshot whose
   * snapshotUptoSeq is `replaces` and exactly the log rows listed in `contains`; only those rows are
   * dropped, so an update someone else appended (and the snapshot lacks) is never lost. Resolves with
   * the new snapshotUptoSeq: the highest seq below the first row still in the log (rows after it
   * that the snapshot also contains are kept; applying them again changes nothing). Resolves null,
   * changing nothing, when the stored snapshot is no longer the one `replaces` names (another writer
   * compacted meanwhile): this snapshot may lack what that one folded in.
   */
  compact(id: string, snapshot: Uint8Array, folded: CompactedRows): Promise<number | null>;
  /** Refreshes the list projection of the meeting from its document. */
  updateProjection(id: string, projection: MeetingProjection): Promise<void>;
  /**
   * The meeting's access key version: every role link and grant is signed with the version current
   * when it was issued and is valid only while it still is. 1 until the first rotation; null for an
   * unknown meeting.
   */
  getAccessKeyVersion(id: string): Promise<number | null>;
  /** Increments the access key version (revoking every link issued before) and resolves with the new one. */
  rotateAccessKey(id: string): Promise<number>;
  /**
   * Records that session `sessionId` was signed out; kept until `expiresAt` (epoch ms, when its cookie
   * would have expired anyway), after which it may be dropped. Resolves once durable.
   */
  revokeSession(sessionId: string, expiresAt: number): Promise<void>;
  /** The signed-out sessions that have not expired yet. */
  listRevokedSessions(): Promise<Array<{ sessionId: string; expiresAt: number }>>;
  /**
   * Moves the meeting to the trash (trash/trashService.ts): listMeetings and listMeetingsPage leave
   * it out from then on; its document, rows and access key stay as they are until it is restored or
   * purged. Throws MeetingNotFoundError for an unknown meeting, TrashStateError if already trashed.
   */
  trashMeeting(id: string, deletedAt: number, deletedBy: string | null): Promise<void>;
  /** Takes the meeting out of the trash, as it was. Throws TrashStateError if it is not in it. */
  untrashMeeting(id: string): Promise<void>;
  /** The trashed meetings, most recently deleted first. */
  listTrash(): Promise<TrashedMeeting[]>;
  /**
   * Removes a trashed meeting for good: its row, every update and snapshot, its access key and
   * client claims. Throws TrashStateError unless it is in the trash (nothing live is ever purged).
   */
  purgeMeeting(id: string): Promise<void>;
  /** Resolves once every write requested so far has been committed (or has failed). */
  flush(): Promise<void>;
  /** Flushes, then releases the underlying resources. Further calls reject. */
  close(): Promise<void>;
}

/** A meeting in the trash: its list row and who deleted it when (epoch ms). */
export interface TrashedMeeting {
  row: MeetingRow;
  deletedAt: number;
  /** The deleter's display name, if any. */
  deletedBy: string | null;
}

/** What a compaction's snapshot holds (MeetingStore.compact). */
export interface CompactedRows {
  /** snapshotUptoSeq of the stored snapshot it was built on. */
  replaces: number;
  /** The log rows (seqs) folded into it. */
  contains: readonly number[];
}

/** Storage failed (I/O error, disk full, closed store, …). `cause` holds the driver error. */
export class StorageError extends Error {
  override name = 'StorageError';
  readonly code = 'storage_failed';
}

export class MeetingNotFoundError extends Error {
  override name = 'MeetingNotFoundError';
  readonly code = 'not_found';
  constructor(readonly meetingId: string) {
    super(`unknown meeting ${meetingId}`);
  }
}

export class MeetingExistsError extends Error {
  override name = 'MeetingExistsError';
  readonly code = 'conflict';
  constructor(readonly meetingId: string) {
    super(`meeting ${meetingId} already exists`);
  }
}

/** The meeting is (or is not) in the trash, which the operation needs the other way round. */
export class TrashStateError extends Error {
  override name = 'TrashStateError';
  readonly code = 'conflict';
  constructor(
    readonly meetingId: string,
    readonly trashed: boolean,
  ) {
    super(trashed ? `meeting ${meetingId} is already in the trash` : `meeting ${meetingId} is not in the trash`);
  }
}
