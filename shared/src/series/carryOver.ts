/**
 * Carry-over between the meetings of a series, as pure functions of the earlier meetings' views:
 * which action items are still open (one per chain, whatever number of meetings it went through),
 * the "since last time" brief, and writing a new meeting from them.
 *
 * A chain is every copy of one action item: the original (the root) and each carried copy, all
 * pointing at the same root through `carriedFrom`. A chain is closed as soon as any copy is done or
 * dropped (closing a carried copy is written back to the others by the server).
 */
import * as Y from 'yjs';
import { addActionItem } from '../model/actionItems';
import { addAgendaItem, findAgendaNotes } from '../model/agenda';
import { addKpi } from '../model/kpis';
import type { ActionItem, ActionItemStatus, Decision } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import {
  listCarriedFrom,
  rootKey,
  setCarriedFrom,
  setSeriesRole,
  type CarryOrigin,
  type ItemRef,
} from './carriedFields';
import type { AgendaTemplateItem } from './seriesTypes';

/** One earlier meeting of the series: its view and the origins of its carried items. */
export interface SeriesMeetingSnapshot {
  view: MeetingView;
  carried: ReadonlyMap<string, CarryOrigin>;
}

export interface ChainCopy {
  meetingId: string;
  item: ActionItem;
}

export interface ActionChain {
  root: ItemRef;
  /** Copies in meeting order (oldest first); the root is the first when its meeting is known. */
  copies: ChainCopy[];
  closed: boolean;
  /** Status that closed the chain (done wins over dropped), or null while open. */
  closedStatus: ActionItemStatus | null;
  /** The newest copy: the one to carry, and whose fields are current. */
  latest: ChainCopy;
}

const CLOSED: readonly ActionItemStatus[] = ['done', 'dropped'];
export const isClosedStatus = (s: ActionItemStatus | string) => (CLOSED as readonly string[]).includes(s);

/** Groups every action item of `history` (oldest meeting first) into chains by root. */
export function actionChains(history: readonly SeriesMeetingSnapshot[]): ActionChain[] {
  const chains = new Map<string, ActionChain>();
  for (const { view, carried } of history) {
    for (const item of view.actionItems) {
      const root = carried.get(item.id)?.root ?? { meetingId: view.id, actionItemId: item.id };
      const copy = { meetingId: view.id, item };
      const key = rootKey(root);
      const chain = chains.get(key);
      if (chain) {
        chain.copies.push(copy);
        chain.latest = copy;
      } else {
        chains.set(key, { root, copies: [copy], closed: false, closedStatus: null, latest: copy });
      }
    }
  }
  for (const chain of chains.values()) {
    const statuses = chain.copies.map((c) => c.item.status);
    chain.closed = statuses.some(isClosedStatus);
    chain.closedStatus = statuses.includes('done') ? 'done' : statuses.includes('dropped') ? 'dropped' : null;
  }
  return [...chains.values()];
}

export interface CarryItem {
  origin: CarryOrigin;
  item: ActionItem;
}

/** The action items to carry into the next meeting: the newest copy of every open chain. */
export function planCarryOver(history: readonly SeriesMeetingSnapshot[]): CarryItem[] {
  return actionChains(history)
    .filter((chain) => !chain.closed)
    .map((chain) => ({
      origin: { root: chain.root, via: { meetingId: chain.latest.meetingId, actionItemId: chain.latest.item.id } },
      item: chain.latest.item,
    }));
}

export interface BriefInput {
  history: readonly SeriesMeetingSnapshot[];
  /** "YYYY-MM-DD": overdue means due before this day. */
  today: string;
  /** Decisions with a review date up to this many days after today are due for review. */
  reviewWindowDays?: number;
  language: 'ja' | 'en';
}

