import { RootKey } from '../schema/keys';
import type { Attendee } from '../schema/records';
import { attendeeInputSchema, attendeePatchSchema } from '../schema/validators';
import { defineCollection } from './collection';
import { readBoolean, readString } from './fieldReaders';

export const attendees = defineCollection({
  kind: 'attendee',
  rootKey: RootKey.attendees,
  inputSchema: attendeeInputSchema,
  patchSchema: attendeePatchSchema,
  initialFields: (input) => ({
    name: input.name,
    department: input.department,
    present: input.present,
  }),
  read: (id, record): Attendee => ({
    id,
    name: readString(record, 'name'),
    department: readString(record, 'department'),
    present: readBoolean(record, 'present', true),
    order: readString(record, 'order'),
  }),
});

export const listAttendees = attendees.list;
export const getAttendee = attendees.get;
export const addAttendee = attendees.add;
export const updateAttendee = attendees.update;
export const removeAttendee = attendees.remove;
export const moveAttendee = attendees.move;
