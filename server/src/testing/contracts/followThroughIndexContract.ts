/** What every FollowThroughIndex adapter must answer through the port itself. */
import { describe, expect, it } from 'vitest';
import { addActionItem, endMeeting, getClosingNotes, initMeeting, startMeeting, toMeetingView, type CarryOrigin } from '@suishin/shared';
import * as Y from 'yjs';
import type { FollowThroughIndex } from '../../followThrough/followThroughIndex';
import { toMeetingRecord } from '../../projections/meetingRecord';

function endedRecord(meetingId: string, seriesId: string | null) {
  const doc = new Y.Doc();
  initMeeting(doc, { title: meetingId, seriesId });
  addActionItem(doc, { title: 'x' });
  startMeeting(doc, 1_000);
  endMeeting(doc, 2_000);
  const record = toMeetingRecord(toMeetingView(doc, meetingId), getClosingNotes(doc));
  doc.destroy();
  return record;
}

const origin = (rootMeeting: string, rootItem: string, via = rootMeeting): CarryOrigin => ({
  root: { meetingId: rootMeeting, actionItemId: rootItem },
  via: { meetingId: via, actionItemId: rootItem },
});

export function runFollowThroughIndexContract(name: string, open: () => Promise<FollowThroughIndex>) {
  describe(`FollowThroughIndex contract: ${name}`, () => {
    it('[carry-copies] finds every carried copy of a chain, and forgets a meeting removed', async () => {
      const index = await open();
      await index.indexMeeting(endedRecord('m2', 's'), new Map([['a2', origin('m1', 'a1')]]));
      await index.setCarryLinks('m3', new Map([['a3', origin('m1', 'a1', 'm2')], ['b3', origin('m9', 'b9')]]));
      expect(await index.carriedCopies({ meetingId: 'm1', actionItemId: 'a1' })).toEqual([
        { meetingId: 'm2', actionItemId: 'a2' },
        { meetingId: 'm3', actionItemId: 'a3' },
      ]);
      await index.removeMeeting('m2');
      expect(await index.carriedCopies({ meetingId: 'm1', actionItemId: 'a1' })).toEqual([{ meetingId: 'm3', actionItemId: 'a3' }]);
      await index.setCarryLinks('m3', new Map());
      expect(await index.carriedCopies({ meetingId: 'm1', actionItemId: 'a1' })).toEqual([]);
    });

    it('[series-members] lists a series\' meetings: linked, or indexed with it; clear empties everything', async () => {
      const index = await open();
      await index.linkSeriesMeeting('draft', 's1', 1);
      await index.indexMeeting(endedRecord('ended', 's1'), new Map());
      await index.indexMeeting(endedRecord('other', 's2'), new Map());
      expect((await index.seriesMeetingIds('s1')).sort()).toEqual(['draft', 'ended']);
      await index.linkSeriesMeeting('draft', null, 1);
      expect((await index.seriesMeetingIds('s1')).sort()).toEqual(['ended']);
      await index.clear();
      expect(await index.seriesMeetingIds('s1')).toEqual([]);
      expect(await index.seriesMeetingIds('s2')).toEqual([]);
    });
  });
}
