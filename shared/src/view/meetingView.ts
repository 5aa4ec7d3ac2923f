import type * as Y from 'yjs';
import { kpiDelta, kpiStatus } from '../kpi/kpiStatus';
import { listActionItems } from '../model/actionItems';
import { agendaItems, findAgendaNotes } from '../model/agenda';
import { listAttendees } from '../model/attendees';
import { listDecisions } from '../model/decisions';
import { listIssues } from '../model/issues';
import { listKpis } from '../model/kpis';
import { getMeta } from '../model/meeting';
import type {
  ActionItem,
  AgendaItem,
  Attendee,
  Decision,
  Issue,
  Kpi,
  KpiStatus,
  MeetingMeta,
} from '../schema/records';
import { notesToPlainText } from './notesText';

export interface AgendaItemView extends AgendaItem {
  /** Notes as plain text (see notesToPlainText). */
  notes: string;
}

export interface KpiView extends Kpi {
  status: KpiStatus | null;
  delta: number | null;
}

/** The whole meeting as plain JSON: the input of REST, exports, search and projections. */
export interface MeetingView {
  id: string;
  meta: MeetingMeta;
  attendees: Attendee[];
  agenda: AgendaItemView[];
  decisions: Decision[];
  actionItems: ActionItem[];
  kpis: KpiView[];
  /** 課題 (issues) raised or carried into this meeting. */
  issues: Issue[];
}

export function toMeetingView(doc: Y.Doc, id: string): MeetingView {
  const meta = getMeta(doc);
  return {
    id,
    meta,
    attendees: listAttendees(doc),
    agenda: agendaItems.list(doc).map((item) => {
      const notes = findAgendaNotes(doc, item.id);
      return { ...item, notes: notes ? notesToPlainText(notes) : '' };
    }),
    decisions: listDecisions(doc),
    actionItems: listActionItems(doc),
    kpis: listKpis(doc).map((kpi) => ({ ...kpi, status: kpiStatus(kpi, { atRiskMargin: meta.kpiAtRiskMargin }), delta: kpiDelta(kpi) })),
    issues: listIssues(doc),
  };
}
