import * as Y from 'yjs';
import type { StoredMeeting } from '../persistence/store';

/** Thrown when stored bytes cannot be turned back into a document. */
export class StoredDocumentError extends Error {
  override name = 'StoredDocumentError';
}

/**
 * Rebuilds a meeting's document from its snapshot and log tail, in one transaction.
 * Only reads `stored`; a failure leaves the store untouched (callers must not write back).
 */
export function docFromStored(stored: StoredMeeting): Y.Doc {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update.data);
    });
  } catch (error) {
    doc.destroy();
    throw new StoredDocumentError(`stored document is unreadable: ${(error as Error).message}`, { cause: error });
  }
  return doc;
}
