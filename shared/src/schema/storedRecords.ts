import { closingOverrideRecord, nextMeetingRecord } from './closingRecords';
import { issueRecord } from './issueRecords';
import { meetingMetaRecord } from './meetingMeta';
import { actionItemRecord, agendaItemRecord, attendeeRecord, decisionRecord, kpiRecord } from './meetingRecords';

export type { StoredRecordShape } from './recordSchema';

/**
 * What each field of a record may hold once it is in a meeting's document: the server checks every
 * record a client's update changes against these (model/documentShape.ts), so a crafted value (a
 * number where a title belongs, a megabyte of owner name, an unknown status) is refused like any
 * other bad update. Derived from the record declarations (meetingRecords.ts, meetingMeta.ts,
 * closingRecords.ts), which the writers and readers use too: stored values are checked as they
 * are, never transformed. `required` lists the fields a newly created record must have.
 */
export const storedMeta = meetingMetaRecord.stored;
export const storedAttendee = attendeeRecord.stored;
export const storedAgendaItem = agendaItemRecord.stored;
export const storedDecision = decisionRecord.stored;
export const storedActionItem = actionItemRecord.stored;
export const storedKpi = kpiRecord.stored;
export const storedIssue = issueRecord.stored;

/** Values of the `closing` map (model/closingNotes.ts has the keys). */
export const storedClosingOverride = closingOverrideRecord.storedValue;
export const storedNextMeeting = nextMeetingRecord.storedValue;