export interface SinceLastTime {
  kpiChanges: Array<{ name: string; unit: string; previous: number | null; actual: number | null; target: number | null; delta: number | null; status: string | null }>;
  closedSinceLast: ActionItem[];
  stillOpen: ActionItem[];
  overdue: ActionItem[];
  decisionsForReview: Decision[];
}

export function sinceLastTime({ history, today, reviewWindowDays = 7 }: BriefInput): SinceLastTime {
  const last = history.at(-1);
  const chains = actionChains(history);
  const open = chains.filter((c) => !c.closed).map((c) => c.latest.item);
  const superseded = new Set(history.flatMap((h) => h.view.decisions.map((d) => d.supersedesId)).filter(Boolean));
  const horizon = addDays(today, reviewWindowDays);
  return {
    kpiChanges: (last?.view.kpis ?? []).map((k) => ({
      name: k.name, unit: k.unit, previous: k.previous, actual: k.actual, target: k.target, delta: k.delta, status: k.status,
    })),
    closedSinceLast: last
      ? chains.filter((c) => c.closed && c.latest.meetingId === last.view.id).map((c) => c.latest.item)
      : [],
    stillOpen: open,
    overdue: open.filter((item) => item.dueDate !== null && item.dueDate < today),
    decisionsForReview: history
      .flatMap((h) => h.view.decisions)
      .filter((d) => d.reviewDate !== null && d.reviewDate <= horizon && !superseded.has(d.id)),
  };
}

const LABELS = {
  ja: {
    followUp: '前回からの宿題フォローアップ',
    brief: '前回からの変化',
    kpis: 'KPIの変化',
    closed: '完了した宿題',
    open: '未完了の宿題',
    overdue: '期限切れの宿題',
    review: '見直し期限の決定事項',
    none: 'なし',
    due: '期限',
    noDue: '期限なし',
  },
  en: {
    followUp: 'Follow-up from last time',
    brief: 'Since last time',
    kpis: 'KPI changes',
    closed: 'Action items closed',
    open: 'Action items still open',
    overdue: 'Overdue action items',
    review: 'Decisions due for review',
    none: 'none',
    due: 'due',
    noDue: 'no due date',
  },
} as const;

export const followUpTitle = (language: 'ja' | 'en') => LABELS[language].followUp;
export const briefTitle = (language: 'ja' | 'en') => LABELS[language].brief;

const fmt = (n: number | null) => (n === null ? '–' : String(n));
const itemLine = (a: ActionItem, l: (typeof LABELS)['ja' | 'en']) =>
  `${a.title}（${a.owner.name || '—'}${a.owner.department ? ` / ${a.owner.department}` : ''}, ${a.dueDate ? `${l.due} ${a.dueDate}` : l.noDue}）`;

/** The brief as lines of text (headings, then "- " entries), in the meeting's language. */
export function briefLines(brief: SinceLastTime, language: 'ja' | 'en'): string[] {
  const l = LABELS[language];
  const section = (title: string, entries: string[]) => [`${title} (${entries.length})`, ...(entries.length ? entries.map((e) => `- ${e}`) : [`- ${l.none}`])];
  return [
    ...section(l.kpis, brief.kpiChanges.map((k) => {
      const delta = k.delta === null ? '' : ` (${k.delta >= 0 ? '+' : ''}${k.delta})`;
      return `${k.name}: ${fmt(k.previous)} → ${fmt(k.actual)}${k.unit}${delta}${k.target === null ? '' : ` / target ${k.target}${k.unit}`}`;
    })),
    ...section(l.closed, brief.closedSinceLast.map((a) => itemLine(a, l))),
    ...section(l.open, brief.stillOpen.map((a) => itemLine(a, l))),
    ...section(l.overdue, brief.overdue.map((a) => itemLine(a, l))),
    ...section(l.review, brief.decisionsForReview.map((d) => `${d.text}（${d.reviewDate}）`)),
  ];
}

