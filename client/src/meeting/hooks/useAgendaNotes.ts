import { useMemo } from 'react';
import { findAgendaNotes } from '@suishin/shared';
import type { Awareness } from 'y-protocols/awareness';
import type { XmlFragment } from 'yjs';
import { useMeetingConnection } from '../MeetingScope';

export interface AgendaNotesBinding {
  /** The item's notes fragment (the one Y type the editor binds), or null if the item is gone. */
  fragment: XmlFragment | null;
  /** For other people's carets in the editor. */
  awareness: Awareness;
}

/** What the notes editor of one agenda item binds to. */
export function useAgendaNotes(agendaItemId: string): AgendaNotesBinding {
  const connection = useMeetingConnection();
  return useMemo(
    () => ({ fragment: findAgendaNotes(connection.doc, agendaItemId), awareness: connection.awareness }),
    [connection, agendaItemId],
  );
}
