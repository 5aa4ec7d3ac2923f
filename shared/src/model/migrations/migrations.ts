import type * as Y from 'yjs';
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