/** Replaces a notes fragment's content by one paragraph per line (the shape tiptap writes). */
export function writeNotesLines(fragment: Y.XmlFragment, lines: readonly string[]): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(
    0,
    lines.map((line) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, line);
      paragraph.insert(0, [text]);
      return paragraph;
    }),
  );
}

/**
 * Adds the carried items to the meeting, skipping every chain already present (by root): running
 * it twice adds nothing the second time. Returns the ids of the items it added.
 */
export function carryInto(doc: Y.Doc, items: readonly CarryItem[], followUpAgendaId: string | null, now: number): string[] {
  const present = new Set([...listCarriedFrom(doc).values()].map((o) => rootKey(o.root)));
  const added: string[] = [];
  doc.transact(() => {
    for (const { origin, item } of items) {
      const key = rootKey(origin.root);
      if (present.has(key)) continue;
      present.add(key);
      const id = addActionItem(
        doc,
        {
          title: item.title,
          owner: item.owner,
          dueDate: item.dueDate,
          status: item.status === 'in_progress' ? 'in_progress' : 'open',
          link: followUpAgendaId ? { kind: 'agenda', id: followUpAgendaId } : null,
        },
        { now },
      );
      setCarriedFrom(doc, id, origin);
      added.push(id);
    }
  });
  return added;
}

export interface NextMeetingPlan {
  language: 'ja' | 'en';
  template: readonly AgendaTemplateItem[];
  /** The last meeting of the series (its KPIs are copied with actual → previous); null if none. */
  last: MeetingView | null;
  carry: readonly CarryItem[];
  brief: SinceLastTime | null;
  now: number;
}

/**
 * Writes a freshly initialised meeting from the plan: the follow-up section and the brief at the
 * top of the agenda, then the series' usual agenda, the last meeting's KPIs (actual as previous),
 * and the carried action items linked to the follow-up item.
 */
export function writeNextMeeting(doc: Y.Doc, plan: NextMeetingPlan): { followUpAgendaId: string; briefAgendaId: string | null } {
  let followUpAgendaId = '';
  let briefAgendaId: string | null = null;
  doc.transact(() => {
    followUpAgendaId = addAgendaItem(doc, { title: followUpTitle(plan.language), timeboxMinutes: plan.carry.length > 0 ? 10 : 5 });
    setSeriesRole(doc, followUpAgendaId, 'followUp');
    const followNotes = findAgendaNotes(doc, followUpAgendaId);
    const l = LABELS[plan.language];
    if (followNotes) writeNotesLines(followNotes, plan.carry.map(({ item }) => `- ${itemLine(item, l)}`));
    if (plan.brief) {
      briefAgendaId = addAgendaItem(doc, { title: briefTitle(plan.language), timeboxMinutes: 5 });
      setSeriesRole(doc, briefAgendaId, 'brief');
      const notes = findAgendaNotes(doc, briefAgendaId);
      if (notes) writeNotesLines(notes, briefLines(plan.brief, plan.language));
    }
    for (const t of plan.template) addAgendaItem(doc, { title: t.title, presenter: t.presenter, timeboxMinutes: t.timeboxMinutes });
    for (const k of plan.last?.kpis ?? []) {
      addKpi(doc, {
        name: k.name, unit: k.unit, target: k.target, actual: null, previous: k.actual,
        direction: k.direction, owner: k.owner, comment: '',
      });
    }
    carryInto(doc, plan.carry, followUpAgendaId, plan.now);
  });
  return { followUpAgendaId, briefAgendaId };
}

/**
 * The chains a meeting closes: its carried items that are done or dropped, with the status to
 * write back to every other copy of the chain.
 */
export function closedCarriedItems(view: MeetingView, carried: ReadonlyMap<string, CarryOrigin>): Array<{ root: ItemRef; status: ActionItemStatus }> {
  return view.actionItems
    .filter((a) => carried.has(a.id) && isClosedStatus(a.status))
    .map((a) => ({ root: carried.get(a.id)!.root, status: a.status }));
}

function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
