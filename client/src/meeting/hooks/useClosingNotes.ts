import { useMemo, useSyncExternalStore } from 'react';
import {
  getClosingNotes,
  removeClosingOverride,
  setClosingOverride,
  setNextMeeting,
  type ClosingNotes,
  type NextMeetingInput,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';
import { serverClock } from '../serverClock';

export type { ClosingNotes, ClosingOverrideRecord, NextMeetingNote } from '@suishin/shared';

/** The closing-checklist overrides and the next meeting noted in the document. */
export function useClosingNotes(): ClosingNotes {
  const store = useMeetingConnection().view('closingNotes', ['closing'], getClosingNotes);
  return useSyncExternalStore(store.subscribe, store.get);
}

export interface ClosingCommands {
  /** Accepts a checklist gap with a reason (shared's ValidationError if the reason is empty). */
  override(gapId: string, reason: string, by: string): void;
  withdrawOverride(gapId: string): void;
  setNextMeeting(input: NextMeetingInput): void;
}

export function useClosingCommands(): ClosingCommands {
  const { doc } = useMeetingConnection();
  return useMemo(
    () => ({
      override: (gapId, reason, by) => setClosingOverride(doc, gapId, { reason, by }, serverClock.now()),
      withdrawOverride: (gapId) => removeClosingOverride(doc, gapId),
      setNextMeeting: (input) => setNextMeeting(doc, input),
    }),
    [doc],
  );
}
