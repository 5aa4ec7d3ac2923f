import { getClosingNotes, toMeetingView } from '@suishin/shared';
import type { Logger } from '../logger';
import type { MeetingStore } from '../persistence/store';
import { docFromStored } from '../meetings/storedDocument';
import { toMeetingRecord, type RecordOptions } from './meetingRecord';
import type { ProjectionStore } from './projectionStore';

/** Projects one stored meeting; false when it does not exist (its rows are removed). */
export async function projectStoredMeeting(
  store: MeetingStore,
  projection: ProjectionStore,
  meetingId: string,
  options: RecordOptions = {},
): Promise<boolean> {
  const row = await store.getMeetingRow(meetingId);
  const stored = row ? await store.loadMeeting(meetingId) : null;
  if (!row || !stored) {
    await projection.removeMeeting(meetingId);
    return false;
  }
  const doc = docFromStored(stored);
  try {
    await projection.replaceMeeting(toMeetingRecord(toMeetingView(doc, meetingId), getClosingNotes(doc), { ...options, createdAt: row.createdAt }));
  } finally {
    doc.destroy();
  }
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
 * Meetings being edited meanwhile are projected as stored at the moment each is read.
 */
export async function rebuildProjection(
  store: MeetingStore,
  projection: ProjectionStore,
  options: RecordOptions & { logger?: Logger } = {},
): Promise<RebuildResult> {
  await projection.clear();
  const result: RebuildResult = { projected: 0, failed: [] };
  for (const row of await store.listMeetings()) {
    try {
      if (await projectStoredMeeting(store, projection, row.id, options)) result.projected++;
    } catch (error) {
      result.failed.push(row.id);
      options.logger?.error('projecting a meeting failed', { meetingId: row.id, error });
    }
  }
  return result;
}
