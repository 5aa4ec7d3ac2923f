/**
 * The projection store in memory: the records as written, for tests and the port's contract. Its
 * reads (archive, search, dashboards) are the SQLite adapter's HistoryReads; here only what the
 * write port itself answers.
 */
import type { MeetingRecord } from '../../projections/meetingRecord';
import type { ProjectionStore } from '../../projections/projectionStore';

export class MemoryProjectionStore implements ProjectionStore {
  readonly needsRebuild = false;
  readonly records = new Map<string, MeetingRecord>();

  async replaceMeeting(record: MeetingRecord) {
    const id = record.meeting.meetingId;
    if (record.meeting.status !== 'ended' && this.records.get(id)?.meeting.status === 'ended') return;
    this.records.set(id, structuredClone(record));
  }

  async removeMeeting(meetingId: string) {
    this.records.delete(meetingId);
  }

  async clear() {
    this.records.clear();
  }

  async meetingIds() {
    return [...this.records.keys()].sort();
  }

  async close() {}
}
