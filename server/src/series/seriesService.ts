/**
 * Series: creating the next meeting of a series from the earlier ones (usual agenda, last KPIs,
 * open action items carried over, the "since last time" brief), and writing closed carried items
 * back to their history.
 *
 * Decisions:
 * - Closing a carried copy (done/dropped) is written to EVERY other copy of its chain (the original
 *   and the intermediate copies) through the durable room path (Rooms.withRoom →
 *   Room.applyServerChange), when the closing meeting is projected (it ended) and again whenever a
 *   next meeting is created. The history documents themselves then say closed, so the projection
 *   and any rebuild agree without a side table.
 * - "Next meeting" is idempotent: if the newest meeting of the series is still an unstarted draft
 *   made by "next", it is returned (200) with any missing carried items added (by root), instead of
 *   making a second one.
 * - The next meeting is numbered (one more than the highest so far), scheduled and placed from the
 *   last meeting's 次回予定 (a day alone at the last meeting's usual time), titled by its own day
 *   (by its number while it has none), and invites the series' usual attendees. The follow-up
 *   item is made only when something is carried over.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import {
  carryInto,
  closedCarriedItems,
  ensureFollowUpItem,
  getActionItem,
  getMeta,
  initMeeting,
  isClosedStatus,
  listCarriedFrom,
  nextMeetingSchedule,
  planCarryOver,
  scheduledDay,
  seriesMeetingTitle,
  sinceLastTime,
  updateActionItem,
  writeNextMeeting,
  type ActionItemStatus,
  type NextMeetingResponse,
  type SeriesMeetingSummary,
  type SeriesNextMeetingInput,
  type Series,
} from '@suishin/shared';
import { DEFAULT_WORKSPACE_TIME_ZONE, dayIn } from '@suishin/shared/time';
import type { Logger } from '../logger';
import type { MeetingStore } from '../persistence/store';
import type { Rooms } from '../sync/rooms';
import { loadSeriesMeeting, nextNumber, seriesHistory, seriesMeetingIds, summarize, type SeriesHistoryDeps, type SeriesMeeting } from './seriesHistory';
import type { FollowThroughIndex } from '../followThrough/followThroughIndex';
import type { SeriesStore } from './seriesStore';

export interface SeriesServiceDeps {
  store: MeetingStore;
  rooms: Rooms;
  series: SeriesStore;
  index: FollowThroughIndex;
  logger: Logger;
  /** Re-projects a stored meeting (after its document was changed here). */
  reproject?: (meetingId: string) => Promise<void>;
  now?: () => number;
  timeZone?: string;
}

type Loaded = SeriesMeeting;

export class SeriesService {
  private readonly now: () => number;
  /** One "next" at a time per series. */
  private readonly nextLocks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: SeriesServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  private get timeZone(): string {
    return this.deps.timeZone ?? DEFAULT_WORKSPACE_TIME_ZONE;
  }

  get db(): Database.Database {
    return this.deps.index.db;
  }

  private get historyDeps(): SeriesHistoryDeps {
    return { store: this.deps.store, rooms: this.deps.rooms, db: this.db, timeZone: this.timeZone };
  }

  meetingIds(seriesId: string): string[] {
    return seriesMeetingIds(this.db, seriesId);
  }

  private load(meetingId: string): Promise<Loaded | null> {
    return loadSeriesMeeting(this.historyDeps, meetingId);
  }

  /** Every meeting of the series, oldest first, numbered. */
  history(seriesId: string): Promise<Loaded[]> {
    return seriesHistory(this.historyDeps, seriesId);
  }

  /** The series page's list: every meeting with its number and day, newest first. */
  async meetings(seriesId: string): Promise<SeriesMeetingSummary[]> {
    return (await this.history(seriesId)).map(summarize).reverse();
  }

  async next(series: Series, input: SeriesNextMeetingInput): Promise<NextMeetingResponse> {
    const previous = this.nextLocks.get(series.id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.nextNow(series, input));
    this.nextLocks.set(series.id, run);
    try {
      return await run;
    } finally {
      if (this.nextLocks.get(series.id) === run) this.nextLocks.delete(series.id);
    }
  }

