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
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import {
  carryInto,
  closedCarriedItems,
  findSeriesAgendaItem,
  getActionItem,
  getMeta,
  initMeeting,
  isClosedStatus,
  listCarriedFrom,
  planCarryOver,
  sinceLastTime,
  toMeetingView,
  updateActionItem,
  writeNextMeeting,
  type ActionItemStatus,
  type SeriesNextMeetingInput,
  type Series,
  type SeriesMeetingSnapshot,
} from '@suishin/shared';
import { DEFAULT_WORKSPACE_TIME_ZONE, dayIn } from '@suishin/shared/time';
import type { Logger } from '../logger';
import type { MeetingStore } from '../persistence/store';
import type { Rooms } from '../sync/rooms';
import { docFromStored } from '../sync/storedDoc';
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

interface Loaded extends SeriesMeetingSnapshot {
  createdAt: number;
  followUpId: string | null;
}

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

  /** Meeting ids of the series (known through "next", meta.seriesId in the projection). */
  meetingIds(seriesId: string): string[] {
    return this.db
      .prepare<[string, string], { meeting_id: string }>(
        `SELECT meeting_id FROM follow_series_meetings WHERE series_id = ?
         UNION SELECT meeting_id FROM proj_meetings WHERE series_id = ?`,
      )
      .all(seriesId, seriesId)
      .map((r) => r.meeting_id);
  }

  private async load(meetingId: string): Promise<Loaded | null> {
    const open = this.deps.rooms.peek(meetingId);
    const row = await this.deps.store.getMeetingRow(meetingId);
    if (!row) return null;
    const read = (doc: Y.Doc): Loaded => ({
      view: toMeetingView(doc, meetingId),
      carried: listCarriedFrom(doc),
      createdAt: row.createdAt,
      followUpId: findSeriesAgendaItem(doc, 'followUp'),
    });
    if (open) return read(open.doc);
    const stored = await this.deps.store.loadMeeting(meetingId);
    if (!stored) return null;
    const doc = docFromStored(stored);
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Every meeting of the series, oldest first (held time, else scheduled, else created). */
  async history(seriesId: string): Promise<Loaded[]> {
    const loaded = (await Promise.all(this.meetingIds(seriesId).map((id) => this.load(id)))).filter((m): m is Loaded => m !== null);
    const when = (m: Loaded) => {
      const scheduled = m.view.meta.scheduledStart ? Date.parse(m.view.meta.scheduledStart) : Number.NaN;
      return m.view.meta.startedAt ?? (Number.isFinite(scheduled) ? scheduled : m.createdAt);
    };
    return loaded.sort((a, b) => when(a) - when(b) || a.createdAt - b.createdAt);
  }

  async next(series: Series, input: SeriesNextMeetingInput): Promise<{ meetingId: string; created: boolean; carried: number }> {
    const previous = this.nextLocks.get(series.id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.nextNow(series, input));
    this.nextLocks.set(series.id, run);
    try {
      return await run;
    } finally {
      if (this.nextLocks.get(series.id) === run) this.nextLocks.delete(series.id);
    }
  }

  private async nextNow(series: Series, input: SeriesNextMeetingInput) {
    let history = await this.history(series.id);
    for (const m of history) await this.propagateClosures(m.view.id, m);
    history = await this.history(series.id);
    const newest = history.at(-1);
    const now = this.now();
    if (newest && newest.view.meta.status === 'draft' && newest.followUpId !== null) {
      const earlier = history.slice(0, -1);
      const plan = planCarryOver(earlier);
      const added = await this.deps.rooms.withRoom(newest.view.id, (room) =>
        room.applyServerChange((doc) => carryInto(doc, plan, newest.followUpId, now)),
      );
      const carried = await this.load(newest.view.id);
      if (carried) this.deps.index.setCarryLinks(newest.view.id, carried.carried);
      return { meetingId: newest.view.id, created: false, carried: added?.length ?? 0 };
    }
    const today = dayIn(now, this.timeZone);
    const plan = planCarryOver(history);
    const doc = new Y.Doc();
    try {
      initMeeting(doc, {
        title: input.title ?? `${series.name} ${input.scheduledStart?.slice(0, 10) ?? today}`,
        seriesId: series.id,
        departments: series.departments,
        language: series.language,
        scheduledStart: input.scheduledStart ?? null,
        place: input.place ?? newest?.view.meta.place ?? '',
      });
      writeNextMeeting(doc, {
        language: series.language,
        template: series.agendaTemplate,
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
      return { meetingId, created: true, carried: plan.length };
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
