import { RootKey } from '../schema/keys';
import { attendeeRecord } from '../schema/meetingRecords';
import { defineCollection } from './collection';

export const attendees = defineCollection({
  kind: 'attendee',
  rootKey: RootKey.attendees,
  schema: attendeeRecord,
});

export const listAttendees = attendees.list;
export const getAttendee = attendees.get;
export const addAttendee = attendees.add;
export const updateAttendee = attendees.update;
export const removeAttendee = attendees.remove;
export const moveAttendee = attendees.move;
