import type * as Y from 'yjs';
import type { Rooms } from '../sync/rooms';
import { docFromStored } from '../meetings/storedDocument';
import type { MeetingStore } from './store';

/**
 * Reads a meeting's current document: the open room's (newest, unsaved edits included), else the
 * stored one, built for the read and destroyed after. Null when the meeting does not exist.
 */
export async function readCurrentDoc<T>(deps: { rooms: Rooms; store: MeetingStore }, meetingId: string, read: (doc: Y.Doc) => T): Promise<T | null> {
  const open = deps.rooms.peek(meetingId);
  if (open) return read(open.doc);
  const stored = await deps.store.loadMeeting(meetingId);
  if (!stored) return null;
  const doc = docFromStored(stored);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}
