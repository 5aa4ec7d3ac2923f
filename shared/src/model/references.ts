import type * as Y from 'yjs';
import { RootKey, type RootKeyName } from '../schema/keys';
import { ValidationError } from './modelError';

/** Throws unless `id` names an existing record under `rootKey`; null means "no link". */
export function requireReference(
  doc: Y.Doc,
  rootKey: RootKeyName,
  id: unknown,
  field: string,
): void {
  if (id === null || id === undefined) return;
  if (typeof id !== 'string' || !doc.getMap(rootKey).has(id)) {
    throw new ValidationError(`${field}: no such ${describe(rootKey)} (${String(id)})`, field);
  }
}

function describe(rootKey: RootKeyName): string {
  switch (rootKey) {
    case RootKey.agenda:
      return 'agenda item';
    case RootKey.decisions:
      return 'decision';
    case RootKey.actionItems:
      return 'action item';
    case RootKey.kpis:
      return 'KPI';
    case RootKey.attendees:
      return 'attendee';
    case RootKey.issues:
      return '課題';
    default:
      return rootKey;
  }
}
