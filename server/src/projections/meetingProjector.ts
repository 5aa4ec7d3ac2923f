/**
 * Projects a meeting from its document, in one read of it: its rows in the projection tables and,
 * once it has ended, everything the follow-through index derives from it (search rows, carry links,
 * series membership, action item chains). A meeting that has not ended is listed only (the archive
 * and home page list drafts and live meetings; their contents are searched once they end).
 *
 * The features that follow meetings call it from the room events (meetings/meetingFollowers.ts):
 * created and listed (a list row changed) → listed; ended → in full; and after a server change to
 * an ended meeting (tracker keys, statuses) with the document the change left.
 */
import type * as Y from 'yjs';
import { getClosingNotes, listCarriedFrom, toMeetingView, type CarryOrigin, type MeetingView } from '@suishin/shared';
import type { FollowThroughIndex } from '../followThrough/followThroughIndex';
import type { Logger } from '../logger';
import { toMeetingRecord, type MeetingRecord } from './meetingRecord';
import type { ProjectionStore } from './projectionStore';

export interface MeetingProjectorDeps {
  projection: ProjectionStore;
  index: FollowThroughIndex;
  timeZone: string;
  logger: Logger;
  /** Meetings in the trash: never projected (a late projection of one just deleted removes its rows instead). */
  isTrashed?(meetingId: string): boolean;
  /** An ended meeting was projected: what it closed goes back through its chains (the series). */
  onEndedProjected?(view: MeetingView, carried: ReadonlyMap<string, CarryOrigin>): void;
}

export class MeetingProjector {
  constructor(private readonly deps: MeetingProjectorDeps) {}

  /** True when the tables were just created or upgraded: run rebuild (projections/rebuild.ts). */
  get needsRebuild(): boolean {
    return this.deps.projection.needsRebuild || this.deps.index.needsRebuild;
  }

  /**
   * Projects the meeting as `doc` holds it. Reads `doc` before its first await, so it may be an
   * open room's document (which goes on changing) or a copy destroyed once this returns.
   */
  async project(meetingId: string, doc: Y.Doc, createdAt?: number): Promise<MeetingRecord> {
    const view = toMeetingView(doc, meetingId);
    const carried = listCarriedFrom(doc);
    const record = toMeetingRecord(view, getClosingNotes(doc), { timeZone: this.deps.timeZone, ...(createdAt !== undefined ? { createdAt } : {}) });
    if (this.deps.isTrashed?.(meetingId)) {
      await this.remove(meetingId);
      return record;
    }
    await this.deps.projection.replaceMeeting(record);
    if (record.meeting.status !== 'ended') return record; // listed only
    await this.deps.index.indexMeeting(record, carried);
    this.deps.onEndedProjected?.(view, carried);
    return record;
  }

  /** Like project, but a failure is logged (the document is the truth; a rebuild restores the rows). */
  async projectOrLog(meetingId: string, doc: Y.Doc, createdAt?: number): Promise<void> {
    try {
      await this.project(meetingId, doc, createdAt);
    } catch (error) {
      this.deps.logger.error('projecting a meeting failed', { meetingId, error });
    }
  }

  async remove(meetingId: string): Promise<void> {
    await this.deps.projection.removeMeeting(meetingId);
    await this.deps.index.removeMeeting(meetingId);
  }

  /** Empties every projected and indexed row (the first step of a rebuild). */
  async clear(): Promise<void> {
    await this.deps.projection.clear();
    await this.deps.index.clear();
  }
}
