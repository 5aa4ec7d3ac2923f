import * as Y from 'yjs';
import type { StoredMeeting } from '../persistence/store';
import { checkUpdate } from '../sync/room/updateValidation';

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

/**
 * The stored meeting as one update, without building a document, when the store holds it so: a
 * compacted meeting (its snapshot, no log tail; compact() writes Y.encodeStateAsUpdate of the
 * room's document). Only bytes that pass the structural check a client's update gets, so they
 * can be sent before anything here has read them with Yjs: they cannot make a client's Yjs loop.
 * Null otherwise: build the document with docFromStored.
 */
export function storedFullState(stored: StoredMeeting): Uint8Array | null {
  const { snapshot } = stored;
  if (!snapshot || stored.updates.length > 0) return null;
  return checkUpdate(snapshot, { maxBytes: snapshot.length }).ok ? snapshot : null;
}
