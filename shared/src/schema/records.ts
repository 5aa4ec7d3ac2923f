/**
 * The plain shapes of everything in a meeting document. These are what the typed model returns
 * and what the JSON view, REST API and exports carry; nothing outside shared/src/model knows how
 * they are laid out in Yjs. Each is the output of its record's declaration (meetingRecords.ts,
 * meetingMeta.ts), plus the record's id.
 */
import type * as z from 'zod/mini';
import type {
  actionItemRecord,
  agendaItemRecord,
  attendeeRecord,
  decisionRecord,
  externalRefSchema,
  itemLinkSchema,
  kpiRecord,
  KPI_DIRECTIONS,
  LINK_KINDS,
  TRACKER_KINDS,
  ACTION_ITEM_STATUSES,
  AGENDA_ITEM_STATUSES,
} from './meetingRecords';
import type { issueRecord, issueSourceSchema, escalationSchema, parentDecisionSchema, ISSUE_STATUSES, ISSUE_SEVERITIES } from './issueRecords';
import type { meetingMetaRecord, timerSchema, MEETING_STATUSES } from './meetingMeta';

export { ACTION_ITEM_STATUSES, AGENDA_ITEM_STATUSES, KPI_DIRECTIONS } from './meetingRecords';
export { MEETING_STATUSES } from './meetingMeta';
export { ISSUE_STATUSES, ISSUE_SEVERITIES, ESCALATION_TRIGGERS } from './issueRecords';

type WithId<R extends { read: (...args: never[]) => unknown }> = { id: string } & ReturnType<R['read']>;

export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type TimerState = z.output<typeof timerSchema>;
export type MeetingMeta = ReturnType<typeof meetingMetaRecord.read>;

export type Attendee = WithId<typeof attendeeRecord>;

export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];
export type AgendaItem = WithId<typeof agendaItemRecord>;

export type Decision = WithId<typeof decisionRecord>;

export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export type Person = ActionItem['owner'];
export type LinkKind = (typeof LINK_KINDS)[number];
export type ItemLink = z.output<typeof itemLinkSchema>;
export type TrackerKind = (typeof TRACKER_KINDS)[number];
export type ExternalRef = z.output<typeof externalRefSchema>;
export type ActionItem = WithId<typeof actionItemRecord>;

export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export type Kpi = WithId<typeof kpiRecord>;

/** Derived from a KPI's numbers, never stored. */
export type KpiStatus = 'on_track' | 'at_risk' | 'off_track';

export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];
export type IssueSource = z.output<typeof issueSourceSchema>;
export type Escalation = z.output<typeof escalationSchema>;
export type ParentDecision = z.output<typeof parentDecisionSchema>;
export type Issue = WithId<typeof issueRecord>;
