import * as Y from 'yjs';
import { AGENDA_NOTES_FIELD, RootKey } from '../schema/keys';
import { AGENDA_ITEM_STATUSES, type AgendaItem } from '../schema/records';
import { agendaItemInputSchema, agendaItemPatchSchema } from '../schema/validators';
import { defineCollection } from './collection';
import { readEnum, readNumber, readString } from './fieldReaders';
import { NotFoundError } from './modelError';

export const agendaItems = defineCollection({
  kind: 'agenda item',
  rootKey: RootKey.agenda,
  inputSchema: agendaItemInputSchema,
  patchSchema: agendaItemPatchSchema,
  initialFields: (input) => ({
    title: input.title,
    presenter: input.presenter,
    timeboxMinutes: input.timeboxMinutes,
    status: input.status,
    actualSeconds: 0,
  }),
  attachTypes(record) {
    record.set(AGENDA_NOTES_FIELD, new Y.XmlFragment());
  },
  read: (id, record): AgendaItem => ({
    id,
    title: readString(record, 'title'),
    presenter: readString(record, 'presenter'),
    timeboxMinutes: readNumber(record, 'timeboxMinutes', 0),
    actualSeconds: readNumber(record, 'actualSeconds', 0),
    status: readEnum(record, 'status', AGENDA_ITEM_STATUSES, 'pending'),
    order: readString(record, 'order'),
  }),
});

export const listAgendaItems = agendaItems.list;
export const getAgendaItem = agendaItems.get;
export const addAgendaItem = agendaItems.add;
export const updateAgendaItem = agendaItems.update;
export const removeAgendaItem = agendaItems.remove;
export const moveAgendaItem = agendaItems.move;

/**
 * The notes fragment of an agenda item, for binding the notes editor (tiptap's Collaboration
 * extension). This is the one Y type the model hands out.
 */
export function getAgendaNotes(doc: Y.Doc, agendaItemId: string): Y.XmlFragment {
  const notes = findAgendaNotes(doc, agendaItemId);
  if (!notes) throw new NotFoundError('agenda item', agendaItemId);
  return notes;
}

/** Like getAgendaNotes, but null when the item (or its fragment) is missing. */
export function findAgendaNotes(doc: Y.Doc, agendaItemId: string): Y.XmlFragment | null {
  const notes = agendaItems.record(doc, agendaItemId)?.get(AGENDA_NOTES_FIELD);
  return notes instanceof Y.XmlFragment ? notes : null;
}
