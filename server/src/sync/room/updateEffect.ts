import * as Y from 'yjs';

/**
 * Whether applying `update` to `doc` would change it: new items, or deletions of items `doc` still
 * has. Used for updates the room refuses without applying (observers, an ended meeting), to tell a
 * refusal that loses someone's edit from a client merely sending back what it already has (the
 * SyncStep2 of every reconnect). Reads the update; never applies it. Call on updates that passed
 * the bounded structural check (updateValidation.ts).
 */
export function changesDocument(doc: Y.Doc, update: Uint8Array): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  const { structs, ds } = Y.decodeUpdate(update);
  // Struct by struct, not Y.encodeStateVectorFromUpdate: that one counts a client only when its
  // structs start at clock 0 (a whole document), so the usual incremental update, which continues
  // a client's clock, would look like nothing new.
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue; // a gap, not content
    if (struct.id.clock + struct.length > (known.get(struct.id.client) ?? 0)) return true;
  }
  if (ds.clients.size === 0) return false;
  const current = Y.createDeleteSetFromStructStore(doc.store);
  return !Y.equalDeleteSets(current, Y.mergeDeleteSets([current, ds]));
}
