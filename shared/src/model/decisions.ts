import { RootKey } from '../schema/keys';
import { decisionRecord } from '../schema/meetingRecords';
import { defineCollection } from './collection';
import { ValidationError } from './modelError';
import { requireReference } from './references';

export const decisions = defineCollection({
  kind: 'decision',
  rootKey: RootKey.decisions,
  schema: decisionRecord,
  stamp: (now) => ({ createdAt: now }),
  checkReferences(doc, values, id) {
    if ('agendaItemId' in values) requireReference(doc, RootKey.agenda, values.agendaItemId, 'agendaItemId');
    if ('supersedesId' in values) {
      if (id !== null && values.supersedesId === id) {
        throw new ValidationError('supersedesId: a decision cannot supersede itself', 'supersedesId');
      }
      requireReference(doc, RootKey.decisions, values.supersedesId, 'supersedesId');
    }
  },
});

export const listDecisions = decisions.list;
export const getDecision = decisions.get;
export const addDecision = decisions.add;
export const updateDecision = decisions.update;
export const removeDecision = decisions.remove;
export const moveDecision = decisions.move;
