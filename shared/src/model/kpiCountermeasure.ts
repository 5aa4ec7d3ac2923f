import type * as Y from 'yjs';
import type { ActionItemInput } from '../schema/validators';
import { actionItemInputSchema } from '../schema/validators';
import { addActionItem } from './actionItems';
import { listAttendees } from './attendees';
import type { AddOptions } from './collection';
import { getKpi, updateKpi } from './kpis';
import { NotFoundError } from './modelError';
import { parseInput } from './parse';

/**
 * Creates a countermeasure (対策) action item for a KPI, in one transaction: the action item,
 * linked to the KPI ({ kind: 'kpi', id }), and the KPI's `countermeasureActionId` pointing at it.
 * Without an owner in `input`, the KPI's owner is the owner, with the department recorded for the
 * attendee of that name. Validated before anything is written; returns the action item's id.
 */
export function addKpiCountermeasure(
  doc: Y.Doc,
  kpiId: string,
  input: Omit<ActionItemInput, 'link'>,
  options: AddOptions = {},
): string {
  const kpi = getKpi(doc, kpiId);
  if (!kpi) throw new NotFoundError('KPI', kpiId);
  const owner = input.owner ?? {
    name: kpi.owner,
    department: listAttendees(doc).find((a) => a.name === kpi.owner)?.department ?? '',
  };
  const full: ActionItemInput = { ...input, owner, link: { kind: 'kpi', id: kpiId } };
  parseInput(actionItemInputSchema, full);
  let id = '';
  doc.transact(() => {
    id = addActionItem(doc, full, options);
    updateKpi(doc, kpiId, { countermeasureActionId: id });
  });
  return id;
}
