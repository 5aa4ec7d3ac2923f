/**
 * The one way the server's features reach a meeting's document. Reading takes the open room's
 * durable document if there is one, else builds the document from the store for that read only;
 * changing goes through the room's durable path (Room.applyServerChange: stored, then applied and
 * relayed to every client); creating writes a new meeting's first state. Nothing else builds
 * documents from stored bytes (storedDocument.ts is this folder's).
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { getMeta } from '@suishin/shared';
import type { MeetingRow, MeetingStore } from '../persistence/store';
import type { Rooms } from '../sync/rooms';
import { migrateReadCopy } from './migrateOnLoad';
import { docFromStored, storedFullState } from './storedDocument';

export interface MeetingDocumentsDeps {
  store: MeetingStore;
  /** The open rooms; null where none run (the CLIs read the store alone). */
  rooms: Rooms | null;
}

export class MeetingDocuments {
  constructor(private readonly deps: MeetingDocumentsDeps) {}

  /**
   * Runs `read` on the meeting's durable document; null for an unknown meeting. The document is
   * the open room's (so it must not be kept or changed) or a copy destroyed right after.
   */
  async read<T>(meetingId: string, read: (doc: Y.Doc) => T): Promise<T | null> {
    const open = this.deps.rooms?.peek(meetingId);
    if (open) return read(open.doc);
    const stored = await this.deps.store.loadMeeting(meetingId);
    if (!stored) return null;
    const doc = docFromStored(stored);
    try {
      migrateReadCopy(doc); // an older stored layout is read as migrated (nothing written)
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Whether the meeting exists (its row: no document is read). */
  async exists(meetingId: string): Promise<boolean> {
    return this.deps.rooms?.peek(meetingId) !== undefined || (await this.deps.store.meetingExists(meetingId));
  }

  /**
   * The meeting's durable state as one Yjs update; null for an unknown meeting. The open room's
   * cached state, else the stored snapshot when it alone is the meeting (already one update, and
   * structurally checked), else built from the store (throws on bytes that cannot be read).
   * Sent as stored, not migrated: a copy migrated here would be edits no store holds, which the
   * client would send back as its own. The socket's sync brings the room's durable migration.
   */
  async fullState(meetingId: string): Promise<Uint8Array | null> {
    const open = this.deps.rooms?.peek(meetingId);
    if (open) return open.fullStateUpdate;
    const stored = await this.deps.store.loadMeeting(meetingId);
    if (!stored) return null;
    const asStored = storedFullState(stored);
    if (asStored) return asStored;
    const doc = docFromStored(stored);
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Creates a meeting: `init` writes its first state on a new document (throw to create nothing),
   * and may read it (it is given the new id). Resolves with the stored row and `init`'s result,
   * once the meeting's followers have seen it (the `created` room event: it is listed).
   */
  async create<T>(init: (doc: Y.Doc, meetingId: string) => T, meetingId: string = randomUUID()): Promise<{ row: MeetingRow; result: T }> {
    const doc = new Y.Doc();
    try {
      const result = init(doc, meetingId);
      const meta = getMeta(doc);
      const row = await this.deps.store.createMeeting(meetingId, Y.encodeStateAsUpdate(doc), {
        title: meta.title,
        status: meta.status,
        scheduledStart: meta.scheduledStart,
      });
      await this.deps.rooms?.events.emit('created', meetingId, doc, row);
      return { row, result };
    } finally {
      doc.destroy();
    }
  }

  /**
   * A change the server makes to a meeting, through its room's durable path (loaded for it if
   * needed, unloaded after unless someone joined). Resolves once durable with `change`'s result and
   * `readAfter` of the durable document then (still held: no second load); null for an unknown
   * meeting. The meetings list row follows at once. Do slow work (network calls) before, not inside.
   */
  async change<T, R = undefined>(
    meetingId: string,
    change: (doc: Y.Doc) => T,
    readAfter?: (doc: Y.Doc, result: T) => R | Promise<R>,
  ): Promise<{ result: T; after: R } | null> {
    const rooms = this.deps.rooms;
    if (!rooms) throw new Error('changing a meeting needs its room: no rooms run here');
    return rooms.withRoom(meetingId, async (room) => {
      const result = await room.applyServerChange(change);
      await room.refreshProjection();
      const after = (readAfter ? await readAfter(room.doc, result) : undefined) as R;
      return { result, after };
    });
  }
}
