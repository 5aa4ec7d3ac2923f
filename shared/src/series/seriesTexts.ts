/**
 * Every text a series writes into a meeting (titles, the follow-up item, the "since last time"
 * brief, where a carried item came from), in the meeting's language and through the same
 * formatting as the minutes and the UI: dates as "2026年12月13日(日)" / "Sun, Dec 13, 2026",
 * numbers grouped with their units ("1,000万円"), no English in Japanese text and no ISO dates.
 */
import { formatDate, formatQuantity, formatSignedQuantity, type ExportLanguage } from '../export/formatting';
import { exportLabels } from '../export/labels';
import type { ActionItem } from '../schema/records';
import type { CarriedFromMeeting } from './carriedFields';

const TEXT = {
  ja: {
    followUp: '前回からの宿題フォローアップ',
    brief: '前回からの変化',
    kpis: 'KPIの変化',
    lastDecisions: '前回の決定事項',
    closed: '完了した宿題',
    open: '未完了の宿題',
    overdue: '期限切れの宿題',
    review: '見直し期限の決定事項',
    number: (n: number) => `第${n}回`,
    from: (what: string) => `${what}から`,
    fromLastTime: '前回から',
    meetingOf: (number: string, day: string) => [number, day].filter(Boolean).join('・'),
    parenthesis: (text: string) => `（${text}）`,
    count: (n: number) => `（${n}件）`,
    join: '、',
  },
  en: {
    followUp: 'Follow-up from last time',
    brief: 'Since last time',
    kpis: 'KPI changes',
    lastDecisions: 'Decisions of the last meeting',
    closed: 'Action items closed',
    open: 'Action items still open',
    overdue: 'Overdue action items',
    review: 'Decisions due for review',
    number: (n: number) => `#${n}`,
    from: (what: string) => `from ${what}`,
    fromLastTime: 'from last time',
    meetingOf: (number: string, day: string) => [number, day].filter(Boolean).join(', '),
    parenthesis: (text: string) => ` (${text})`,
    count: (n: number) => ` (${n})`,
    join: '; ',
  },
} as const;

export const followUpTitle = (language: ExportLanguage) => TEXT[language].followUp;
export const briefTitle = (language: ExportLanguage) => TEXT[language].brief;

/** "第12回" / "#12". */
export function meetingNumberText(number: number, language: ExportLanguage): string {
  return TEXT[language].number(number);
}

/** A meeting of the series as the texts name it: "第11回・2026年12月6日(日)" / "#11, Sun, Dec 6, 2026". */
export function seriesMeetingText(meeting: CarriedFromMeeting, language: ExportLanguage): string {
  const t = TEXT[language];
  return t.meetingOf(meeting.number !== null ? t.number(meeting.number) : '', meeting.heldOn ? formatDate(meeting.heldOn, language) : '');
}

/** Where a carried action item came from: "第11回から" / "from #11" (the day when it has no number). */
export function carriedFromText(from: CarriedFromMeeting | undefined, language: ExportLanguage): string {
  const t = TEXT[language];
  if (!from) return t.fromLastTime;
  if (from.number !== null) return t.from(t.number(from.number));
  return from.heldOn ? t.from(formatDate(from.heldOn, language)) : t.fromLastTime;
}

/**
 * The title of a meeting of the series: its own day when known ("営業×製品 定例 2026年12月13日(日)"),
 * else its number ("営業×製品 定例 第12回").
 */
export function seriesMeetingTitle(seriesName: string, meeting: { number: number; day: string | null }, language: ExportLanguage): string {
  return `${seriesName} ${meeting.day ? formatDate(meeting.day, language) : meetingNumberText(meeting.number, language)}`;
}

/** "見積もりを送る（佐藤（営業）、期限 2026年1月5日(月)）" / "Send the quote (Sato (Sales); Due Mon, Jan 5, 2026)". */
export function actionItemText(item: Pick<ActionItem, 'title' | 'owner' | 'dueDate'>, language: ExportLanguage): string {
  const labels = exportLabels(language);
  const t = TEXT[language];
  const owner = item.owner.name.trim() ? labels.withDepartment(item.owner.name, item.owner.department) : '';
  const due = item.dueDate ? `${labels.dueDate} ${formatDate(item.dueDate, language)}` : labels.noDueDate;
  return `${item.title}${t.parenthesis([owner, due].filter(Boolean).join(t.join))}`;
}

/** A carried item's line in the follow-up notes: its text, then where it came from. */
export function followUpLine(item: Pick<ActionItem, 'title' | 'owner' | 'dueDate'>, from: CarriedFromMeeting | undefined, language: ExportLanguage): string {
  return `${actionItemText(item, language)}${TEXT[language].parenthesis(carriedFromText(from, language))}`;
}

export interface BriefKpiChange {
  name: string;
  unit: string;
  previous: number | null;
  actual: number | null;
  target: number | null;
  delta: number | null;
}

export interface BriefText {
  /** The last meeting (number and day), named in the heading of its decisions. */
  lastMeeting: CarriedFromMeeting | null;
  lastDecisions: ReadonlyArray<{ text: string; decidedBy: string }>;
  kpiChanges: readonly BriefKpiChange[];
  closedSinceLast: ReadonlyArray<Pick<ActionItem, 'title' | 'owner' | 'dueDate'>>;
  stillOpen: ReadonlyArray<Pick<ActionItem, 'title' | 'owner' | 'dueDate'>>;
  overdue: ReadonlyArray<Pick<ActionItem, 'title' | 'owner' | 'dueDate'>>;
  decisionsForReview: ReadonlyArray<{ text: string; reviewDate: string | null }>;
}

/** The brief as lines of text (headings, then "- " entries), in the meeting's language. */
export function briefLines(brief: BriefText, language: ExportLanguage): string[] {
  const t = TEXT[language];
  const labels = exportLabels(language);
  const section = (title: string, entries: string[]) => [`${title}${t.count(entries.length)}`, ...(entries.length ? entries.map((e) => `- ${e}`) : [`- ${labels.none}`])];
  const kpi = (k: BriefKpiChange) => {
    const change = k.delta === null ? '' : t.parenthesis(formatSignedQuantity(k.delta, k.unit, language));
    const target = k.target === null ? '' : ` / ${labels.target} ${formatQuantity(k.target, k.unit, language)}`;
    return `${k.name}: ${formatQuantity(k.previous, k.unit, language)} → ${formatQuantity(k.actual, k.unit, language)}${change}${target}`;
  };
  const lastName = brief.lastMeeting ? seriesMeetingText(brief.lastMeeting, language) : '';
  return [
    ...section(lastName ? `${t.lastDecisions}${t.parenthesis(lastName)}` : t.lastDecisions, brief.lastDecisions.map((d) => (d.decidedBy.trim() ? `${d.text}${t.parenthesis(d.decidedBy)}` : d.text))),
    ...section(t.kpis, brief.kpiChanges.map(kpi)),
    ...section(t.closed, brief.closedSinceLast.map((a) => actionItemText(a, language))),
    ...section(t.open, brief.stillOpen.map((a) => actionItemText(a, language))),
    ...section(t.overdue, brief.overdue.map((a) => actionItemText(a, language))),
    ...section(
      t.review,
      brief.decisionsForReview.map((d) => (d.reviewDate ? `${d.text}${t.parenthesis(`${labels.reviewDate} ${formatDate(d.reviewDate, language)}`)}` : d.text)),
    ),
  ];
}
