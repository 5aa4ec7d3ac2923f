/**
 * Keeps every meeting listed in the projection, drafts and live ones included, so the archive and
 * the home page page over one indexed table instead of opening documents: a meeting is listed when
 * it is created and again whenever its list row (title, status, date) changes, which rooms write
 * through the store. Ended meetings are projected in full by the closing service; a listing never
 * replaces those rows (see ProjectionStore.replaceMeeting).
 *
 * The store is wrapped (as closing/notifyWhenEnded does) because creation happens in several
 * places (the REST route, "next meeting" of a series) and list rows are written by rooms.
 */
import * as Y from 'yjs';
import { getClosingNotes, toMeetingView } from '@suishin/shared';
import type { Logger } from '../logger';
import type { MeetingProjection, MeetingRow, MeetingStore } from '../persistence/store';
import { docFromStored } from '../meetings/storedDocument';
import { toMeetingRecord, type RecordOptions } from './meetingRecord';
import type { ProjectionStore } from './projectionStore';

export interface MeetingListingDeps {
  /** The store itself (not the wrapped one), to read documents of meetings no room holds. */
  store: MeetingStore;
  projection: () => ProjectionStore;
  /** The open room's document, if a room holds the meeting. */
  openDoc: (meetingId: string) => Y.Doc | null;
  recordOptions: () => RecordOptions;
  logger: Logger;
}

export class MeetingListing {
  constructor(private readonly deps: MeetingListingDeps) {}

  /** A meeting was just created with this state. */
  async created(row: MeetingRow, initialState: Uint8Array): Promise<void> {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, initialState);
      await this.list(doc, row);
    } catch (error) {
      this.deps.logger.error('listing a new meeting failed', { meetingId: row.id, error });
    } finally {
      doc.destroy();
    }
  }

  /** Its list row changed; an ended meeting is left to the closing service's projection. */
  async changed(meetingId: string, projection: MeetingProjection): Promise<void> {
    if (projection.status === 'ended') return;
    try {
      const row = await this.deps.store.getMeetingRow(meetingId);
      if (!row) return;
      const open = this.deps.openDoc(meetingId);
      if (open) return await this.list(open, row);
      const stored = await this.deps.store.loadMeeting(meetingId);
      if (!stored) return;
      const doc = docFromStored(stored);
      try {
        await this.list(doc, row);
      } finally {
        doc.destroy();
      }
    } catch (error) {
      this.deps.logger.error('listing a meeting failed', { meetingId, error });
    }
  }

  private async list(doc: Y.Doc, row: MeetingRow) {
    const record = toMeetingRecord(toMeetingView(doc, row.id), getClosingNotes(doc), { ...this.deps.recordOptions(), createdAt: row.createdAt });
    await this.deps.projection().replaceMeeting(record);
  }
}

/** The store as everyone uses it, listing meetings as they are created and their list rows change. */
export function withListing(store: MeetingStore, listing: () => MeetingListing): MeetingStore {
  const createMeeting: MeetingStore['createMeeting'] = async (id, initialState, projection) => {
    const row = await store.createMeeting(id, initialState, projection);
    await listing().created(row, initialState);
    return row;
  };
  const updateProjection: MeetingStore['updateProjection'] = async (id, projection) => {
    await store.updateProjection(id, projection);
    await listing().changed(id, projection);
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'createMeeting') return createMeeting;
      if (property === 'updateProjection') return updateProjection;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
