import { useMemo, useSyncExternalStore } from 'react';
import {
  addAttendee,
  getAttendee,
  listAttendees,
  removeAttendee,
  updateAttendee,
  type Attendee,
  type AttendeeInput,
  type AttendeePatch,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';
import { shareUnchanged } from '../structuralSharing';

export type { Attendee, AttendeeInput, AttendeePatch } from '@suishin/shared';

/** Attendees recorded in the meeting (present or absent, with department), in order. */
export function useAttendees(): readonly Attendee[] {
  const store = useMeetingConnection().view('attendees', ['attendees'], readAttendees());
  return useSyncExternalStore(store.subscribe, store.get);
}

export interface AttendeeCommands {
  /** Throws shared's ValidationError on bad input (nothing changes). */
  add(input: AttendeeInput): string;
  update(id: string, patch: AttendeePatch): void;
  remove(id: string): void;
  /** Applies attendance taken from presence in one change (features/presence/attendanceFromPresence). */
  takeAttendance(plan: { update: ReadonlyArray<{ id: string } & AttendeePatch>; add: readonly AttendeeInput[] }): void;
}

export function useAttendeeCommands(): AttendeeCommands {
  const { doc } = useMeetingConnection();
  return useMemo(
    () => ({
      add: (input) => addAttendee(doc, input),
      update: (id, patch) => {
        // shared's attendee patch validator fills omitted fields with the *input* defaults
        // (department '', present true), so a bare { present: false } would also wipe the
        // department. Pass every field: the model skips writing the ones that did not change.
        const current = getAttendee(doc, id);
        updateAttendee(doc, id, current ? { name: current.name, department: current.department, present: current.present, ...patch } : patch);
      },
      remove: (id) => removeAttendee(doc, id),
      takeAttendance: (plan) =>
        doc.transact(() => {
          for (const { id, ...patch } of plan.update) {
            const current = getAttendee(doc, id);
            if (current) updateAttendee(doc, id, { name: current.name, department: current.department, present: current.present, ...patch });
          }
          for (const input of plan.add) addAttendee(doc, input);
        }),
    }),
    [doc],
  );
}

function readAttendees(): (doc: Parameters<typeof listAttendees>[0]) => readonly Attendee[] {
  let previous: readonly Attendee[] | undefined;
  return (doc) => (previous = shareUnchanged(previous, listAttendees(doc)));
}
