/**
 * Series: creating the next meeting of a series from the earlier ones (usual agenda, last KPIs,
 * open action items carried over, the "since last time" brief), and writing closed carried items
 * back to their history.
 *
 * Decisions:
 * - Closing a carried copy (done/dropped) is written to EVERY other copy of its chain (the original
 *   and the intermediate copies) through the durable room path (MeetingDocuments.change →
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
  planIssueCarryOver,
  carryIssuesInto,
  scheduledDay,
  seriesMeetingTitle,
  sinceLastTime,
  updateActionItem,
  writeNextMeeting,
  type ActionItemStatus,
  type CarryOrigin,
  type MeetingView,
  type NextMeetingResponse,
  type SeriesMeetingSummary,
  type SeriesNextMeetingInput,
  type Series,
  type UsualAttendee,
} from '@suishin/shared';
import { DEFAULT_WORKSPACE_TIME_ZONE, dayIn } from '@suishin/shared/time';
import type { FollowThroughIndex } from '../followThrough/followThroughIndex';
import type { Logger } from '../logger';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { MeetingStore } from '../persistence/store';
import type { MeetingProjector } from '../projections/meetingProjector';
import { loadSeriesMeeting, nextNumber, numbered, readSeriesMeeting, summarize, type SeriesHistoryDeps, type SeriesMeeting } from './seriesHistory';
import type { SeriesStore } from './seriesStore';

export interface SeriesServiceDeps {
  documents: MeetingDocuments;
  /** For meeting rows (when each was created), never their documents. */
  store: MeetingStore;
  series: SeriesStore;
  index: FollowThroughIndex;
  /** Re-projects a meeting this service changed (an ended one's closed items). */
  projector: MeetingProjector;
  logger: Logger;
  now?: () => number;
  timeZone?: string;
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

  private get historyDeps(): SeriesHistoryDeps {
    return { documents: this.deps.documents, store: this.deps.store, index: this.deps.index, timeZone: this.timeZone };
  }

  meetingIds(seriesId: string): Promise<string[]> {
    return this.deps.index.seriesMeetingIds(seriesId);
  }

  /** Every meeting of the series, oldest first, numbered; each document read once. */
  async history(seriesId: string): Promise<SeriesMeeting[]> {
    const ids = await this.meetingIds(seriesId);
    const loaded = (await Promise.all(ids.map((id) => loadSeriesMeeting(this.historyDeps, id)))).filter((m): m is SeriesMeeting => m !== null);
    return numbered(loaded, this.timeZone);
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

  /**
   * Reads each earlier meeting once: closures still to propagate are written to the meetings they
   * close, whose history entries are then replaced by what the change left (no second read).
   */
  private async nextNow(series: Series, input: SeriesNextMeetingInput): Promise<NextMeetingResponse> {
    const history = await this.history(series.id);
    const byId = new Map(history.map((m) => [m.view.id, m]));
    for (const m of history) {
      await this.propagateClosures(m.view.id, m, (changed) => {
        const known = byId.get(changed.view.id);
        if (known) Object.assign(known, { ...changed, number: known.number });
      });
    }
    const newest = history.at(-1);
    const now = this.now();
    // An unstarted meeting made by "next" is the next meeting: only what is missing is carried into it.
    if (newest && newest.view.meta.status === 'draft' && (newest.view.meta.seriesNumber !== null || newest.followUpId !== null)) {
      const plan = planCarryOver(history.slice(0, -1));
      const done = await this.deps.documents.change(
        newest.view.id,
        (doc) => carryInto(doc, plan, ensureFollowUpItem(doc, plan, getMeta(doc).language), now),
        (doc) => listCarriedFrom(doc),
      );
      if (done) await this.deps.index.setCarryLinks(newest.view.id, done.after);
      return { meetingId: newest.view.id, created: false, carried: done?.result.length ?? 0, number: newest.number };
    }
    const today = dayIn(now, this.timeZone);
    const plan = planCarryOver(history);
    const number = nextNumber(history);
    // When and where: what the caller says, else what the last meeting noted under 次回予定.
    const noted = nextMeetingSchedule(newest?.nextMeeting ?? null, newest ? newest.view.meta : null, this.timeZone);
    const scheduledStart = input.scheduledStart !== undefined ? input.scheduledStart : noted.scheduledStart;
    const day = scheduledDay(scheduledStart, this.timeZone);
    const { row, result: carried } = await this.deps.documents.create((doc) => {
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
        attendees: invitees(series),
        last: newest?.view ?? null,
        carry: plan,
        brief: newest ? sinceLastTime({ history, today, language: series.language }) : null,
        now,
      });
      // Open 課題 carry like action items: once per chain, by root.
      carryIssuesInto(doc, planIssueCarryOver(history), now);
      return listCarriedFrom(doc);
    });
    await this.deps.index.linkSeriesMeeting(row.id, series.id, now);
    await this.deps.index.setCarryLinks(row.id, carried);
    return { meetingId: row.id, created: true, carried: plan.length, number };
  }

  /**
   * Writes the closed status of this meeting's carried items to every other copy of their chain
   * that is still open. `known`: the meeting as just read (else it is read). `onChanged` gets each
   * meeting this changed, as the change left it. Returns how many copies it closed.
   */
  async propagateClosures(
    meetingId: string,
    known?: { view: MeetingView; carried: ReadonlyMap<string, CarryOrigin> },
    onChanged?: (changed: SeriesMeeting) => void,
  ): Promise<number> {
    const m = known ?? (await loadSeriesMeeting(this.historyDeps, meetingId));
    if (!m) return 0;
    let closed = 0;
    for (const { root, status } of closedCarriedItems(m.view, m.carried)) {
      const targets = [root, ...(await this.deps.index.carriedCopies(root))].filter((c) => c.meetingId !== meetingId);
      for (const target of targets) {
        if (await this.closeCopy(target.meetingId, target.actionItemId, status, onChanged)) closed++;
      }
    }
    return closed;
  }

  private async closeCopy(meetingId: string, actionItemId: string, status: ActionItemStatus, onChanged?: (changed: SeriesMeeting) => void): Promise<boolean> {
    try {
      const createdAt = (await this.deps.store.getMeetingRow(meetingId))?.createdAt ?? 0;
      const done = await this.deps.documents.change(
        meetingId,
        (doc) => {
          const item = getActionItem(doc, actionItemId);
          if (!item || isClosedStatus(item.status)) return false;
          updateActionItem(doc, actionItemId, { status });
          return true;
        },
        async (doc, changed) => {
          if (!changed) return;
          onChanged?.(readSeriesMeeting(doc, meetingId, createdAt, this.timeZone));
          if (getMeta(doc).status === 'ended') await this.deps.projector.project(meetingId, doc);
        },
      );
      return done?.result === true;
    } catch (error) {
      this.deps.logger.error('closing a carried action item in its history failed', { meetingId, actionItemId, error });
      return false;
    }
  }
}

/** Who each next meeting invites: the usual attendees, then the body's members who sit in it (the informed only get the minutes), each name once. */
export function invitees(series: Series): UsualAttendee[] {
  const seen = new Set(series.usualAttendees.map((a) => a.name));
  const members = series.members.filter((m) => m.role !== 'informed' && !seen.has(m.name) && seen.add(m.name));
  return [...series.usualAttendees, ...members.map(({ name, department }) => ({ name, department }))];
}
