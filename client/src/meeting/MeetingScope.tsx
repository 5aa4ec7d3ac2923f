import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { MeetingConnection } from './MeetingConnection';
import { getMeetingConnection, releaseMeetingConnection, retainMeetingConnection } from './registry';

const MeetingContext = createContext<MeetingConnection | null>(null);

/** Joins one meeting's live document for everything rendered inside it. */
export function MeetingScope({ meetingId, children }: { meetingId: string; children: ReactNode }) {
  const connection = getMeetingConnection(meetingId);
  useEffect(() => {
    retainMeetingConnection(meetingId);
    return () => releaseMeetingConnection(meetingId);
  }, [meetingId]);
  return <MeetingContext.Provider value={connection}>{children}</MeetingContext.Provider>;
}

/** The joined meeting's connection; only hooks in `meeting/hooks` should need it. */
export function useMeetingConnection(): MeetingConnection {
  const connection = useContext(MeetingContext);
  if (!connection) throw new Error('useMeetingConnection must be used inside <MeetingScope>');
  return connection;
}
