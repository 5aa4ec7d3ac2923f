/**
 * The follow-through index in memory: what the port itself answers (carry links, series
 * membership), for tests and the port's contract. Search rows and action chains are the SQLite
 * adapter's, read through HistoryReads; here indexing keeps only the record.
 */
import type { CarryOrigin } from '@suishin/shared';
import type { FollowThroughIndex, ItemRef } from '../../followThrough/followThroughIndex';
import type { MeetingRecord } from '../../projections/meetingRecord';

export class MemoryFollowThroughIndex implements FollowThroughIndex {
  readonly needsRebuild = false;
  readonly indexed = new Map<string, MeetingRecord>();
  private readonly series = new Map<string, string>();
  private readonly links = new Map<string, Map<string, CarryOrigin>>();

  async indexMeeting(record: MeetingRecord, carried: ReadonlyMap<string, CarryOrigin>) {
    const id = record.meeting.meetingId;
    this.indexed.set(id, record);
    await this.linkSeriesMeeting(id, record.meeting.seriesId);
    await this.setCarryLinks(id, carried);
  }

  async removeMeeting(meetingId: string) {
    this.indexed.delete(meetingId);
    this.series.delete(meetingId);
    this.links.delete(meetingId);
  }

  async clear() {
    this.indexed.clear();
    this.series.clear();
    this.links.clear();
  }

  async linkSeriesMeeting(meetingId: string, seriesId: string | null) {
    if (seriesId) this.series.set(meetingId, seriesId);
    else this.series.delete(meetingId);
  }

  async setCarryLinks(meetingId: string, carried: ReadonlyMap<string, CarryOrigin>) {
    this.links.set(meetingId, new Map(carried));
  }

  async carriedCopies(root: ItemRef): Promise<ItemRef[]> {
    const out: ItemRef[] = [];
    for (const [meetingId, carried] of this.links) {
      for (const [actionItemId, origin] of carried) {
        if (origin.root.meetingId === root.meetingId && origin.root.actionItemId === root.actionItemId) out.push({ meetingId, actionItemId });
      }
    }
    return out.sort((a, b) => (a.meetingId + a.actionItemId < b.meetingId + b.actionItemId ? -1 : 1));
  }

  async seriesMeetingIds(seriesId: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const [meetingId, s] of this.series) if (s === seriesId) ids.add(meetingId);
    for (const [meetingId, record] of this.indexed) if (record.meeting.seriesId === seriesId) ids.add(meetingId);
    return [...ids].sort();
  }
}
