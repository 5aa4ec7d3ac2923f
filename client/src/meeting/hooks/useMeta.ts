import { useSyncExternalStore } from 'react';
import { getMeta, type MeetingMeta } from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';

const readMeta = (doc: Parameters<typeof getMeta>[0]): MeetingMeta | null => {
  try {
    return getMeta(doc);
  } catch {
    return null; // not initialised yet (nothing loaded)
  }
};

/** The meeting's meta (title, status, schedule…), or null until the document is loaded. */
export function useMeta(): MeetingMeta | null {
  const store = useMeetingConnection().view('meta', ['meta'], readMeta);
  return useSyncExternalStore(store.subscribe, store.get);
}
