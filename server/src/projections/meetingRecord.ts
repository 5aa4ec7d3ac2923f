/**
 * One meeting as relational rows: the input of every projection store (SQLite now, PostgreSQL
 * later). A pure function of the stored document's view and closing notes, so the tables can be
 * dropped and rebuilt from the documents alone (see rebuild.ts).
 *
 * Every child row repeats the meeting's series id and the day it was held, so the queries of
 * search and dashboards (decisions of a series, KPI trend across a series, overdue actions by
 * department) need no join to filter by series or date.
 */
import {
  briefTitle,
  closingChecklist,
  followUpTitle,
  type ClosingNotes,
  type ExternalRef,
  type KpiStatus,
  type MeetingView,
} from '@suishin/shared';
import { DEFAULT_WORKSPACE_TIME_ZONE, heldAt as heldAtOf, heldOn as heldOnOf } from '@suishin/shared/time';

export interface MeetingRowRecord {
  meetingId: string;
  seriesId: string | null;
  /** 第12回 / #12 in its series (stored by "next meeting"), or null. */
  seriesNumber: number | null;
  title: string;
  status: 'draft' | 'live' | 'ended';
  language: 'ja' | 'en';
  place: string;
  scheduledStart: string | null;
  startedAt: number | null;
  endedAt: number | null;
  /** When it was held (started, else scheduled), epoch ms; null if neither is known. */
  heldAt: number | null;
  /** The calendar day of heldAt in the projection's time zone, "YYYY-MM-DD". */
  heldOn: string | null;
  /**
   * The lists' order, newest first, never null (keyset cursors need a total order): heldAt, else
   * when it ended, else when it was created.
   */
  sortAt: number;
  attendeeCount: number;
  presentCount: number;
  plannedSeconds: number;
  actualSeconds: number;
  decisionCount: number;
  actionItemCount: number;
  /** Checklist gaps accepted with a reason when the meeting closed. */
  closingOverrideCount: number;
  nextMeetingDate: string | null;
  nextMeetingText: string;
}

interface ChildBase {
  meetingId: string;
  seriesId: string | null;
  heldOn: string | null;
  /** The meeting's sortAt, so child lists page in the meetings' order without a join. */
  sortAt: number;
  /** 0-based position in the meeting's ordered list. */
  position: number;
}

export interface AgendaItemRecord extends ChildBase {
  agendaItemId: string;
  title: string;
  /**
   * The title as a topic ("carried topics" of the dashboards group by it): NFKC, trimmed, lower
   * case, single spaces; null for the follow-up and brief items a series generates, and empty titles.
   */
  topicKey: string | null;
  presenter: string;
  timeboxMinutes: number;
  actualSeconds: number;
  status: string;
  /** Notes as plain text (for full-text search). */
  notes: string;
}

export interface DecisionRecord extends ChildBase {
  decisionId: string;
  text: string;
  rationale: string;
  alternatives: string;
  decidedBy: string;
  agendaItemId: string | null;
  createdAt: number;
  reviewDate: string | null;
  supersedesId: string | null;
}

export interface ActionItemRecord extends ChildBase {
  actionItemId: string;
  title: string;
  ownerName: string;
  ownerDepartment: string;
  dueDate: string | null;
  status: string;
  linkKind: string | null;
  linkId: string | null;
  createdAt: number;
}

export interface ActionItemRefRecord extends ExternalRef {
  meetingId: string;
  actionItemId: string;
}

export interface KpiValueRecord extends ChildBase {
  kpiId: string;
  name: string;
  unit: string;
  target: number | null;
  actual: number | null;
  previous: number | null;
  delta: number | null;
  direction: string;
  status: KpiStatus | null;
  owner: string;
  comment: string;
  countermeasureActionId: string | null;
}

export interface AttendeeRecord {
  meetingId: string;
  attendeeId: string;
  position: number;
  name: string;
  department: string;
  present: boolean;
}

export interface ClosingOverrideRowRecord {
  meetingId: string;
  gapId: string;
  kind: string;
  subjectId: string;
  reason: string;
  overriddenBy: string;
  overriddenAt: number;
}

export interface MeetingRecord {
  meeting: MeetingRowRecord;
  departments: string[];
  attendees: AttendeeRecord[];
  agendaItems: AgendaItemRecord[];
  decisions: DecisionRecord[];
  actionItems: ActionItemRecord[];
  actionItemRefs: ActionItemRefRecord[];
  kpiValues: KpiValueRecord[];
  closingOverrides: ClosingOverrideRowRecord[];
}

export interface RecordOptions {
  /** IANA zone for `heldOn`; default Asia/Tokyo. */
  timeZone?: string;
  /** When the meeting was created (epoch ms): its place in lists while it has no date. */
  createdAt?: number;
}

