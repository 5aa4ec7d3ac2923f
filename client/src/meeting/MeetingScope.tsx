import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { MeetingConnection } from './MeetingConnection';
import { getMeetingConnection, releaseMeetingConnection, retainMeetingConnection, type ScopedConnectionOptions } from './registry';

const MeetingContext = createContext<MeetingConnection | null>(null);

/**
 * Joins one meeting's live document for everything rendered inside it. `options` (stable per
 * key): a connection of its own kind, such as the projector's read-only one.
 */
export function MeetingScope({ meetingId, options, children }: { meetingId: string; options?: ScopedConnectionOptions; children: ReactNode }) {
  const connection = getMeetingConnection(meetingId, options);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  useEffect(() => {
    retainMeetingConnection(meetingId, optionsRef.current);
    const key = optionsRef.current?.key ?? meetingId;
    return () => releaseMeetingConnection(key);
  }, [meetingId, options?.key]);
  return <MeetingContext.Provider value={connection}>{children}</MeetingContext.Provider>;
}

/** The joined meeting's connection; only hooks in `meeting/hooks` should need it. */
export function useMeetingConnection(): MeetingConnection {
  const connection = useContext(MeetingContext);
  if (!connection) throw new Error('useMeetingConnection must be used inside <MeetingScope>');
  return connection;
}
