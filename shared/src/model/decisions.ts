import { RootKey } from '../schema/keys';
import type { Decision } from '../schema/records';
import { decisionInputSchema, decisionPatchSchema } from '../schema/validators';
import { defineCollection } from './collection';
import { readNullableString, readNumber, readString } from './fieldReaders';
import { ValidationError } from './modelError';
import { requireReference } from './references';

export const decisions = defineCollection({
  kind: 'decision',
  rootKey: RootKey.decisions,
  inputSchema: decisionInputSchema,
  patchSchema: decisionPatchSchema,
  initialFields: (input, now) => ({
    text: input.text,
    rationale: input.rationale,
    alternatives: input.alternatives,
    decidedBy: input.decidedBy,
    agendaItemId: input.agendaItemId,
    reviewDate: input.reviewDate,
    supersedesId: input.supersedesId,
    createdAt: now,
  }),
  checkReferences(doc, values, id) {
    if ('agendaItemId' in values) requireReference(doc, RootKey.agenda, values.agendaItemId, 'agendaItemId');
    if ('supersedesId' in values) {
      if (id !== null && values.supersedesId === id) {
        throw new ValidationError('supersedesId: a decision cannot supersede itself', 'supersedesId');
      }
      requireReference(doc, RootKey.decisions, values.supersedesId, 'supersedesId');
    }
  },
  read: (id, record): Decision => ({
    id,
    text: readString(record, 'text'),
    rationale: readString(record, 'rationale'),
    alternatives: readString(record, 'alternatives'),
    decidedBy: readString(record, 'decidedBy'),
    agendaItemId: readNullableString(record, 'agendaItemId'),
    createdAt: readNumber(record, 'createdAt', 0),
    reviewDate: readNullableString(record, 'reviewDate'),
    supersedesId: readNullableString(record, 'supersedesId'),
    order: readString(record, 'order'),
  }),
});

export const listDecisions = decisions.list;
export const getDecision = decisions.get;
export const addDecision = decisions.add;
export const updateDecision = decisions.update;
export const removeDecision = decisions.remove;
export const moveDecision = decisions.move;
