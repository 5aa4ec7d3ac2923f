import { SYNC_PATH } from '@suishin/shared';
import { MeetingConnection } from './MeetingConnection';

/**
 * One MeetingConnection per meeting id for the whole page, reference-counted. The last release
 * waits a moment before destroying, so StrictMode's mount→unmount→mount and quick back-and-forth
 * navigation reuse the same socket and document instead of reconnecting.
 */
const RELEASE_DELAY_MS = 2_000;

interface Entry {
  connection: MeetingConnection;
  refs: number;
  releaseTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();

export function syncServerUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${SYNC_PATH}`;
}

/**
 * The connection for a meeting, created on first use. Safe to call during render: it is
 * idempotent, and an entry nobody retains is destroyed after the release delay.
 */
export function getMeetingConnection(meetingId: string): MeetingConnection {
  let entry = entries.get(meetingId);
  if (!entry) {
    entry = { connection: new MeetingConnection(meetingId, syncServerUrl()), refs: 0, releaseTimer: null };
    entries.set(meetingId, entry);
    scheduleRelease(meetingId, entry);
  }
  return entry.connection;
}

export function retainMeetingConnection(meetingId: string): MeetingConnection {
  const connection = getMeetingConnection(meetingId);
  const entry = entries.get(meetingId)!;
  entry.refs += 1;
  if (entry.releaseTimer !== null) {
    clearTimeout(entry.releaseTimer);
    entry.releaseTimer = null;
  }
  return connection;
}

export function releaseMeetingConnection(meetingId: string): void {
  const entry = entries.get(meetingId);
  if (!entry) return;
  entry.refs = Math.max(0, entry.refs - 1);
  if (entry.refs === 0) scheduleRelease(meetingId, entry);
}

function scheduleRelease(meetingId: string, entry: Entry): void {
  if (entry.releaseTimer !== null) clearTimeout(entry.releaseTimer);
  entry.releaseTimer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(meetingId) !== entry) return;
    entries.delete(meetingId);
    entry.connection.destroy();
  }, RELEASE_DELAY_MS);
}
