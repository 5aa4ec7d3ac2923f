/**
 * The meetings of a series, read from their documents, in the order they were held and numbered:
 * what "next meeting" plans from and what the series page lists.
 *
 * Numbers: "next meeting" stores each meeting's number in its meta (第12回 / #12), so a number never
 * changes when a date is edited. A meeting of the series without one (made before numbering, or
 * joined to the series otherwise) counts on from the one before it.
 */
import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import {
  findSeriesAgendaItem,
  getNextMeeting,
  heldAt,
  heldOn,
  listCarriedFrom,
  toMeetingView,
  type NextMeetingNote,
  type SeriesMeetingSnapshot,
  type SeriesMeetingSummary,
} from '@suishin/shared';
import type { MeetingStore } from '../persistence/store';
import type { Rooms } from '../sync/rooms';
import { readCurrentDoc } from '../persistence/currentDoc';

export interface SeriesMeeting extends SeriesMeetingSnapshot {
  createdAt: number;
  followUpId: string | null;
  /** What it noted of the next meeting when it closed (次回予定). */
  nextMeeting: NextMeetingNote | null;
  number: number | null;
  heldOn: string | null;
}

export interface SeriesHistoryDeps {
  store: MeetingStore;
  rooms: Rooms;
  db: Database.Database;
  timeZone: string;
}

/** Meeting ids of the series (known through "next", meta.seriesId in the projection). */
export function seriesMeetingIds(db: Database.Database, seriesId: string): string[] {
  return db
    .prepare<[string, string], { meeting_id: string }>(
      `SELECT meeting_id FROM follow_series_meetings WHERE series_id = ?
       UNION SELECT meeting_id FROM proj_meetings WHERE series_id = ?`,
    )
    .all(seriesId, seriesId)
    .map((r) => r.meeting_id);
}

/** One meeting as the series sees it (the open room's document, else the stored one); null when gone. */
export async function loadSeriesMeeting(deps: SeriesHistoryDeps, meetingId: string): Promise<SeriesMeeting | null> {
  const row = await deps.store.getMeetingRow(meetingId);
  if (!row) return null;
  const read = (doc: Y.Doc): SeriesMeeting => {
    const view = toMeetingView(doc, meetingId);
    return {
      view,
      carried: listCarriedFrom(doc),
      createdAt: row.createdAt,
      followUpId: findSeriesAgendaItem(doc, 'followUp'),
      nextMeeting: getNextMeeting(doc),
      number: view.meta.seriesNumber,
      heldOn: heldOn(view.meta, deps.timeZone),
    };
  };
  return readCurrentDoc(deps, meetingId, read);
}

/** Every meeting of the series, oldest first (held time, else scheduled, else created), each with its number. */
export async function seriesHistory(deps: SeriesHistoryDeps, seriesId: string): Promise<SeriesMeeting[]> {
  const loaded = (await Promise.all(seriesMeetingIds(deps.db, seriesId).map((id) => loadSeriesMeeting(deps, id)))).filter(
    (m): m is SeriesMeeting => m !== null,
  );
  const when = (m: SeriesMeeting) => heldAt(m.view.meta, deps.timeZone) ?? m.createdAt;
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
