import type { ExternalRef, KpiStatus } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import {
  exportLanguage,
  exportTimeZone,
  isWebUrl,
  meetingUrl,
  ownerText,
  type ExportOptions,
} from './exportOptions';
import {
  describeTimeZone,
  formatDate,
  formatDateTime,
  formatDuration,
  formatQuantity,
  formatSignedQuantity,
  formatTimeRange,
  type ExportLanguage,
} from './formatting';
import { exportLabels, type ExportLabels } from './labels';

/** A closing-checklist gap the facilitator overrode when ending the meeting, and why. */
export interface ClosingOverride {
  item: string;
  reason: string;
}

/** What the minutes say under 次回予定 / Next meeting. */
export interface NextMeetingInfo {
  /** "YYYY-MM-DD" or an ISO 8601 date-time. */
  date?: string | null;
  /** Where (a room or a call link). */
  place?: string | null;
  /** Free text, e.g. what to prepare. */
  text?: string | null;
}

export interface MinutesOptions extends ExportOptions {
  closingOverrides?: readonly ClosingOverride[];
  nextMeeting?: NextMeetingInfo | null;
}

export interface LabeledValue {
  label: string;
  value: string;
  url?: string;
}

/**
 * The minutes as data: every label translated, every date, duration and number formatted, and
 * nothing escaped yet. minutesMarkdown and minutesHtml each render this the same way, and each
 * escapes for its own syntax.
 */
export interface MinutesContent {
  language: ExportLanguage;
  labels: ExportLabels;
  title: string;
  /** 日時, タイムゾーン, 場所, 関係部署, 出席者, 欠席者, link to the meeting page: in that order. */
  header: LabeledValue[];
  agenda: Array<{
    number: number;
    title: string;
    presenter: string;
    planned: string;
    actual: string;
    /** "2分30秒" past the timebox, or null when within it. */
    overrun: string | null;
    status: string;
    notes: string;
  }>;
  kpis: Array<{
    name: string;
    target: string;
    actual: string;
    previous: string;
    change: string;
    status: string;
    statusKey: KpiStatus | null;
    owner: string;
    comment: string;
    countermeasure: string;
  }>;
  /** `id`: the decision's, for links to it (#decision-<id>). */
  decisions: Array<{ id: string; number: number; text: string; details: LabeledValue[] }>;
  actionItems: Array<{
    number: number;
    title: string;
    owner: string;
    dueDate: string;
    status: string;
    externalRefs: ExternalRef[];
  }>;
  nextMeeting: string;
  closingOverrides: ClosingOverride[];
}

