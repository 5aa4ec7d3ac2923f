/**
 * The meetings of a series, read from their documents, in the order they were held and numbered:
 * what "next meeting" plans from and what the series page lists.
 *
 * Numbers: "next meeting" stores each meeting's number in its meta (第12回 / #12), so a number never
 * changes when a date is edited. A meeting of the series without one (made before numbering, or
 * joined to the series otherwise) counts on from the one before it.
 */
import type * as Y from 'yjs';
import {
  findSeriesAgendaItem,
  getNextMeeting,
  heldAt,
  heldOn,
  listCarriedFrom,
  listIssueOrigins,
  toMeetingView,
  type IssueOrigin,
  type NextMeetingNote,
  type SeriesMeetingSnapshot,
  type SeriesMeetingSummary,
} from '@suishin/shared';
import type { FollowThroughIndex } from '../followThrough/followThroughIndex';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { MeetingStore } from '../persistence/store';

export interface SeriesMeeting extends SeriesMeetingSnapshot {
  /** Origins of its carried 課題 (series/issueCarryOver.ts). */
  issueOrigins: ReadonlyMap<string, IssueOrigin>;
  createdAt: number;
  followUpId: string | null;
  /** What it noted of the next meeting when it closed (次回予定). */
  nextMeeting: NextMeetingNote | null;
  number: number | null;
  heldOn: string | null;
}

export interface SeriesHistoryDeps {
  documents: MeetingDocuments;
  /** For the meetings' rows (when each was created), never their documents. */
  store: MeetingStore;
  index: FollowThroughIndex;
  timeZone: string;
}

/** One meeting as the series sees it, read from its document. */
export function readSeriesMeeting(doc: Y.Doc, meetingId: string, createdAt: number, timeZone: string): SeriesMeeting {
  const view = toMeetingView(doc, meetingId);
  return {
    view,
    carried: listCarriedFrom(doc),
    issueOrigins: listIssueOrigins(doc),
    createdAt,
    followUpId: findSeriesAgendaItem(doc, 'followUp'),
    nextMeeting: getNextMeeting(doc),
    number: view.meta.seriesNumber,
    heldOn: heldOn(view.meta, timeZone),
  };
}

/** One meeting of the series (the open room's document, else the stored one, read once); null when gone. */
export async function loadSeriesMeeting(deps: SeriesHistoryDeps, meetingId: string): Promise<SeriesMeeting | null> {
  const row = await deps.store.getMeetingRow(meetingId);
  if (!row) return null;
  return deps.documents.read(meetingId, (doc) => readSeriesMeeting(doc, meetingId, row.createdAt, deps.timeZone));
}

/** Sorted the way they were held (held time, else scheduled, else created), each with its number. */
export function numbered(loaded: SeriesMeeting[], timeZone: string): SeriesMeeting[] {
  const when = (m: SeriesMeeting) => heldAt(m.view.meta, timeZone) ?? m.createdAt;
  loaded.sort((a, b) => when(a) - when(b) || a.createdAt - b.createdAt);
  let previous = 0;
  for (const m of loaded) {
    m.number = m.view.meta.seriesNumber ?? previous + 1;
    previous = m.number;
  }
  return loaded;
}

/** The number the next meeting gets: one more than the highest so far. */
export function nextNumber(history: readonly SeriesMeeting[]): number {
  return history.reduce((max, m) => Math.max(max, m.number ?? 0), 0) + 1;
}

export function summarize(m: SeriesMeeting): SeriesMeetingSummary {
  const { meta } = m.view;
  return { id: m.view.id, title: meta.title, status: meta.status, number: m.number, heldOn: m.heldOn, scheduledStart: meta.scheduledStart, place: meta.place };
}
