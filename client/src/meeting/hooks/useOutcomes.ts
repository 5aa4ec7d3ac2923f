import { useMemo } from 'react';
import {
  addActionItem,
  updateActionItem,
  updateDecision,
  updateKpi,
  type ActionItemInput,
  type ActionItemPatch,
  type DecisionPatch,
  type KpiPatch,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';

/**
 * Edits of the meeting's outcomes: action items, decisions and KPIs. Each throws shared's
 * ValidationError on bad input and then changes nothing.
 */
export interface OutcomeCommands {
  /** Returns the new action item's id. */
  addActionItem(input: ActionItemInput): string;
  updateActionItem(id: string, patch: ActionItemPatch): void;
  updateDecision(id: string, patch: DecisionPatch): void;
  updateKpi(id: string, patch: KpiPatch): void;
}

export function useOutcomeCommands(): OutcomeCommands {
  const { doc } = useMeetingConnection();
  return useMemo(
    () => ({
      addActionItem: (input) => addActionItem(doc, input),
      updateActionItem: (id, patch) => updateActionItem(doc, id, patch),
      updateDecision: (id, patch) => updateDecision(doc, id, patch),
      updateKpi: (id, patch) => updateKpi(doc, id, patch),
    }),
    [doc],
  );
}
