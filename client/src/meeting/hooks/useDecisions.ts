import { useMemo, useSyncExternalStore } from 'react';
import {
  addDecision,
  listDecisions,
  removeDecision,
  updateDecision,
  type Decision,
  type DecisionInput,
  type DecisionPatch,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';
import { shareUnchanged } from '../structuralSharing';

export type { Decision, DecisionInput, DecisionPatch } from '@suishin/shared';

/** The meeting's decisions in the order they were recorded; re-read only when decisions change. */
export function useDecisions(): readonly Decision[] {
  const store = useMeetingConnection().view('decisions', ['decisions'], readDecisions());
  return useSyncExternalStore(store.subscribe, store.get);
}

function readDecisions(): (doc: Parameters<typeof listDecisions>[0]) => readonly Decision[] {
  let previous: readonly Decision[] | undefined;
  return (doc) => (previous = shareUnchanged(previous, listDecisions(doc)));
}

export interface DecisionCommands {
  /** Throws shared's ValidationError on bad input (nothing changes). */
  add(input: DecisionInput): string;
  update(id: string, patch: DecisionPatch): void;
  remove(id: string): void;
}

export function useDecisionCommands(): DecisionCommands {
  const { doc } = useMeetingConnection();
  return useMemo(
    () => ({
      add: (input) => addDecision(doc, input),
      update: (id, patch) => updateDecision(doc, id, patch),
      remove: (id) => removeDecision(doc, id),
    }),
    [doc],
  );
}
