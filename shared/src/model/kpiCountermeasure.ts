import type * as Y from 'yjs';
import type { ActionItemInput } from '../schema/validators';
import { MAX_ID_LENGTH } from '../protocol/limits';
import { actionItemInputSchema } from '../schema/validators';
import { addActionItem, getActionItem } from './actionItems';
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
 *
 * Unless `options.id` says otherwise, the id is `nextCountermeasureId`: two people who click
 * "+ Countermeasure" on the same KPI at the same moment write the same action item, and Yjs keeps
 * one, instead of the KPI getting two.
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
    id = addActionItem(doc, full, { ...options, id: options.id ?? nextCountermeasureId(doc, kpiId) });
    updateKpi(doc, kpiId, { countermeasureActionId: id });
  });
  return id;
}

/**
 * The id a KPI's next countermeasure gets: the same on every client that sees the same document
 * (so concurrent creations converge on one action item), and never the id of an action item that
 * exists (a KPI that needs a second countermeasure gets a new one; the first is kept).
 * Undefined (a random id) for a KPI id too long to build on.
 */
export function nextCountermeasureId(doc: Y.Doc, kpiId: string): string | undefined {
  for (let generation = 1; ; generation++) {
    const id = `cm-${kpiId}-${generation}`;
    if (id.length > MAX_ID_LENGTH) return undefined;
    if (!getActionItem(doc, id)) return id;
  }
}
