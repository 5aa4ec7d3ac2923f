import * as Y from 'yjs';
import { RootKey, SCHEMA_VERSION } from '../../schema/keys';
import { carriedFromViaMeeting } from './carriedFromViaMeeting';
import type { Migration } from './migration';

export type { Migration } from './migration';

/**
 * Every migration, in order: MIGRATIONS[i] takes version i + 1 to i + 2, and the last one ends at
 * SCHEMA_VERSION (migrations.test.ts holds the chain to that). How to add one: shared/README.md.
 */
export const MIGRATIONS: readonly Migration[] = [carriedFromViaMeeting];

/** A document written by a newer version of the app than this code knows: never migrated or written. */
export class NewerDocumentError extends Error {
  override readonly name = 'NewerDocumentError';
  constructor(readonly version: number) {
    super(`the meeting was saved by a newer version of Suishin (document version ${version}, this one knows up to ${SCHEMA_VERSION})`);
  }
}

/** The document's layout version; 0 for a document that holds no meeting yet. */
export function documentVersion(doc: Y.Doc): number {
  const value = doc.getMap<unknown>(RootKey.meta).get('schemaVersion');
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 0;
}

/** The migrations `doc` still needs (none for an empty document); throws NewerDocumentError. */
export function pendingMigrations(doc: Y.Doc): Migration[] {
  const version = documentVersion(doc);
  if (version > SCHEMA_VERSION) throw new NewerDocumentError(version);
  if (version === 0) return [];
  return MIGRATIONS.filter((m) => m.from >= version);
}

/**
 * Brings `doc` to SCHEMA_VERSION in one transaction (each pending migration, then the new
 * version). Returns the version it started from. Throws NewerDocumentError, changing nothing,
 * for a document newer than this code.
 */
export function migrateDocument(doc: Y.Doc): { from: number; to: number; applied: readonly Migration[] } {
  const from = documentVersion(doc);
  const pending = pendingMigrations(doc);
  if (pending.length === 0) return { from, to: from, applied: [] };
  doc.transact(() => {
    for (const migration of pending) migration.migrate(doc);
    doc.getMap<unknown>(RootKey.meta).set('schemaVersion', SCHEMA_VERSION);
  });
  return { from, to: SCHEMA_VERSION, applied: pending };
}

/**
 * The layout version an update (a whole document's state, e.g. a compacted snapshot) carries,
 * read without building the document: the one live `meta.schemaVersion` value in it, or null
 * when that is not plain to see (none, several, deleted content kept). Decoding is much cheaper
 * than building; the sync server uses it to send a stored snapshot before the room is built only
 * when the snapshot needs no migration (server/src/meetings/migrateOnLoad.ts).
 */
export function updateVersion(update: Uint8Array): number | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  // Only the first item of a map key names its parent and key; later ones (a value overwritten)
  // point at their left neighbour (`origin`), so the key's items are found by following origins.
  const ofKey = new Set<Y.Item>();
  const clocks = new Set<string>();
  const at = (id: { client: number; clock: number }) => `${id.client}:${id.clock}`;
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (ofKey.has(item)) continue;
      // In a decoded update a root parent is its name (a string), not a type.
      const first = (item.parent as unknown) === RootKey.meta && item.parentSub === 'schemaVersion';
      if (!first && !(item.origin && clocks.has(at(item.origin))) && !(item.rightOrigin && clocks.has(at(item.rightOrigin)))) continue;
      ofKey.add(item);
      for (let i = 0; i < item.length; i++) clocks.add(at({ client: item.id.client, clock: item.id.clock + i }));
      grew = true;
    }
  }
  let version: number | null = null;
  for (const item of ofKey) {
    if (item.content instanceof Y.ContentDeleted || Y.isDeleted(ds, item.id)) continue;
    const values = item.content.getContent() as unknown[];
    if (!(item.content instanceof Y.ContentAny) || values.length !== 1 || typeof values[0] !== 'number' || version !== null) return null;
    version = values[0];
  }
  return version;
}
