/**
 * A MeetingStore in memory, for tests and to hold the store's contract to a second adapter
 * (testing/contracts/meetingStoreContract.ts). `MemoryStorage` is what survives a "restart":
 * open another store over the same storage.
 */
import {
  MeetingExistsError,
  MeetingNotFoundError,
  StorageError,
  TrashStateError,
  type ClientClaim,
  type MeetingRow,
  type MeetingStore,
  type StoredMeeting,
} from '../../persistence/store';

interface MeetingData {
  row: MeetingRow;
  snapshot: Uint8Array;
  snapshotUptoSeq: number;
  log: { seq: number; data: Uint8Array }[];
  owners: Map<number, string>;
  keyVersion: number;
  trashed: { deletedAt: number; deletedBy: string | null } | null;
}

export interface MemoryStorage {
  meetings: Map<string, MeetingData>;
  revoked: Map<string, number>;
  nextSeq: number;
}

export const memoryStorage = (): MemoryStorage => ({ meetings: new Map(), revoked: new Map(), nextSeq: 1 });

const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

export function openMemoryStore(storage: MemoryStorage = memoryStorage(), now: () => number = Date.now): MeetingStore {
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new StorageError('store is closed');
  };
  const meeting = (id: string) => {
    const found = storage.meetings.get(id);
    if (!found) throw new MeetingNotFoundError(id);
    return found;
  };
  /** Like a write of the real adapters: asynchronous, rejecting (never throwing). */
  const write = async <T>(run: () => T): Promise<T> => {
    await Promise.resolve();
    ensureOpen();
    return run();
  };
  const read = async <T>(run: () => T): Promise<T> => {
    ensureOpen();
    return run();
  };
  const trashState = (id: string, expected: boolean) => {
    const m = meeting(id);
    if ((m.trashed !== null) !== expected) throw new TrashStateError(id, m.trashed !== null);
    return m;
  };
  const rows = () =>
    [...storage.meetings.values()].filter((m) => m.trashed === null).map((m) => ({ ...m.row })).sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));

  return {
    createMeeting: (id, initialState, projection) =>
      write(() => {
        if (storage.meetings.has(id)) throw new MeetingExistsError(id);
        const at = now();
        const row: MeetingRow = { id, ...projection, createdAt: at, updatedAt: at };
        storage.meetings.set(id, { row, snapshot: copy(initialState), snapshotUptoSeq: 0, log: [], owners: new Map(), keyVersion: 1, trashed: null });
        return { ...row };
      }),
    meetingExists: (id) => read(() => storage.meetings.has(id)),
    getMeetingRow: (id) => read(() => (storage.meetings.has(id) ? { ...storage.meetings.get(id)!.row } : null)),
    listMeetings: () => read(rows),
    listMeetingsPage: (limit, after) =>
      read(() => {
        const all = rows();
        const start = after ? all.findIndex((r) => r.updatedAt < after.updatedAt || (r.updatedAt === after.updatedAt && r.id > after.id)) : 0;
        const rest = start < 0 ? [] : all.slice(start);
        const page = rest.slice(0, limit);
        const last = page.at(-1);
        return { rows: page, next: rest.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
      }),
    loadMeeting: (id) =>
      read((): StoredMeeting | null => {
        const m = storage.meetings.get(id);
        if (!m) return null;
        return {
          snapshot: copy(m.snapshot),
          snapshotUptoSeq: m.snapshotUptoSeq,
          updates: m.log.filter((u) => u.seq > m.snapshotUptoSeq).map((u) => ({ seq: u.seq, data: copy(u.data) })),
          clientOwners: [...m.owners],
        };
      }),
    appendUpdate: (id, update, claims: readonly ClientClaim[] = []) =>
      write(() => {
        const m = meeting(id);
        const seq = storage.nextSeq++;
        m.log.push({ seq, data: copy(update) });
        for (const [client, principal] of claims) if (!m.owners.has(client)) m.owners.set(client, principal);
        m.row.updatedAt = Math.max(m.row.updatedAt, now());
        return seq;
      }),
    compact: (id, snapshot, { replaces, contains }) =>
      write(() => {
        const m = meeting(id);
        if (m.snapshotUptoSeq !== replaces) return null;
        const folded = new Set(contains);
        m.log = m.log.filter((u) => !folded.has(u.seq));
        const highest = Math.max(replaces, ...contains);
        const first = m.log.length > 0 ? Math.min(...m.log.map((u) => u.seq)) : null;
        m.snapshot = copy(snapshot);
        m.snapshotUptoSeq = first === null ? highest : Math.max(replaces, Math.min(highest, first - 1));
        return m.snapshotUptoSeq;
      }),
    updateProjection: (id, projection) =>
      write(() => {
        const m = meeting(id);
        m.row = { ...m.row, ...projection };
      }),
    getAccessKeyVersion: (id) => read(() => storage.meetings.get(id)?.keyVersion ?? null),
    rotateAccessKey: (id) => write(() => ++meeting(id).keyVersion),
    revokeSession: (sessionId, expiresAt) =>
      write(() => {
        storage.revoked.set(sessionId, expiresAt);
        for (const [sid, until] of storage.revoked) if (until <= now()) storage.revoked.delete(sid);
      }),
    listRevokedSessions: () =>
      read(() =>
        [...storage.revoked]
          .filter(([, until]) => until > now())
          .map(([sessionId, expiresAt]) => ({ sessionId, expiresAt }))
          .sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1)),
      ),
    trashMeeting: (id, deletedAt, deletedBy) =>
      write(() => {
        trashState(id, false).trashed = { deletedAt, deletedBy };
      }),
    untrashMeeting: (id) =>
      write(() => {
        trashState(id, true).trashed = null;
      }),
    listTrash: () =>
      read(() =>
        [...storage.meetings.values()]
          .flatMap((m) => (m.trashed ? [{ row: { ...m.row }, ...m.trashed }] : []))
          .sort((a, b) => b.deletedAt - a.deletedAt || (a.row.id < b.row.id ? -1 : 1)),
      ),
    purgeMeeting: (id) =>
      write(() => {
        trashState(id, true);
        storage.meetings.delete(id);
      }),
    flush: async () => {
      await Promise.resolve();
    },
    close: async () => {
      closed = true;
    },
  };
}
