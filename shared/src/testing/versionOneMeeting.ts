import * as Y from 'yjs';
import { addActionItem } from '../model/actionItems';
import { initMeeting } from '../model/meeting';

/**
 * A meeting as version 1 of the document layout stored it: one carried action item whose
 * `carriedFrom` still names the meeting of `via` `from` (model/migrations/carriedFromViaMeeting.ts).
 * For tests of the migration, here and in the server (a stored old meeting).
 */
export function versionOneMeeting(title = 'Old meeting'): { doc: Y.Doc; actionItemId: string } {
  const doc = new Y.Doc();
  initMeeting(doc, { title });
  const actionItemId = addActionItem(doc, { title: '見積もりを送付する' }, { id: 'carried-1', now: 1_000 });
  doc.transact(() => {
    doc.getMap<unknown>('meta').set('schemaVersion', 1);
    doc.getMap<Y.Map<unknown>>('actionItems').get(actionItemId)!.set('carriedFrom', {
      root: { meetingId: 'm0', actionItemId: 'a0' },
      via: { meetingId: 'm1', actionItemId: 'a1' },
      from: { number: 11, heldOn: '2026-12-03' },
    });
  });
  return { doc, actionItemId };
}

/** What version 2 reads `versionOneMeeting`'s carried item's meeting as. */
export const VERSION_ONE_VIA_MEETING = { number: 11, heldOn: '2026-12-03' } as const;
