import { SYNC_PATH } from '@suishin/shared';
import { MeetingConnection, type ConnectionOptions } from './MeetingConnection';

/** A connection of its own kind (the projector's) is registered under its own key. */
export interface ScopedConnectionOptions extends ConnectionOptions {
  key: string;
}

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
export function getMeetingConnection(meetingId: string, options?: ScopedConnectionOptions): MeetingConnection {
  const key = options?.key ?? meetingId;
  let entry = entries.get(key);
  if (!entry) {
    entry = { connection: new MeetingConnection(meetingId, syncServerUrl(), options), refs: 0, releaseTimer: null };
    entries.set(key, entry);
    scheduleRelease(key, entry);
  }
  return entry.connection;
}

export function retainMeetingConnection(meetingId: string, options?: ScopedConnectionOptions): MeetingConnection {
  const connection = getMeetingConnection(meetingId, options);
  const entry = entries.get(options?.key ?? meetingId)!;
  entry.refs += 1;
  if (entry.releaseTimer !== null) {
    clearTimeout(entry.releaseTimer);
    entry.releaseTimer = null;
  }
  return connection;
}

/** `key`: the meeting id, or the key a connection of its own kind was registered under. */
export function releaseMeetingConnection(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entry.refs = Math.max(0, entry.refs - 1);
  if (entry.refs === 0) scheduleRelease(key, entry);
}

function scheduleRelease(key: string, entry: Entry): void {
  if (entry.releaseTimer !== null) clearTimeout(entry.releaseTimer);
  entry.releaseTimer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(key) !== entry) return;
    entries.delete(key);
    entry.connection.destroy();
  }, RELEASE_DELAY_MS);
}
