import type * as Y from 'yjs';

/**
 * A record's Y.Map. Its fields are read through the record's declaration (schema/recordSchema.ts):
 * a document written by an older or newer client may miss a field or hold another type, and the
 * reader falls back instead of crashing the UI.
 */
export type FieldMap = Y.Map<unknown>;
