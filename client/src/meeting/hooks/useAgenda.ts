import { useMemo, useSyncExternalStore } from 'react';
import {
  addAgendaItem,
  listAgendaItems,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
  type AgendaItem,
  type AgendaItemInput,
  type AgendaItemPatch,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';
import { shareUnchanged } from '../structuralSharing';

export type { AgendaItem, AgendaItemInput, AgendaItemPatch } from '@suishin/shared';

/**
 * The agenda in order. The array keeps its identity until the agenda changes, and each item
 * object keeps its identity until that item changes (memoized rows re-render only when theirs did).
 */
export function useAgendaItems(): readonly AgendaItem[] {
  const store = useMeetingConnection().view('agenda', ['agenda'], readAgenda());
  return useSyncExternalStore(store.subscribe, store.get);
}

function readAgenda(): (doc: Parameters<typeof listAgendaItems>[0]) => readonly AgendaItem[] {
  let previous: readonly AgendaItem[] | undefined;
  return (doc) => (previous = shareUnchanged(previous, listAgendaItems(doc)));
}

export interface AgendaCommands {
  /** Returns the new item's id. Throws shared's ValidationError on bad input (nothing changes). */
  add(input: AgendaItemInput, options?: { index?: number }): string;
  update(id: string, patch: AgendaItemPatch): void;
  remove(id: string): void;
  /** Moves the item so that it ends up at `toIndex` of the ordered list. */
  move(id: string, toIndex: number): void;
}

export function useAgendaCommands(): AgendaCommands {
  const { doc } = useMeetingConnection();
  return useMemo(
    () => ({
      add: (input, options) => addAgendaItem(doc, input, options ?? {}),
      update: (id, patch) => updateAgendaItem(doc, id, patch),
      remove: (id) => removeAgendaItem(doc, id),
      move: (id, toIndex) => moveAgendaItem(doc, id, toIndex),
    }),
    [doc],
  );
}
