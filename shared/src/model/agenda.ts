import * as Y from 'yjs';
import { AGENDA_NOTES_FIELD, RootKey } from '../schema/keys';
import { agendaItemRecord } from '../schema/meetingRecords';
import { defineCollection } from './collection';
import { NotFoundError } from './modelError';

export const agendaItems = defineCollection({
  kind: 'agenda item',
  rootKey: RootKey.agenda,
  schema: agendaItemRecord,
  stamp: () => ({ actualSeconds: 0 }),
  attachTypes(record) {
    record.set(AGENDA_NOTES_FIELD, new Y.XmlFragment());
  },
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
