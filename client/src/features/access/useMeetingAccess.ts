/**
 * What this person may do in a meeting, for the UI to hide what the server would refuse anyway:
 * their role (from the session), whether the meeting has ended (from the document) and whether the
 * server has said this socket is read-only.
 *
 * @example
 *   const { canEdit, canFacilitate } = useRoomAccess();   // inside the room (MeetingScope)
 *   if (!canFacilitate) return null;
 */
import { useSyncExternalStore } from 'react';
import { PermissionDenied, getMeta, type MeetingStatus, type Role } from '@suishin/shared';
import { useMeetingConnection } from '../../meeting/MeetingScope';
import { getMeetingConnection } from '../../meeting/registry';
import { roleIn, useSession } from './session';

export type ReadOnlyReason = 'observer' | 'ended' | 'denied';

export interface MeetingAccess {
  /** Null while the session loads, or when this person has no access (the page says so). */
  role: Role | null;
  /** May change the document: a participant or facilitator, in a meeting that has not ended. */
  canEdit: boolean;
  /** May run the meeting: start, timer, next item, end; share links. */
  canFacilitate: boolean;
  /** Why the document is read-only for this person, or null when it is not. */
  readOnly: ReadOnlyReason | null;
}

const readStatus = (doc: Parameters<typeof getMeta>[0]): MeetingStatus | null => {
  try {
    return getMeta(doc).status;
  } catch {
    return null;
  }
};

/** This person's role in `meetingId` (null while loading or without access). */
export function useMyRole(meetingId: string): Role | null {
  const state = useSession();
  return state.status === 'signedIn' ? roleIn(state.session, meetingId) : null;
}

/** Access in `meetingId` (joins its live document to see whether it has ended). */
export function useMeetingAccess(meetingId: string): MeetingAccess {
  const role = useMyRole(meetingId);
  const connection = getMeetingConnection(meetingId);
  const statusStore = connection.view('access:status', ['meta'], readStatus);
  const status = useSyncExternalStore(statusStore.subscribe, statusStore.get);
  const denied = useSyncExternalStore(connection.denied.subscribe, connection.denied.get);
  // An ended meeting says so first: its minutes page has its own banner, and an observer there
  // would otherwise see two.
  const readOnly: ReadOnlyReason | null =
    status === 'ended' ? 'ended' : role === 'observer' ? 'observer' : denied === PermissionDenied.readOnly ? 'denied' : null;
  return {
    role,
    canEdit: role !== null && readOnly === null,
    canFacilitate: role === 'facilitator' && status !== 'ended',
    readOnly,
  };
}

/** Access in the meeting of the surrounding MeetingScope. */
export function useRoomAccess(): MeetingAccess {
  return useMeetingAccess(useMeetingConnection().meetingId);
}
