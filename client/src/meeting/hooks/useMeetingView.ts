import { useSyncExternalStore } from 'react';
import { toMeetingView, type MeetingSection, type MeetingView } from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';

export type { MeetingView } from '@suishin/shared';

/** The joined meeting's id. */
export function useMeetingId(): string {
  return useMeetingConnection().meetingId;
}

const OUTCOME_SECTIONS: readonly MeetingSection[] = ['meta', 'attendees', 'agenda', 'decisions', 'actionItems', 'kpis', 'closing'];

/**
 * The whole meeting as shared's plain MeetingView (what the minutes, the exports and the closing
 * checklist read). With `notes: false` typing in notes does not re-read it (the agenda's notes
 * text in it may then be stale): the closing checklist needs no notes, the minutes do.
 */
export function useMeetingView({ notes }: { notes: boolean }): MeetingView {
  const connection = useMeetingConnection();
  const sections = notes ? [...OUTCOME_SECTIONS, 'notes' as const] : OUTCOME_SECTIONS;
  const store = connection.view(notes ? 'meetingView+notes' : 'meetingView', sections, (doc) =>
    toMeetingView(doc, connection.meetingId),
  );
  return useSyncExternalStore(store.subscribe, store.get);
}
