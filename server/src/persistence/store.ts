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

export interface StoredMeeting {
  /** Merged state of every update with seq <= snapshotUptoSeq, or null if never compacted. */
  snapshot: Uint8Array | null;
  snapshotUptoSeq: number;
  /** Updates after the snapshot, in seq order. */
  updates: StoredUpdate[];
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
   * Appends made in the same tick may share one transaction (group commit).
   */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /**
   * Replaces the snapshot with `snapshot`, which must contain every update with seq <= uptoSeq,
   * and drops those updates from the log. Updates appended later (seq > uptoSeq) are kept.
   */
  compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
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
  /** Resolves once every write requested so far has been committed (or has failed). */
  flush(): Promise<void>;
  /** Flushes, then releases the underlying resources. Further calls reject. */
  close(): Promise<void>;
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
