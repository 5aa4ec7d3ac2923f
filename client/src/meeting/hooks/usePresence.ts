import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useMeetingConnection } from '../MeetingScope';
import { identity, presenceUser, type Identity } from '../identity';
import type { Editing, EditingField, Peer } from '../presence';

export type { Editing, EditingField, Peer } from '../presence';
export { setDisplayName } from '../identity';

/** This browser's name and colour (name null until chosen). */
export function useIdentity(): Identity {
  return useSyncExternalStore(identity.subscribe, identity.get);
}

/** Everyone in the room (valid presence only), this tab first. */
export function usePeers(): readonly Peer[] {
  const { peers } = useMeetingConnection();
  return useSyncExternalStore(peers.subscribe, peers.get);
}

/** Publishes this person's name and colour in the joined meeting while mounted. */
export function usePublishPresence(): void {
  const connection = useMeetingConnection();
  const me = useIdentity();
  useEffect(() => {
    connection.setPresenceUser(presenceUser(me));
  }, [connection, me]);
}

/**
 * Focus/blur handlers that tell everyone which agenda item field this person is in.
 * Stable across renders for the same item and field.
 */
export function useEditingPresence(agendaItemId: string, field: EditingField): { onFocus(): void; onBlur(): void } {
  const connection = useMeetingConnection();
  const onFocus = useCallback(() => connection.setEditing({ agendaItemId, field }), [connection, agendaItemId, field]);
  const onBlur = useCallback(() => {
    const current = connection.awareness.getLocalState()?.editing as Editing | null | undefined;
    if (current?.agendaItemId === agendaItemId && current.field === field) connection.setEditing(null);
  }, [connection, agendaItemId, field]);
  // Leaving the item (unmount) while focused must not leave a stale "editing" behind.
  useEffect(() => onBlur, [onBlur]);
  return { onFocus, onBlur };
}
