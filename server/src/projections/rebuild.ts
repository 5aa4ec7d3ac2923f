import type { Logger } from '../logger';
import type { MeetingDocuments } from '../meetings/meetingDocuments';
import type { MeetingStore } from '../persistence/store';
import type { MeetingProjector } from './meetingProjector';

/** Projects one stored meeting from its document; false when it does not exist (its rows are removed). */
export async function projectStoredMeeting(documents: MeetingDocuments, projector: MeetingProjector, meetingId: string, createdAt?: number): Promise<boolean> {
  const projected = await documents.read(meetingId, (doc) => projector.project(meetingId, doc, createdAt));
  if (projected === null) {
    await projector.remove(meetingId);
    return false;
  }
  await projected;
  return true;
}

export interface RebuildResult {
  projected: number;
  /** Meetings whose stored document could not be read (logged, left out). */
  failed: string[];
}

/**
 * Drops every projected row and projects every stored meeting again, from the documents alone.
 * Run it after a projection version change or by hand; the result is the same whenever it runs.
 * Meetings being edited meanwhile are projected as they are at the moment each is read.
 */
export async function rebuildProjection(
  deps: { store: MeetingStore; documents: MeetingDocuments; projector: MeetingProjector; logger?: Logger },
): Promise<RebuildResult> {
  await deps.projector.clear();
  const result: RebuildResult = { projected: 0, failed: [] };
  for (const row of await deps.store.listMeetings()) {
    try {
      if (await projectStoredMeeting(deps.documents, deps.projector, row.id, row.createdAt)) result.projected++;
    } catch (error) {
      result.failed.push(row.id);
      deps.logger?.error('projecting a meeting failed', { meetingId: row.id, error });
    }
  }
  return result;
}
