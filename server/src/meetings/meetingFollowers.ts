/**
 * The features that follow meetings, wired to the room events once: a meeting is listed in the
 * projection when it is created and whenever its list row changes (a draft or live meeting: an
 * ended one is projected in full once, by the closing service's `ended` listener).
 */
import type { MeetingStore } from '../persistence/store';
import type { MeetingProjector } from '../projections/meetingProjector';
import type { RoomEvents } from '../sync/room/roomEvents';

export function followMeetings(deps: { events: RoomEvents; store: MeetingStore; projector: MeetingProjector }) {
  const { events, store, projector } = deps;
  events.on('created', (meetingId, doc, row) => projector.projectOrLog(meetingId, doc, row.createdAt));
  events.on('listed', async (meetingId, room, row) => {
    if (row.status === 'ended') return;
    // The room writing its list row waits for this, so its document is still there after the await.
    const createdAt = (await store.getMeetingRow(meetingId))?.createdAt;
    await projector.projectOrLog(meetingId, room.doc, createdAt);
  });
}
