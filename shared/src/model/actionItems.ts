import { RootKey } from '../schema/keys';
import {
  ACTION_ITEM_STATUSES,
  type ActionItem,
  type ExternalRef,
  type ItemLink,
  type Person,
} from '../schema/records';
import { actionItemInputSchema, actionItemPatchSchema } from '../schema/validators';
import { defineCollection } from './collection';
import { readEnum, readJson, readNullableString, readNumber, readString } from './fieldReaders';
import { requireReference } from './references';

const LINK_ROOTS = { decision: RootKey.decisions, agenda: RootKey.agenda, kpi: RootKey.kpis } as const;

export const actionItems = defineCollection({
  kind: 'action item',
  rootKey: RootKey.actionItems,
  inputSchema: actionItemInputSchema,
  patchSchema: actionItemPatchSchema,
  initialFields: (input, now) => ({
    title: input.title,
    owner: input.owner,
    dueDate: input.dueDate,
    status: input.status,
    link: input.link,
    externalRefs: [],
    createdAt: now,
  }),
  checkReferences(doc, values) {
    const link = values.link as ItemLink | null | undefined;
    if (link) requireReference(doc, LINK_ROOTS[link.kind], link.id, 'link.id');
  },
  read: (id, record): ActionItem => ({
    id,
    title: readString(record, 'title'),
    owner: readJson(record, 'owner', isPerson, { name: '', department: '' }),
    dueDate: readNullableString(record, 'dueDate'),
    status: readEnum(record, 'status', ACTION_ITEM_STATUSES, 'open'),
    link: readJson<ItemLink | null>(record, 'link', isLinkOrNull, null),
    externalRefs: readJson(record, 'externalRefs', isExternalRefs, []),
    createdAt: readNumber(record, 'createdAt', 0),
    order: readString(record, 'order'),
  }),
});

export const listActionItems = actionItems.list;
export const getActionItem = actionItems.get;
export const addActionItem = actionItems.add;
export const updateActionItem = actionItems.update;
export const removeActionItem = actionItems.remove;
export const moveActionItem = actionItems.move;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isPerson(v: unknown): v is Person {
  return isObject(v) && typeof v.name === 'string' && typeof v.department === 'string';
}
function isLinkOrNull(v: unknown): v is ItemLink | null {
  return v === null || (isObject(v) && typeof v.id === 'string' && (v.kind === 'decision' || v.kind === 'agenda' || v.kind === 'kpi'));
}
function isExternalRefs(v: unknown): v is ExternalRef[] {
  return Array.isArray(v) && v.every((r) => isObject(r) && typeof r.key === 'string' && typeof r.url === 'string');
}
