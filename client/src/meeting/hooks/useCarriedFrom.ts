import { useSyncExternalStore } from 'react';
import { listCarriedFrom, type CarriedFromMeeting } from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';

/**
 * Where each carried action item came from (the meeting of the series it was carried from), by
 * action item id; re-read only when action items change. Items carried before this was recorded
 * map to null (they came from the last meeting).
 */
export function useCarriedFrom(): ReadonlyMap<string, CarriedFromMeeting | null> {
  const store = useMeetingConnection().view('carriedFrom', ['actionItems'], (doc) => {
    const out = new Map<string, CarriedFromMeeting | null>();
    for (const [id, origin] of listCarriedFrom(doc)) out.set(id, origin.viaMeeting ?? null);
    return out;
  });
  return useSyncExternalStore(store.subscribe, store.get);
}