  private async nextNow(series: Series, input: SeriesNextMeetingInput): Promise<NextMeetingResponse> {
    let history = await this.history(series.id);
    for (const m of history) await this.propagateClosures(m.view.id, m);
    history = await this.history(series.id);
    const newest = history.at(-1);
    const now = this.now();
    // An unstarted meeting made by "next" is the next meeting: only what is missing is carried into it.
    if (newest && newest.view.meta.status === 'draft' && (newest.view.meta.seriesNumber !== null || newest.followUpId !== null)) {
      const plan = planCarryOver(history.slice(0, -1));
      const added = await this.deps.rooms.withRoom(newest.view.id, (room) =>
        room.applyServerChange((doc) => carryInto(doc, plan, ensureFollowUpItem(doc, plan, getMeta(doc).language), now)),
      );
      const carried = await this.load(newest.view.id);
      if (carried) this.deps.index.setCarryLinks(newest.view.id, carried.carried);
      return { meetingId: newest.view.id, created: false, carried: added?.length ?? 0, number: newest.number };
    }
    const today = dayIn(now, this.timeZone);
    const plan = planCarryOver(history);
    const number = nextNumber(history);
    // When and where: what the caller says, else what the last meeting noted under 次回予定.
    const noted = nextMeetingSchedule(newest?.nextMeeting ?? null, newest ? newest.view.meta : null, this.timeZone);
    const scheduledStart = input.scheduledStart !== undefined ? input.scheduledStart : noted.scheduledStart;
    const day = scheduledDay(scheduledStart, this.timeZone);
    const doc = new Y.Doc();
    try {
      initMeeting(doc, {
        title: input.title ?? seriesMeetingTitle(series.name, { number, day }, series.language),
        seriesId: series.id,
        seriesNumber: number,
        departments: series.departments,
        language: series.language,
        scheduledStart,
        place: input.place ?? noted.place,
      });
      writeNextMeeting(doc, {
        language: series.language,
        template: series.agendaTemplate,
        attendees: series.usualAttendees,
        last: newest?.view ?? null,
        carry: plan,
        brief: newest ? sinceLastTime({ history, today, language: series.language }) : null,
        now,
      });
      const meetingId = randomUUID();
      const meta = getMeta(doc);
      await this.deps.store.createMeeting(meetingId, Y.encodeStateAsUpdate(doc), {
        title: meta.title,
        status: meta.status,
        scheduledStart: meta.scheduledStart,
      });
      this.deps.index.linkSeriesMeeting(meetingId, series.id, now);
      this.deps.index.setCarryLinks(meetingId, listCarriedFrom(doc));
      return { meetingId, created: true, carried: plan.length, number };
    } finally {
      doc.destroy();
    }
  }

  /**
   * Writes the closed status of this meeting's carried items to every other copy of their chain
   * that is still open. Returns how many copies it closed.
   */
  async propagateClosures(meetingId: string, loaded?: Loaded): Promise<number> {
    const m = loaded ?? (await this.load(meetingId));
    if (!m) return 0;
    let closed = 0;
    for (const { root, status } of closedCarriedItems(m.view, m.carried)) {
      const copies = this.db
        .prepare<[string, string], { meeting_id: string; action_item_id: string }>(
          'SELECT meeting_id, action_item_id FROM follow_carry_links WHERE root_meeting_id = ? AND root_action_item_id = ?',
        )
        .all(root.meetingId, root.actionItemId);
      const targets = [{ meeting_id: root.meetingId, action_item_id: root.actionItemId }, ...copies].filter(
        (c) => !(c.meeting_id === meetingId),
      );
      for (const target of targets) {
        if (await this.closeCopy(target.meeting_id, target.action_item_id, status)) closed++;
      }
    }
    return closed;
  }

  private async closeCopy(meetingId: string, actionItemId: string, status: ActionItemStatus): Promise<boolean> {
    try {
      const changed = await this.deps.rooms.withRoom(meetingId, (room) =>
        room.applyServerChange((doc) => {
          const item = getActionItem(doc, actionItemId);
          if (!item || isClosedStatus(item.status)) return false;
          updateActionItem(doc, actionItemId, { status });
          return true;
        }),
      );
      if (changed) {
        const row = await this.deps.store.getMeetingRow(meetingId);
        if (row?.status === 'ended') await this.deps.reproject?.(meetingId);
      }
      return changed === true;
    } catch (error) {
      this.deps.logger.error('closing a carried action item in its history failed', { meetingId, actionItemId, error });
      return false;
    }
  }
}
