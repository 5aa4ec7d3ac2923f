import type * as Y from 'yjs';
import { RootKey, SCHEMA_VERSION } from '../schema/keys';
import { meetingMetaRecord } from '../schema/meetingMeta';
import type { MeetingMeta } from '../schema/records';
import { meetingInitSchema, meetingMetaPatchSchema, type MeetingInit, type MeetingMetaPatch } from '../schema/validators';
import { ErrorCode } from '../protocol/errors';
import type { FieldMap } from './fieldReaders';
import { ModelError } from './modelError';
import { parseInput } from './parse';

export function metaMap(doc: Y.Doc): FieldMap {
  return doc.getMap<unknown>(RootKey.meta);
}

/** Writes the meta of a new meeting. Refuses a document that already holds a meeting. */
export function initMeeting(doc: Y.Doc, input: MeetingInit): void {
  const values = parseInput(meetingInitSchema, input);
  const meta = metaMap(doc);
  if (meta.has('schemaVersion')) {
    throw new ModelError(ErrorCode.conflict, 'this document already holds a meeting');
  }
  const { fields } = meetingMetaRecord;
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    for (const [key, value] of Object.entries(values)) {
      // Fields that may be absent are written only when given: absent reads as the default.
      if (value === undefined || (value === null && fields[key as keyof typeof fields].mayBeAbsent)) continue;
      meta.set(key, value);
    }
    meta.set('status', 'draft');
    meta.set('currentAgendaItemId', null);
    meta.set('timer', null);
    meta.set('startedAt', null);
    meta.set('endedAt', null);
  });
}

/** True once `initMeeting` has run on this document (or its update has arrived). */
export function isMeetingInitialized(doc: Y.Doc): boolean {
  return metaMap(doc).has('schemaVersion');
}

/** The meeting's meta, read tolerantly (a missing or bad field reads as its default). */
export function getMeta(doc: Y.Doc): MeetingMeta {
  return meetingMetaRecord.read(metaMap(doc));
}

/** Edits the descriptive meta fields. Status and timer change only through facilitation. */
export function updateMeta(doc: Y.Doc, patch: MeetingMetaPatch): void {
  const values = parseInput(meetingMetaPatchSchema, patch);
  const meta = metaMap(doc);
  const changes = Object.entries(values).filter(([, v]) => v !== undefined);
  if (changes.length === 0) return;
  doc.transact(() => {
    for (const [key, value] of changes) meta.set(key, value);
  });
}