export function buildMinutesContent(view: MeetingView, options: MinutesOptions): MinutesContent {
  const language = exportLanguage(view, options);
  const timeZone = exportTimeZone(options);
  const labels = exportLabels(language);
  const { meta } = view;
  const list = (names: string[]) => (names.length > 0 ? names.join(labels.listSeparator) : labels.none);

  const header: LabeledValue[] = [
    { label: labels.dateTime, value: meetingWhen(view, labels, language, timeZone) },
    // Every time in the minutes is in this one zone, whichever language they are printed in.
    { label: labels.timeZone, value: describeTimeZone(timeZone, language, view.meta.startedAt ?? Date.now()) },
    { label: labels.place, value: meta.place.trim() || '—' },
  ];
  if (meta.departments.length > 0) header.push({ label: labels.departments, value: list(meta.departments) });
  const person = (a: { name: string; department: string }) => labels.withDepartment(a.name, a.department);
  header.push({ label: labels.attendees, value: list(view.attendees.filter((a) => a.present).map(person)) });
  header.push({ label: labels.absentees, value: list(view.attendees.filter((a) => !a.present).map(person)) });
  const url = meetingUrl(options.meetingUrlBase, view.id);
  if (isWebUrl(url)) header.push({ label: labels.meetingLink, value: url, url });

  const agenda = view.agenda.map((item, index) => {
    const plannedSeconds = item.timeboxMinutes * 60;
    const ran = item.actualSeconds > 0;
    return {
      number: index + 1,
      title: item.title,
      presenter: item.presenter,
      planned: formatDuration(plannedSeconds, language),
      actual: ran ? formatDuration(item.actualSeconds, language) : '—',
      overrun:
        ran && plannedSeconds > 0 && item.actualSeconds > plannedSeconds
          ? formatDuration(item.actualSeconds - plannedSeconds, language)
          : null,
      status: labels.agendaStatus[item.status],
      notes: item.notes,
    };
  });

  const kpis = view.kpis.map((kpi) => ({
    name: kpi.name,
    target: formatQuantity(kpi.target, kpi.unit, language),
    actual: formatQuantity(kpi.actual, kpi.unit, language),
    previous: formatQuantity(kpi.previous, kpi.unit, language),
    change: formatSignedQuantity(kpi.delta, kpi.unit, language),
    status: kpi.status ? labels.kpiStatus[kpi.status] : '—',
    statusKey: kpi.status,
    owner: kpi.owner,
    comment: kpi.comment,
    countermeasure: view.actionItems.find((a) => a.id === kpi.countermeasureActionId)?.title ?? '',
  }));

  const decisions = view.decisions.map((decision, index) => {
    const details: LabeledValue[] = [];
    const add = (label: string, value: string | null | undefined) => {
      if (value && value.trim()) details.push({ label, value });
    };
    add(labels.decidedBy, decision.decidedBy);
    add(labels.rationale, decision.rationale);
    add(labels.alternatives, decision.alternatives);
    add(labels.agendaItem, view.agenda.find((a) => a.id === decision.agendaItemId)?.title);
    add(labels.reviewDate, decision.reviewDate ? formatDate(decision.reviewDate, language) : null);
    add(labels.supersedes, view.decisions.find((d) => d.id === decision.supersedesId)?.text);
    return { id: decision.id, number: index + 1, text: decision.text, details };
  });

  const actionItems = view.actionItems.map((item, index) => ({
    number: index + 1,
    title: item.title,
    owner: ownerText(item.owner, language) || '—',
    dueDate: item.dueDate ? formatDate(item.dueDate, language) : labels.noDueDate,
    status: labels.actionStatus[item.status],
    externalRefs: item.externalRefs,
  }));

  return {
    language,
    labels,
    title: meta.title,
    header,
    agenda,
    kpis,
    decisions,
    actionItems,
    nextMeeting: nextMeetingText(options.nextMeeting, labels, language, timeZone),
    closingOverrides: (options.closingOverrides ?? []).map((o) => ({ item: o.item, reason: o.reason })),
  };
}

/** When the meeting actually ran (falling back to the schedule), noting the schedule if it differed. */
function meetingWhen(view: MeetingView, labels: ExportLabels, language: ExportLanguage, timeZone: string): string {
  const { startedAt, endedAt, scheduledStart } = view.meta;
  const scheduledMs = scheduledStart ? Date.parse(scheduledStart) : Number.NaN;
  const scheduled = scheduledStart ? formatWhen(scheduledStart, language, timeZone) : '';
  if (startedAt === null) return scheduled || '—';
  const actual =
    endedAt !== null && endedAt >= startedAt
      ? formatTimeRange(startedAt, endedAt, language, timeZone)
      : formatDateTime(startedAt, language, timeZone);
  if (!scheduled || (Number.isFinite(scheduledMs) && Math.abs(scheduledMs - startedAt) < 60_000)) return actual;
  return language === 'ja' ? `${actual}（${labels.scheduled}: ${scheduled}）` : `${actual} (${labels.scheduled}: ${scheduled})`;
}

function formatWhen(value: string, language: ExportLanguage, timeZone: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : formatDateTime(value, language, timeZone);
}

function nextMeetingText(
  next: NextMeetingInfo | null | undefined,
  labels: ExportLabels,
  language: ExportLanguage,
  timeZone: string,
): string {
  const date = next?.date?.trim() ? formatWhen(next.date.trim(), language, timeZone) : '';
  const place = next?.place?.trim() ?? '';
  const text = next?.text?.trim() ?? '';
  if (!date && !place && !text) return labels.undecided;
  return [date, place, text].filter(Boolean).join(language === 'ja' ? '　' : ' — ');
}

export function trackerName(tracker: ExternalRef['tracker']): string {
  return tracker === 'github' ? 'GitHub' : tracker === 'jira' ? 'Jira' : 'Linear';
}
