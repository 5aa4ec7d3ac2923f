/**
 * Brings a stored meeting's document up to the layout this code writes (SCHEMA_VERSION) when it
 * is loaded: the migrations of @suishin/shared (model/migrations/), run once per document.
 *
 * - A room runs them as a server change (durable like any other write: stored, then applied) before
 *   it is handed to any connection, so clients sync the migrated document; the next load finds it
 *   at the current version and migrates nothing. Two instances loading the same old document at
 *   once both migrate it; the migrations converge, so the merged document is the same.
 * - A read that opens no room (an export, a REST read of a closed meeting) migrates its own
 *   in-memory copy and writes nothing.
 * - A document newer than this code is refused (NewerDocumentError), never migrated or written.
 * - A join that loads the room may be sent the stored snapshot before the room is built
 *   (syncEndpoint.ts), but only a snapshot already at SCHEMA_VERSION (atCurrentLayout): a client
 *   never syncs a layout its code does not read, nor one this server refuses.
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION, migrateDocument, pendingMigrations, updateVersion } from '@suishin/shared';
import type { Logger } from '../logger';

/** What of a room this needs (sync/room/room.ts), named here so meetings/ need not import it. */
export interface LoadingRoom {
  readonly meetingId: string;
  readonly doc: Y.Doc;
  applyServerChange<T>(change: (doc: Y.Doc) => T): Promise<T>;
  destroy(): void;
}

/** Migrates the freshly loaded room's document durably; on refusal or failure destroys the room and throws. */
export async function migrateOnLoad(room: LoadingRoom, logger: Logger): Promise<void> {
  try {
    if (pendingMigrations(room.doc).length === 0) return; // throws NewerDocumentError
    const { from, to, applied } = await room.applyServerChange((doc) => migrateDocument(doc));
    logger.info('meeting document migrated', { meetingId: room.meetingId, from, to, migrations: applied.map((m) => m.description) });
  } catch (error) {
    room.destroy();
    throw error;
  }
}

/** Migrates a copy read from the store for one read, in memory only. Throws NewerDocumentError. */
export function migrateReadCopy(doc: Y.Doc): void {
  migrateDocument(doc);
}

/** Whether a stored whole-document update is at this code's layout (read without building it). */
export function atCurrentLayout(update: Uint8Array): boolean {
  return updateVersion(update) === SCHEMA_VERSION;
}
