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
import { addAttendee } from '../model/attendees';
import { addKpi } from '../model/kpis';
import type { ActionItem, ActionItemStatus, Decision } from '../schema/records';
import { addDays } from '../time/workspaceTime';
import type { MeetingView } from '../view/meetingView';
import {
  findSeriesAgendaItem,
  listCarriedFrom,
  rootKey,
  setCarriedFrom,
  setSeriesRole,
  type CarriedFromMeeting,
  type CarryOrigin,
  type ItemRef,
} from './carriedFields';
import { briefLines, briefTitle, followUpLine, followUpTitle, type BriefText } from './seriesTexts';
import type { AgendaTemplateItem, UsualAttendee } from './seriesTypes';

/** One earlier meeting of the series: its view and the origins of its carried items. */
export interface SeriesMeetingSnapshot {
  view: MeetingView;
  carried: ReadonlyMap<string, CarryOrigin>;
  /** Its number in the series and the day it was held (workspace zone), when known. */
  number?: number | null;
  heldOn?: string | null;
}

const meetingOf = (snapshot: SeriesMeetingSnapshot | undefined): CarriedFromMeeting | undefined =>
  snapshot ? { number: snapshot.number ?? null, heldOn: snapshot.heldOn ?? null } : undefined;

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

/** The action items to carry into the next meeting: the newest copy of every open chain, with the meeting it comes from. */
export function planCarryOver(history: readonly SeriesMeetingSnapshot[]): CarryItem[] {
  const byId = new Map(history.map((h) => [h.view.id, h]));
  return actionChains(history)
    .filter((chain) => !chain.closed)
    .map((chain) => {
      const viaMeeting = meetingOf(byId.get(chain.latest.meetingId));
      return {
        origin: { root: chain.root, via: { meetingId: chain.latest.meetingId, actionItemId: chain.latest.item.id }, ...(viaMeeting ? { viaMeeting } : {}) },
        item: chain.latest.item,
      };
    });
}

export interface BriefInput {
  history: readonly SeriesMeetingSnapshot[];
  /** "YYYY-MM-DD": overdue means due before this day. */
  today: string;
  /** Decisions with a review date up to this many days after today are due for review. */
  reviewWindowDays?: number;
  language: 'ja' | 'en';
}

export interface SinceLastTime extends BriefText {
  kpiChanges: Array<{ name: string; unit: string; previous: number | null; actual: number | null; target: number | null; delta: number | null; status: string | null }>;
  lastDecisions: Decision[];
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
    lastMeeting: meetingOf(last) ?? null,
    lastDecisions: last ? [...last.view.decisions] : [],
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
  /** Invited: listed as attendees, not yet present (attendance is taken in the meeting). */
  attendees?: readonly UsualAttendee[];
  /** The last meeting of the series (its KPIs are copied with actual → previous); null if none. */
  last: MeetingView | null;
  carry: readonly CarryItem[];
  brief: SinceLastTime | null;
  now: number;
}

/**
 * The follow-up item at the top of the agenda, made when there is something to follow up (an
 * empty one opened the first meeting of every series). Returns its id, or null with nothing carried.
 */
export function ensureFollowUpItem(doc: Y.Doc, carry: readonly CarryItem[], language: 'ja' | 'en'): string | null {
  const existing = findSeriesAgendaItem(doc, 'followUp');
  if (existing !== null || carry.length === 0) return existing;
  const id = addAgendaItem(doc, { title: followUpTitle(language), timeboxMinutes: 10 }, { index: 0 });
  setSeriesRole(doc, id, 'followUp');
  const notes = findAgendaNotes(doc, id);
  if (notes) writeNotesLines(notes, carry.map(({ item, origin }) => `- ${followUpLine(item, origin.viaMeeting, language)}`));
  return id;
}

/**
 * Writes a freshly initialised meeting from the plan: the follow-up section (when items are
 * carried) and the brief (when there was a last meeting) at the top of the agenda, then the
 * series' usual agenda and attendees, the last meeting's KPIs (actual as previous), and the
 * carried action items linked to the follow-up item.
 */
export function writeNextMeeting(doc: Y.Doc, plan: NextMeetingPlan): { followUpAgendaId: string | null; briefAgendaId: string | null } {
  let followUpAgendaId: string | null = null;
  let briefAgendaId: string | null = null;
  doc.transact(() => {
    followUpAgendaId = ensureFollowUpItem(doc, plan.carry, plan.language);
    if (plan.brief) {
      briefAgendaId = addAgendaItem(doc, { title: briefTitle(plan.language), timeboxMinutes: 5 });
      setSeriesRole(doc, briefAgendaId, 'brief');
      const notes = findAgendaNotes(doc, briefAgendaId);
      if (notes) writeNotesLines(notes, briefLines(plan.brief, plan.language));
    }
    for (const t of plan.template) addAgendaItem(doc, { title: t.title, presenter: t.presenter, timeboxMinutes: t.timeboxMinutes });
    for (const person of plan.attendees ?? []) addAttendee(doc, { name: person.name, department: person.department, present: false });
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
