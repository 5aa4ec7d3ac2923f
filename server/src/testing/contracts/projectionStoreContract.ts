/** What every ProjectionStore adapter must do with what it is given (its reads are HistoryReads'). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { endMeeting, getClosingNotes, initMeeting, startMeeting, toMeetingView } from '@suishin/shared';
import { toMeetingRecord } from '../../projections/meetingRecord';
import type { ProjectionStore } from '../../projections/projectionStore';

function record(meetingId: string, ended: boolean, title = meetingId) {
  const doc = new Y.Doc();
  initMeeting(doc, { title });
  if (ended) {
    startMeeting(doc, 1_000);
    endMeeting(doc, 2_000);
  }
  const r = toMeetingRecord(toMeetingView(doc, meetingId), getClosingNotes(doc));
  doc.destroy();
  return r;
}

export function runProjectionStoreContract(name: string, open: () => Promise<ProjectionStore>) {
  describe(`ProjectionStore contract: ${name}`, () => {
    it('[projection-replace] replaces a meeting\'s rows, removes and clears them', async () => {
      const store = await open();
      await store.replaceMeeting(record('a', false));
      await store.replaceMeeting(record('b', true));
      await store.replaceMeeting(record('b', true, 'renamed'));
      expect(await store.meetingIds()).toEqual(['a', 'b']);
      await store.removeMeeting('a');
      expect(await store.meetingIds()).toEqual(['b']);
      await store.clear();
      expect(await store.meetingIds()).toEqual([]);
    });

    it('[ended-not-relisted] a draft or live record never replaces a meeting projected as ended', async () => {
      const store = await open();
      await store.replaceMeeting(record('m', true, 'final'));
      await store.replaceMeeting(record('m', false, 'a late listing'));
      expect(await store.meetingIds()).toEqual(['m']);
      await store.replaceMeeting(record('m', true, 'final again'));
      expect(await store.meetingIds()).toEqual(['m']);
    });
  });
}
