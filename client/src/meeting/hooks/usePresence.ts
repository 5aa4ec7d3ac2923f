import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useMeetingConnection } from '../MeetingScope';
import { identity, presenceUser, type Identity } from '../identity';
import { samePeers, type Editing, type EditingField, type Peer } from '../presence';

export type { Editing, EditingField, Peer } from '../presence';
export type { JoinedPerson } from '../joinedPeople';
import type { JoinedPerson } from '../joinedPeople';
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

/**
 * The other people working in one agenda item. Re-renders the caller only when that list
 * changes, not when anyone anywhere moves their cursor or switches items.
 */
export function useItemEditors(agendaItemId: string | undefined): readonly Peer[] {
  const { peers } = useMeetingConnection();
  const cache = useRef<{ source: readonly Peer[]; id: string | undefined; result: readonly Peer[] } | null>(null);
  const getSnapshot = () => {
    const source = peers.get();
    const cached = cache.current;
    if (cached && cached.source === source && cached.id === agendaItemId) return cached.result;
    const next = source.filter((peer) => !peer.self && peer.editing?.agendaItemId === agendaItemId);
    const result = cached && cached.id === agendaItemId && samePeers(cached.result, next) ? cached.result : next;
    cache.current = { source, id: agendaItemId, result };
    return result;
  };
  return useSyncExternalStore(peers.subscribe, getSnapshot);
}

/** Everyone who joined the room while this page had it open (still here or gone). */
export function useJoinedPeople(): readonly JoinedPerson[] {
  const { joined } = useMeetingConnection();
  return useSyncExternalStore(joined.subscribe, joined.get);
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
