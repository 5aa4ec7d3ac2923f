import * as Y from 'yjs';
import { AGENDA_NOTES_FIELD, RootKey, type RootKeyName } from '../schema/keys';

type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Parts of a meeting a UI hook can subscribe to. `notes` is any agenda item's rich text. */
export type MeetingSection = RootKeyName | 'notes';

/**
 * Calls `listener` once per transaction with the sections it changed, so hooks re-read only
 * what changed (typing in notes does not re-render the agenda list). Returns unsubscribe.
 */
export function observeMeeting(
  doc: Y.Doc,
  listener: (sections: ReadonlySet<MeetingSection>) => void,
): () => void {
  const roots = new Map<AnyType, RootKeyName>();
  for (const key of Object.values(RootKey)) roots.set(doc.getMap(key), key);

  const onAfterTransaction = (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0) return;
    const sections = new Set<MeetingSection>();
    for (const type of transaction.changed.keys()) {
      const section = sectionOf(type, roots);
      if (section) sections.add(section);
    }
    if (sections.size > 0) listener(sections);
  };
  doc.on('afterTransaction', onAfterTransaction);
  return () => doc.off('afterTransaction', onAfterTransaction);
}

function sectionOf(
  type: AnyType,
  roots: Map<AnyType, RootKeyName>,
): MeetingSection | null {
  let inNotes = false;
  let current: AnyType | null = type;
  while (current) {
    const root = roots.get(current);
    if (root) return inNotes ? 'notes' : root;
    if (current instanceof Y.XmlFragment || current instanceof Y.XmlElement || current instanceof Y.XmlText) {
      inNotes = true;
    }
    const item: Y.Item | null = current._item;
    if (item?.parentSub === AGENDA_NOTES_FIELD) inNotes = true;
    current = item ? (item.parent as AnyType | null) : null;
  }
  return null;
}
