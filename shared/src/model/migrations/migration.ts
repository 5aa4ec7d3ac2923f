import type * as Y from 'yjs';

/**
 * One step of the meeting document's layout (schema/keys.ts SCHEMA_VERSION), from `from` to
 * `to` = from + 1. `migrate` is a pure function of the document, run inside the transaction that
 * also records the new version (migrateDocument). It must be idempotent and converge: running it
 * twice changes nothing the second time, and two copies of the same document migrated apart (two
 * server instances loading it at once) merge into the same result, so it writes only values that
 * depend on the document alone (no clock, no random ids).
 */
export interface Migration {
  from: number;
  to: number;
  /** What it changes and why, for the log. */
  description: string;
  migrate(doc: Y.Doc): void;
}