export function toMeetingRecord(view: MeetingView, notes: ClosingNotes, options: RecordOptions = {}): MeetingRecord {
  const { meta } = view;
  const timeZone = options.timeZone ?? DEFAULT_WORKSPACE_TIME_ZONE;
  const heldAt = heldAtOf(meta, timeZone);
  const heldOn = heldOnOf(meta, timeZone);
  const sortAt = heldAt ?? meta.endedAt ?? options.createdAt ?? 0;
  const base = (position: number): ChildBase => ({ meetingId: view.id, seriesId: meta.seriesId, heldOn, sortAt, position });
  const checklist = closingChecklist(view, notes.overrides);

  return {
    meeting: {
      meetingId: view.id,
      seriesId: meta.seriesId,
      seriesNumber: meta.seriesNumber,
      title: meta.title,
      status: meta.status,
      language: meta.language,
      place: meta.place,
      scheduledStart: meta.scheduledStart,
      startedAt: meta.startedAt,
      endedAt: meta.endedAt,
      heldAt,
      heldOn,
      sortAt,
      attendeeCount: view.attendees.length,
      presentCount: view.attendees.filter((a) => a.present).length,
      plannedSeconds: view.agenda.reduce((sum, item) => sum + item.timeboxMinutes * 60, 0),
      actualSeconds: view.agenda.reduce((sum, item) => sum + item.actualSeconds, 0),
      decisionCount: view.decisions.length,
      actionItemCount: view.actionItems.length,
      closingOverrideCount: checklist.overridden.length,
      nextMeetingDate: notes.nextMeeting?.date ?? null,
      nextMeetingText: notes.nextMeeting?.text ?? '',
    },
    departments: [...new Set(meta.departments.map((d) => d.trim()).filter(Boolean))],
    attendees: view.attendees.map((a, position) => ({
      meetingId: view.id,
      attendeeId: a.id,
      position,
      name: a.name,
      department: a.department,
      present: a.present,
    })),
    agendaItems: view.agenda.map((item, position) => ({
      ...base(position),
      agendaItemId: item.id,
      title: item.title,
      topicKey: topicKeyOf(item.title),
      presenter: item.presenter,
      timeboxMinutes: item.timeboxMinutes,
      actualSeconds: item.actualSeconds,
      status: item.status,
      notes: item.notes,
    })),
    decisions: view.decisions.map((d, position) => ({
      ...base(position),
      decisionId: d.id,
      text: d.text,
      rationale: d.rationale,
      alternatives: d.alternatives,
      decidedBy: d.decidedBy,
      agendaItemId: d.agendaItemId,
      createdAt: d.createdAt,
      reviewDate: d.reviewDate,
      supersedesId: d.supersedesId,
    })),
    actionItems: view.actionItems.map((a, position) => ({
      ...base(position),
      actionItemId: a.id,
      title: a.title,
      ownerName: a.owner.name,
      ownerDepartment: a.owner.department,
      dueDate: a.dueDate,
      status: a.status,
      linkKind: a.link?.kind ?? null,
      linkId: a.link?.id ?? null,
      createdAt: a.createdAt,
    })),
    actionItemRefs: view.actionItems.flatMap((a) =>
      uniqueRefs(a.externalRefs).map((ref) => ({ meetingId: view.id, actionItemId: a.id, ...ref })),
    ),
    kpiValues: view.kpis.map((k, position) => ({
      ...base(position),
      kpiId: k.id,
      name: k.name,
      unit: k.unit,
      target: k.target,
      actual: k.actual,
      previous: k.previous,
      delta: k.delta,
      direction: k.direction,
      status: k.status,
      owner: k.owner,
      comment: k.comment,
      countermeasureActionId: k.countermeasureActionId,
    })),
    closingOverrides: checklist.overridden.map((gap) => ({
      meetingId: view.id,
      gapId: gap.id,
      kind: gap.kind,
      subjectId: gap.subjectId,
      reason: gap.override!.reason,
      overriddenBy: gap.override!.by,
      overriddenAt: gap.override!.at,
    })),
  };
}

function uniqueRefs(refs: readonly ExternalRef[]): ExternalRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.tracker}\u0000${ref.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A title as a topic key: the same words however they were spaced or cased. */
export const normalizeTopic = (title: string) => title.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

const GENERATED = new Set([followUpTitle('ja'), followUpTitle('en'), briefTitle('ja'), briefTitle('en')].map(normalizeTopic));

function topicKeyOf(title: string): string | null {
  const key = normalizeTopic(title);
  return key && !GENERATED.has(key) ? key : null;
}
