import { RootKey } from '../schema/keys';
import { actionItemRecord } from '../schema/meetingRecords';
import type { ItemLink } from '../schema/records';
import { defineCollection } from './collection';
import { requireReference } from './references';

const LINK_ROOTS = { decision: RootKey.decisions, agenda: RootKey.agenda, kpi: RootKey.kpis } as const;

export const actionItems = defineCollection({
  kind: 'action item',
  rootKey: RootKey.actionItems,
  schema: actionItemRecord,
  stamp: (now) => ({ externalRefs: [], createdAt: now }),
  checkReferences(doc, values) {
    const link = values.link as ItemLink | null | undefined;
    if (link) requireReference(doc, LINK_ROOTS[link.kind], link.id, 'link.id');
  },
});

export const listActionItems = actionItems.list;
export const getActionItem = actionItems.get;
export const addActionItem = actionItems.add;
export const updateActionItem = actionItems.update;
export const removeActionItem = actionItems.remove;
export const moveActionItem = actionItems.move;
