/**
 * The issue-6 projection store with the follow-through rows kept beside it: every time a meeting is
 * projected (it ended, trackers were pushed, a rebuild) its search rows and carry links are
 * written too, from the same record plus the carry origins of the stored document, and
 * `onProjected` runs (the series service writes closed carried items back to their history).
 * Drafts and live meetings are only listed (see meetingListing.ts): nothing of them is indexed.
 * Clearing it clears both, so rebuildProjection (projections/rebuild.ts) rebuilds everything.
 */
import { listCarriedFrom, type CarryOrigin } from '@suishin/shared';
import type { MeetingStore } from '../persistence/store';
import type { MeetingRecord } from '../projections/meetingRecord';
import type { ProjectionStore } from '../projections/projectionStore';
import { docFromStored } from '../meetings/storedDocument';
import type { FollowThroughIndex } from './followThroughIndex';

export async function storedCarryOrigins(store: MeetingStore, meetingId: string): Promise<Map<string, CarryOrigin>> {
  const stored = await store.loadMeeting(meetingId);
  if (!stored) return new Map();
  const doc = docFromStored(stored);
  try {
    return listCarriedFrom(doc);
  } finally {
    doc.destroy();
  }
}

export function withFollowThrough(
  inner: ProjectionStore,
  index: FollowThroughIndex,
  store: MeetingStore,
  hooks: { onProjected?: (record: MeetingRecord) => void; needsRebuild?: boolean } = {},
): ProjectionStore {
  return {
    async replaceMeeting(record) {
      await inner.replaceMeeting(record);
      if (record.meeting.status !== 'ended') return; // listed only: searched and followed through once it has ended
      index.indexMeeting(record, await storedCarryOrigins(store, record.meeting.meetingId));
      hooks.onProjected?.(record);
    },
    async removeMeeting(meetingId) {
      await inner.removeMeeting(meetingId);
      index.removeMeeting(meetingId);
    },
    async clear() {
      await inner.clear();
      index.clear();
    },
    meetingIds: () => inner.meetingIds(),
    get needsRebuild() {
      return inner.needsRebuild || (hooks.needsRebuild ?? false);
    },
    close: () => inner.close(),
  };
}
