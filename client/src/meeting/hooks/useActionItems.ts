import { useMemo, useSyncExternalStore } from 'react';
import {
  addActionItem,
  listActionItems,
  removeActionItem,
  updateActionItem,
  type ActionItem,
  type ActionItemInput,
  type ActionItemPatch,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';
import { shareUnchanged } from '../structuralSharing';

export type { ActionItem, ActionItemInput, ActionItemPatch, ActionItemStatus, ItemLink, Person } from '@suishin/shared';

/**
 * The meeting's action items in order; re-read only when action items change. Owner and link
 * objects are stored whole, so an unchanged item keeps its identity across reads.
 */
export function useActionItems(): readonly ActionItem[] {
  const store = useMeetingConnection().view('actionItems', ['actionItems'], readActionItems());
  return useSyncExternalStore(store.subscribe, store.get);
}

function readActionItems(): (doc: Parameters<typeof listActionItems>[0]) => readonly ActionItem[] {
  let previous: readonly ActionItem[] | undefined;
  return (doc) => (previous = shareUnchanged(previous, listActionItems(doc)));
}

export interface ActionItemCommands {
  /** Throws shared's ValidationError on bad input (nothing changes). */
  add(input: ActionItemInput): string;
  update(id: string, patch: ActionItemPatch): void;
  remove(id: string): void;
}

export function useActionItemCommands(): ActionItemCommands {
  const { doc } = useMeetingConnection();
  return useMemo(
    () => ({
      add: (input) => addActionItem(doc, input),
      update: (id, patch) => updateActionItem(doc, id, patch),
      remove: (id) => removeActionItem(doc, id),
    }),
    [doc],
  );
}
